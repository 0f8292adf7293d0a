package io.github.cfnvalidator.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A jqwik generator of SageMaker high-availability stacks written the way teams write them: parameters with and
 * without constraints, conditions over them and over the region, a mapping, and {@code Fn::If} at every level a rule
 * walks through (the whole Properties, the variant list, one variant, one property), with an endpoint, a rollback
 * alarm naming it, and an autoscaling target; the endpoint configuration is sometimes written once in an
 * {@code Fn::ForEach} body that makes two of them. Every choice is one of a fixed-length list of jqwik integers, so
 * counterexamples shrink towards the plainest stack.
 */
final class HaStacks {
    private static final int CHOICES = 26;

    private HaStacks() {
    }

    /** Generated stacks as plain template values. */
    static Arbitrary<Map<String, Object>> stacks() {
        return Arbitraries.integers().between(0, 59).list().ofSize(CHOICES).map(HaStacks::stack);
    }

    /** The stack a list of choices describes. */
    static Map<String, Object> stack(List<Integer> c) {
        Choices ch = new Choices(c);
        Map<String, Object> t = new LinkedHashMap<>();
        boolean defaultValue = ch.pick(8, 2) == 1;
        boolean loop = ch.pick(24, 3) == 2;
        if (defaultValue || loop) {
            t.put("Transform", "AWS::LanguageExtensions");
        }
        t.put("Parameters", parameters(ch));
        t.put("Conditions", map("IsProd", call("Fn::Equals", List.of(ref("Env"), "prod")),
                "IsDev", call("Fn::Not", List.of(Map.of("Condition", "IsProd"))),
                "InEurope", call("Fn::Equals", List.of(ref("AWS::Region"), "eu-west-1")),
                "Big", call(ch.pick(5, 2) == 0 ? "Fn::And" : "Fn::Or",
                        List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "InEurope")))));
        t.put("Mappings", map("Sizes", map("dev", map("Count", num(ch.pick(6, 3) + 1)),
                "staging", map("Count", num(2)), "prod", map("Count", num(ch.pick(7, 3) + 1)))));
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("Model", resource("AWS::SageMaker::Model", map("ExecutionRoleArn", "arn:aws:iam::1:role/r",
                "PrimaryContainer", map("Image", image(ch)))));
        Map<String, Object> config = resource("AWS::SageMaker::EndpointConfig", configProperties(ch, defaultValue));
        if (loop) { // two configs from one Fn::ForEach body; the endpoint uses the first
            resources.put("Fn::ForEach::Configs", List.of("Size", List.of("A", "B"), map("Config${Size}", config)));
        } else {
            resources.put("Config", config);
        }
        resources.put("Api", resource("AWS::SageMaker::Endpoint", endpoint(ch, loop ? "ConfigA" : "Config")));
        resources.put("Errors", resource("AWS::CloudWatch::Alarm", alarm(ch)));
        if (ch.pick(18, 2) == 0) {
            resources.put("Target", resource("AWS::ApplicationAutoScaling::ScalableTarget", target(ch)));
        }
        t.put("Resources", resources);
        return t;
    }

    private static Map<String, Object> parameters(Choices ch) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Env", switch (ch.pick(0, 3)) {
            case 0 -> map("Type", "String", "AllowedValues", List.of("dev", "prod"), "Default", "dev");
            case 1 -> map("Type", "String", "AllowedValues", List.of("dev", "staging", "prod"));
            default -> map("Type", "String", "Default", "dev");
        });
        p.put("Count", switch (ch.pick(1, 4)) {
            case 0 -> map("Type", "Number", "MinValue", num(2), "Default", num(2));
            case 1 -> map("Type", "Number", "MinValue", num(1), "Default", num(2));
            case 2 -> map("Type", "Number", "AllowedValues", List.of(num(1), num(2), num(3)));
            default -> map("Type", "Number", "MinValue", num(2), "MaxValue", num(4));
        });
        p.put("Floor", switch (ch.pick(2, 3)) {
            case 0 -> map("Type", "Number", "MinValue", num(2), "MaxValue", num(3));
            case 1 -> map("Type", "Number", "AllowedValues", List.of(num(1), num(2)));
            default -> map("Type", "Number", "MinValue", num(1), "MaxValue", num(3), "Default", num(2));
        });
        p.put("InstanceType", switch (ch.pick(3, 3)) {
            case 0 -> map("Type", "String", "AllowedValues", List.of("ml.m5.large", "ml.c5.large"));
            case 1 -> map("Type", "String", "AllowedValues", List.of("ml.m5.large", "ml.t2.medium"));
            default -> map("Type", "String", "Default", "ml.m5.large",
                    "AllowedPattern", "^ml\\.[a-z0-9]+\\.[a-z0-9]+$");
        });
        p.put("Routing", switch (ch.pick(25, 3)) {
            case 0 -> map("Type", "String", "AllowedValues", List.of("CANARY", "LINEAR"), "Default", "CANARY");
            case 1 -> map("Type", "String", "AllowedValues", List.of("CANARY", "ALL_AT_ONCE"));
            default -> map("Type", "String", "Default", "CANARY");
        });
        p.put("ImageTag", switch (ch.pick(4, 3)) {
            case 0 -> map("Type", "String", "AllowedValues", List.of("v1.2.3", "v1.2.4"));
            case 1 -> map("Type", "String", "AllowedValues", List.of("v1", "latest"));
            default -> map("Type", "String", "Default", "v1", "AllowedPattern", "^v[0-9.]+$");
        });
        return p;
    }

    private static Object image(Choices ch) {
        return switch (ch.pick(19, 3)) {
            case 0 -> call("Fn::Sub", "123456789012.dkr.ecr.${AWS::Region}.amazonaws.com/model:${ImageTag}");
            case 1 -> call("Fn::If", List.of("IsProd", "123456789012.dkr.ecr.us-east-1.amazonaws.com/model:v1",
                    call("Fn::Sub", "123456789012.dkr.ecr.us-east-1.amazonaws.com/model:${ImageTag}")));
            default -> call("Fn::Join", List.of(":", List.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/model",
                    ref("ImageTag"))));
        };
    }

    private static Object count(Choices ch, int k, boolean defaultValue) {
        List<Object> lookup = new ArrayList<>(List.of("Sizes", ref("Env"), "Count"));
        if (defaultValue) {
            lookup.add(map("DefaultValue", num(ch.pick(11, 3) + 1)));
        }
        return switch (ch.pick(9 + k, 7)) {
            case 0 -> num(ch.pick(11, 3) + 1);
            case 1 -> ref("Count");
            case 2 -> call("Fn::FindInMap", lookup);
            case 3 -> call("Fn::If", List.of("IsProd", ref("Count"), num(ch.pick(11, 3) + 1)));
            case 4 -> call("Fn::If", List.of("IsDev", num(1), call("Fn::FindInMap", lookup)));
            case 5 -> call("Fn::Select", List.of(String.valueOf(ch.pick(11, 3)),
                    call("Fn::Split", List.of(",", "1,2,3"))));
            default -> call("Fn::Sub", "${Count}");
        };
    }

    private static Map<String, Object> variant(Choices ch, int k, boolean defaultValue) {
        Object type = switch (ch.pick(13, 3)) {
            case 0 -> ref("InstanceType");
            case 1 -> call("Fn::If", List.of("IsProd", "ml.m5.large", "ml.t2.medium"));
            default -> "ml.m5.large";
        };
        return map("VariantName", k == 0 ? "primary" : "secondary", "ModelName", getAtt("Model", "ModelName"),
                "InstanceType", type, "InitialInstanceCount", count(ch, k, defaultValue), "InitialVariantWeight",
                num(1));
    }

    private static Object configProperties(Choices ch, boolean defaultValue) {
        List<Object> variants = new ArrayList<>();
        int n = ch.pick(12, 2) + 1;
        for (int k = 0; k < n; k++) {
            variants.add(variant(ch, k, defaultValue));
        }
        Map<String, Object> alternative = variant(ch, 0, defaultValue);
        alternative.put("InitialInstanceCount", ch.pick(20, 2) == 0 ? num(1) : ref("Count"));
        String cond = List.of("IsProd", "IsDev", "Big").get(ch.pick(21, 3));
        switch (ch.pick(14, 5)) {
            case 1: // the whole Properties
                List<Object> other = new ArrayList<>(variants);
                other.set(0, alternative);
                return call("Fn::If", List.of(cond, map("ProductionVariants", variants),
                        map("ProductionVariants", other)));
            case 2: // the variant list
                return map("ProductionVariants", call("Fn::If", List.of(cond, variants, List.of(alternative))));
            case 3: // one list item, removed in some deployments
                alternative.put("VariantName", "standby");
                variants.add(call("Fn::If", List.of(cond, alternative, ref("AWS::NoValue"))));
                return map("ProductionVariants", variants);
            case 4: // one variant's map
                variants.set(0, call("Fn::If", List.of(cond, variants.get(0), alternative)));
                return map("ProductionVariants", variants);
            default:
                return map("ProductionVariants", variants);
        }
    }

    private static Object endpointName(int choice) {
        return switch (choice) {
            case 0 -> call("Fn::Sub", "${AWS::StackName}-fraud");
            case 1 -> "fraud-endpoint";
            default -> call("Fn::Join", List.of("-", List.of(ref("AWS::StackName"), "fraud")));
        };
    }

    private static Map<String, Object> endpoint(Choices ch, String config) {
        Map<String, Object> p = map("EndpointName", endpointName(ch.pick(15, 3)),
                "EndpointConfigName", getAtt(config, "EndpointConfigName"));
        int routing = ch.pick(22, 4);
        if (routing != 0) {
            Object type = routing == 1 ? "CANARY" : routing == 2 ? "LINEAR" : ref("Routing");
            p.put("DeploymentConfig", map("BlueGreenUpdatePolicy", map("TrafficRoutingConfiguration",
                            map("Type", type, routing == 2 ? "LinearStepSize" : "CanarySize",
                                    map("Type", "INSTANCE_COUNT", "Value", num(1)), "WaitIntervalInSeconds",
                                    num(300))),
                    "AutoRollbackConfiguration", map("Alarms", List.of(map("AlarmName", ref("Errors"))))));
        }
        return p;
    }

    private static Map<String, Object> alarm(Choices ch) {
        Object name = switch (ch.pick(16, 4)) {
            case 0 -> getAtt("Api", "EndpointName");
            case 1 -> endpointName(ch.pick(15, 3));
            case 2 -> endpointName((ch.pick(15, 3) + 2) % 3);
            default -> "other-endpoint";
        };
        return map("Namespace", "AWS/SageMaker", "MetricName", ch.pick(17, 3) == 0 ? "CPUUtilization"
                        : "Invocation5XXErrors", "Dimensions", List.of(map("Name", "EndpointName", "Value", name),
                        map("Name", "VariantName", "Value", "primary")), "Statistic", "Sum", "Period", num(60),
                "EvaluationPeriods", num(1), "Threshold", num(1), "ComparisonOperator",
                "GreaterThanOrEqualToThreshold");
    }

    private static Map<String, Object> target(Choices ch) {
        Object floor = switch (ch.pick(23, 3)) {
            case 0 -> ref("Floor");
            case 1 -> call("Fn::If", List.of("IsProd", num(2), ref("Floor")));
            default -> num(2);
        };
        return map("ServiceNamespace", "sagemaker", "ScalableDimension", "sagemaker:variant:DesiredInstanceCount",
                "ResourceId", call("Fn::Sub", "endpoint/${Api.EndpointName}/variant/primary"),
                "MinCapacity", floor, "MaxCapacity", num(4));
    }

    private record Choices(List<Integer> c) {
        int pick(int i, int n) {
            return c.get(i) % n;
        }
    }

    private static Map<String, Object> resource(String type, Object properties) {
        return map("Type", type, "Properties", properties);
    }

    private static BigInteger num(int n) {
        return BigInteger.valueOf(n);
    }

    private static Map<String, Object> ref(String name) {
        return map("Ref", name);
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return map("Fn::GetAtt", List.of(resource, attribute));
    }

    private static Map<String, Object> call(String fn, Object arg) {
        return map(fn, arg);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
