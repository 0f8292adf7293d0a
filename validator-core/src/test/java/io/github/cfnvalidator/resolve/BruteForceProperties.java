package io.github.cfnvalidator.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.rules.builtin.SageMakerVariantMinInstancesRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The resolver's verdict equals brute-force enumeration: for generated parameter bounds, AllowedValues sets and
 * conditions, the rule fails exactly when some admissible deployment gives fewer than 2 instances.
 */
class BruteForceProperties {
    private static final Validator VALIDATOR = Validator.builder().threads(1)
            .rules(List.of(new SageMakerVariantMinInstancesRule())).build();

    /** A Number parameter's constraints. */
    record Bounds(Integer min, Integer max, Set<Integer> allowed, boolean asString, boolean typeString) {
        String declaration() {
            StringBuilder sb = new StringBuilder("  Count:\n    Type: " + (typeString ? "String" : "Number") + "\n");
            if (min != null && !typeString) {
                sb.append("    MinValue: ").append(asString ? "'" + min + "'" : min).append('\n');
            }
            if (max != null && !typeString) {
                sb.append("    MaxValue: ").append(asString ? "'" + max + "'" : max).append('\n');
            }
            if (allowed != null) {
                List<String> vals = new ArrayList<>();
                for (int a : allowed) {
                    vals.add(typeString ? "'" + a + "'" : Integer.toString(a));
                }
                sb.append("    AllowedValues: [").append(String.join(", ", vals)).append("]\n");
            }
            return sb.toString();
        }

        /** Whether CloudFormation admits the value: brute-force semantics written independently. */
        boolean admits(BigDecimal v) {
            if (allowed != null && allowed.stream().noneMatch(a -> BigDecimal.valueOf(a).compareTo(v) == 0)) {
                return false;
            }
            if (typeString) {
                return true;
            }
            return (min == null || v.compareTo(BigDecimal.valueOf(min)) >= 0)
                    && (max == null || v.compareTo(BigDecimal.valueOf(max)) <= 0);
        }
    }

    @Provide
    Arbitrary<Bounds> bounds() {
        Arbitrary<Integer> bound = Arbitraries.integers().between(-3, 6).injectNull(0.4);
        Arbitrary<Set<Integer>> allowed = Arbitraries.integers().between(-2, 6).set().ofMinSize(1).ofMaxSize(5)
                .map(s -> (Set<Integer>) new TreeSet<>(s)).injectNull(0.5);
        // Type: String about one time in seven (as before), drawn by jqwik so a failure replays and shrinks to Number
        Arbitrary<Boolean> typeString = Arbitraries.frequency(Tuple.of(85, false), Tuple.of(15, true));
        return Combinators.combine(bound, bound, allowed, Arbitraries.of(true, false), typeString).as(Bounds::new);
    }

    /** Candidate values a deployer could pass: halves from -10 to 10, enough to cover every generated bound. */
    private static List<BigDecimal> candidates() {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = -20; i <= 20; i++) {
            out.add(BigDecimal.valueOf(i).divide(BigDecimal.valueOf(2)));
        }
        return out;
    }

    private static boolean unboundedBelow(Bounds b) {
        return b.allowed() == null && (b.typeString() || b.min() == null);
    }

    @Property(tries = 400)
    void refToAParameterFailsExactlyWhenAnAdmissibleValueIsBelowTwo(@ForAll("bounds") Bounds b) {
        String template = "Parameters:\n" + b.declaration() + "Resources:\n  Config:\n"
                + "    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n"
                + "        - {VariantName: v, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: !Ref Count}\n";
        boolean bruteForceFails = unboundedBelow(b) || candidates().stream()
                .anyMatch(v -> b.admits(v) && v.compareTo(BigDecimal.valueOf(2)) < 0);
        boolean empty = !unboundedBelow(b) && candidates().stream().noneMatch(b::admits);
        FileReport r = VALIDATOR.validate("t.yaml", template);
        boolean fails = r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        Statistics.label("type").collect(b.typeString() ? "String" : "Number");
        Statistics.label("verdict").collect(empty ? "empty domain" : bruteForceFails ? "fails" : "passes");
        // the generator must keep exercising both parameter types and both verdicts (typically 9%, 58% and 14%)
        Statistics.label("type").coverage(c -> c.check("String").percentage(p -> p >= 3));
        Statistics.label("verdict").coverage(c -> {
            c.check("fails").percentage(p -> p >= 20);
            c.check("passes").percentage(p -> p >= 5);
        });
        if (!empty) {
            assertThat(fails).as(template).isEqualTo(bruteForceFails);
        }
    }

    /** Env has AllowedValues; the count is chosen by a condition on Env: check every Env value by hand. */
    @Property(tries = 300)
    void conditionsOverAParameterAreDecidedByItsValues(@ForAll("envs") List<String> envs,
                                                       @ForAll("counts") List<Integer> counts,
                                                       @ForAll boolean resourceCondition) {
        String prod = "prod";
        String template = "Parameters:\n  Env:\n    Type: String\n    AllowedValues: [" + String.join(", ", envs)
                + "]\nConditions:\n  IsProd: !Equals [!Ref Env, " + prod + "]\n  IsDev: !Equals [dev, !Ref Env]\n"
                + "  NotDev: !Not [!Condition IsDev]\nResources:\n  Config:\n"
                + "    Type: AWS::SageMaker::EndpointConfig\n" + (resourceCondition ? "    Condition: NotDev\n" : "")
                + "    Properties:\n      ProductionVariants:\n"
                + "        - VariantName: v\n          ModelName: m\n          InstanceType: ml.m5.large\n"
                + "          InitialInstanceCount: !If [IsProd, " + counts.get(0) + ", !If [IsDev, " + counts.get(1)
                + ", " + counts.get(2) + "]]\n";
        boolean bruteForceFails = false;
        Optional<String> witness = Optional.empty();
        for (String env : envs) {
            if (resourceCondition && env.equals("dev")) {
                continue;
            }
            int count = env.equals(prod) ? counts.get(0) : env.equals("dev") ? counts.get(1) : counts.get(2);
            if (count < 2) {
                bruteForceFails = true;
                witness = witness.or(() -> Optional.of("Env=" + env));
            }
        }
        FileReport r = VALIDATOR.validate("t.yaml", template);
        assertThat(r.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR)).as(template)
                .isEqualTo(bruteForceFails);
        if (bruteForceFails) {
            assertThat(r.findings().get(0).message()).contains("Env=");
        }
    }

    /** MaxCapacity below MinCapacity: the rule fails exactly when some admissible MinCapacity exceeds MaxCapacity. */
    @Property(tries = 300)
    void scalingCeilingBelowAdmissibleFloorIsFound(@ForAll("bounds") Bounds b,
                                                    @ForAll("ceilings") int ceiling) {
        String template = "Parameters:\n" + b.declaration() + "Resources:\n  Target:\n"
                + "    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    Properties:\n"
                + "      ServiceNamespace: sagemaker\n      ScalableDimension: sagemaker:variant:DesiredInstanceCount\n"
                + "      ResourceId: endpoint/e/variant/v\n      MinCapacity: !Ref Count\n      MaxCapacity: "
                + ceiling + "\n";
        boolean unboundedAbove = b.allowed() == null && (b.typeString() || b.max() == null);
        boolean bruteForce = unboundedAbove || candidates().stream()
                .anyMatch(v -> b.admits(v) && v.compareTo(BigDecimal.valueOf(ceiling)) > 0);
        boolean empty = !unboundedBelow(b) && !unboundedAbove && candidates().stream().noneMatch(b::admits);
        FileReport r = Validator.builder().threads(1).rules(List.of(
                new io.github.cfnvalidator.rules.builtin.SageMakerAutoscalingMinCapacityRule())).build()
                .validate("t.yaml", template);
        boolean found = r.findings().stream().anyMatch(f -> f.message().contains("MaxCapacity can be"));
        if (!empty) {
            assertThat(found).as(template).isEqualTo(bruteForce);
        }
    }

    @Provide
    Arbitrary<Integer> ceilings() {
        return Arbitraries.integers().between(-2, 7);
    }

    @Provide
    Arbitrary<List<String>> envs() {
        return Arbitraries.of("dev", "prod", "test", "stage").set().ofMinSize(1).ofMaxSize(4)
                .map(s -> new ArrayList<>(new TreeSet<>(s)));
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        return Arbitraries.integers().between(0, 4).list().ofSize(3);
    }
}
