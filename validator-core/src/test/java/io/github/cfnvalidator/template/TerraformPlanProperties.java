package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A CloudFormation template and the Terraform plan of the same stack (both generated from one model: endpoint
 * configs with instance or serverless variants, models, endpoints with or without blue/green deployment and rollback
 * alarms, autoscaling targets; values known only at deploy time written as {@code Fn::ImportValue} in the template
 * and listed in {@code after_unknown} in the plan) give the same verdicts: the same rules, severities and resources.
 */
class TerraformPlanProperties {
    private static final Validator VALIDATOR = Validator.builder().threads(1).build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One variant: an instance count (null: known only at deploy time), or serverless. */
    record Variant(Integer count, String instanceType, boolean serverless) {
    }

    /** One endpoint config with its model and, optionally, an endpoint and an autoscaling target. */
    record Stack(List<Variant> variants, String image, int deployment, Integer minCapacity, boolean alarmWatches) {
    }

    @Property(tries = 60)
    void templateAndPlanGiveTheSameVerdicts(@ForAll("stacks") List<Stack> stacks) throws Exception {
        Map<String, Object> template = new LinkedHashMap<>();
        Map<String, Object> resources = new LinkedHashMap<>();
        template.put("Resources", resources);
        List<Map<String, Object>> changes = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < stacks.size(); i++) {
            add(stacks.get(i), i, resources, changes, ids);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("format_version", "1.2");
        plan.put("resource_changes", changes);
        FileReport cfn = VALIDATOR.validate("stack.json", JSON.writeValueAsString(template));
        FileReport tf = VALIDATOR.validate("plan.json", JSON.writeValueAsString(plan));
        assertThat(cfn.errors()).isEmpty();
        assertThat(tf.errors()).isEmpty();
        assertThat(verdicts(tf.findings(), ids)).isEqualTo(verdicts(cfn.findings(), Map.of()));
        boolean single = stacks.stream().flatMap(s -> s.variants().stream())
                .anyMatch(v -> !v.serverless() && v.count() != null && v.count() < 2);
        assertThat(tf.findings().stream().anyMatch(f -> f.ruleId().equals("sagemaker_variant_min_instances")))
                .as("a variant with fewer than 2 instances is found in the plan").isEqualTo(single || stacks.stream()
                        .flatMap(s -> s.variants().stream()).anyMatch(v -> !v.serverless() && v.count() == null));
    }

    private static List<String> verdicts(List<Finding> findings, Map<String, String> ids) {
        return findings.stream().map(f -> f.ruleId() + " " + f.severity().label() + " "
                + ids.getOrDefault(f.resource(), f.resource())).sorted().toList();
    }

    private static void add(Stack s, int i, Map<String, Object> cfn, List<Map<String, Object>> tf,
                            Map<String, String> ids) {
        String cfg = "cfg-" + i;
        String ep = "ep-" + i;
        List<Object> cfnVariants = new ArrayList<>();
        List<Object> tfVariants = new ArrayList<>();
        List<Object> unknownVariants = new ArrayList<>();
        for (int v = 0; v < s.variants().size(); v++) {
            Variant x = s.variants().get(v);
            Map<String, Object> c = new LinkedHashMap<>(Map.of("VariantName", "v" + v, "ModelName", "m-" + i));
            Map<String, Object> t = new LinkedHashMap<>(Map.of("variant_name", "v" + v, "model_name", "m-" + i));
            Map<String, Object> u = new LinkedHashMap<>();
            if (x.serverless()) {
                c.put("ServerlessConfig", Map.of("MaxConcurrency", 5, "MemorySizeInMB", 2048));
                t.put("serverless_config", List.of(Map.of("max_concurrency", 5, "memory_size_in_mb", 2048)));
                t.put("initial_instance_count", null);
            } else {
                c.put("InstanceType", x.instanceType());
                t.put("instance_type", x.instanceType());
                t.put("serverless_config", List.of());
                if (x.count() == null) {
                    c.put("InitialInstanceCount", Map.of("Fn::ImportValue", "count-" + i));
                    u.put("initial_instance_count", true);
                } else {
                    c.put("InitialInstanceCount", x.count());
                    t.put("initial_instance_count", x.count());
                }
            }
            cfnVariants.add(c);
            tfVariants.add(t);
            unknownVariants.add(u);
        }
        put(cfn, tf, ids, "Config" + i, "aws_sagemaker_endpoint_configuration.this[" + i + "]",
                "AWS::SageMaker::EndpointConfig", Map.of("EndpointConfigName", cfg, "ProductionVariants", cfnVariants),
                "aws_sagemaker_endpoint_configuration", Map.of("name", cfg, "production_variants", tfVariants),
                Map.of("production_variants", unknownVariants));
        put(cfn, tf, ids, "Model" + i, "module.m.aws_sagemaker_model.this[\"" + i + "\"]", "AWS::SageMaker::Model",
                Map.of("ModelName", "m-" + i, "PrimaryContainer", Map.of("Image", s.image())),
                "aws_sagemaker_model", Map.of("name", "m-" + i, "primary_container", List.of(Map.of("image",
                        s.image()))), Map.of());
        if (s.deployment() > 0) {
            endpoint(s, i, cfn, tf, ids);
        }
        if (s.minCapacity() != null && s.deployment() > 0) {
            put(cfn, tf, ids, "Target" + i, "aws_appautoscaling_target.t" + i,
                    "AWS::ApplicationAutoScaling::ScalableTarget", Map.of("ServiceNamespace", "sagemaker",
                            "ScalableDimension", "sagemaker:variant:DesiredInstanceCount", "ResourceId",
                            "endpoint/" + ep + "/variant/v0", "MinCapacity", s.minCapacity(), "MaxCapacity", 4),
                    "aws_appautoscaling_target", Map.of("service_namespace", "sagemaker", "scalable_dimension",
                            "sagemaker:variant:DesiredInstanceCount", "resource_id", "endpoint/" + ep
                                    + "/variant/v0", "min_capacity", s.minCapacity(), "max_capacity", 4), Map.of());
        }
    }

    /** deployment: 1 none, 2 ALL_AT_ONCE, 3 CANARY with a rollback alarm. */
    private static void endpoint(Stack s, int i, Map<String, Object> cfn, List<Map<String, Object>> tf,
                                 Map<String, String> ids) {
        String ep = "ep-" + i;
        Map<String, Object> cfnProps = new LinkedHashMap<>(Map.of("EndpointName", ep, "EndpointConfigName",
                "cfg-" + i));
        Map<String, Object> tfValues = new LinkedHashMap<>(Map.of("name", ep, "endpoint_config_name", "cfg-" + i));
        if (s.deployment() > 1) {
            String type = s.deployment() == 2 ? "ALL_AT_ONCE" : "CANARY";
            cfnProps.put("DeploymentConfig", Map.of(
                    "BlueGreenUpdatePolicy", Map.of("TrafficRoutingConfiguration", Map.of("Type", type)),
                    "AutoRollbackConfiguration", Map.of("Alarms", List.of(Map.of("AlarmName", "alarm-" + i)))));
            tfValues.put("deployment_config", List.of(Map.of(
                    "blue_green_update_policy", List.of(Map.of("traffic_routing_configuration",
                            List.of(Map.of("type", type)))),
                    "auto_rollback_configuration", List.of(Map.of("alarms",
                            List.of(Map.of("alarm_name", "alarm-" + i)))))));
            String watched = s.alarmWatches() ? ep : "other";
            put(cfn, tf, ids, "Alarm" + i, "aws_cloudwatch_metric_alarm.a[" + i + "]", "AWS::CloudWatch::Alarm",
                    Map.of("AlarmName", "alarm-" + i, "Namespace", "AWS/SageMaker", "MetricName",
                            "Invocation5XXErrors", "Dimensions", List.of(Map.of("Name", "EndpointName", "Value",
                                    watched))),
                    "aws_cloudwatch_metric_alarm", Map.of("alarm_name", "alarm-" + i, "namespace", "AWS/SageMaker",
                            "metric_name", "Invocation5XXErrors", "dimensions", Map.of("EndpointName", watched)),
                    Map.of());
        }
        put(cfn, tf, ids, "Endpoint" + i, "aws_sagemaker_endpoint.this[" + i + "]", "AWS::SageMaker::Endpoint",
                cfnProps, "aws_sagemaker_endpoint", tfValues, Map.of());
    }

    private static void put(Map<String, Object> cfn, List<Map<String, Object>> tf, Map<String, String> ids,
                            String logicalId, String address, String cfnType, Map<String, Object> props,
                            String tfType, Map<String, Object> after, Map<String, Object> afterUnknown) {
        cfn.put(logicalId, Map.of("Type", cfnType, "Properties", props));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("address", address);
        change.put("mode", "managed");
        change.put("type", tfType);
        change.put("change", Map.of("actions", List.of("create"), "after", after, "after_unknown", afterUnknown));
        tf.add(change);
        ids.put(address, logicalId);
    }

    @Provide
    Arbitrary<List<Stack>> stacks() {
        Arbitrary<Variant> variant = Combinators.combine(
                Arbitraries.integers().between(0, 3).injectNull(0.15),
                Arbitraries.of("ml.t2.medium", "ml.m5.large", "ml.c5.xlarge", "ml.t3.large"),
                Arbitraries.of(false, false, true)).as(Variant::new);
        Arbitrary<Stack> stack = Combinators.combine(
                variant.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("repo/app:latest", "repo/app:1.4.2", "repo/app", "repo/app@sha256:"
                        + "ab".repeat(32)),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 3).injectNull(0.3),
                Arbitraries.of(true, false)).as(Stack::new);
        return stack.list().ofMinSize(1).ofMaxSize(3);
    }
}
