package io.github.cfnvalidator.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver's answers on small templates, and its bound on the worst case. */
class ResolverTest {
    private static Template template(String yaml) throws Exception {
        return new TemplateReader().read("t.yaml", yaml);
    }

    private static List<Outcome> resolveProperty(String yaml, String resource, String property,
                                                 ParameterValues pinned) throws Exception {
        Resolver r = Resolver.of(template(yaml), pinned);
        ResourceInstance res = r.resource(resource).orElseThrow();
        return r.resolve(res, res.resource().propertiesMap().get(property), Scenario.ANY);
    }

    @Test
    void conditionsForkOnTheParameterAndCarryTheWitness() throws Exception {
        String yaml = "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
                + "Resources:\n  R:\n    Type: T\n    Properties:\n      P: !If [IsProd, a, b]\n";
        List<Outcome> out = resolveProperty(yaml, "R", "P", ParameterValues.empty());
        assertThat(out).extracting(o -> ((Value.Text) o.value()).text()).containsExactly("a", "b");
        assertThat(out).extracting(o -> o.scenario().describe()).containsExactly("Env=prod", "Env\u2260prod");
    }

    @Test
    void pinnedValuesDecideConditions() throws Exception {
        String yaml = "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
                + "Resources:\n  R:\n    Type: T\n    Properties:\n      P: !If [IsProd, a, b]\n";
        List<Outcome> out = resolveProperty(yaml, "R", "P", ParameterValues.of(Map.of("Env", "prod")));
        assertThat(out).extracting(o -> ((Value.Text) o.value()).text()).containsExactly("a");
    }

    @Test
    void subJoinSelectSplitAndBase64Compute() throws Exception {
        String yaml = "Parameters:\n  Tag: {Type: String, AllowedValues: [v1, v2]}\nResources:\n  R:\n    Type: T\n"
                + "    Properties:\n      S: !Sub 'repo:${Tag}-${AWS::NoValue}'\n"
                + "      J: !Join ['-', [a, !Ref Tag, !Ref AWS::NoValue]]\n"
                + "      X: !Select [2, !Split ['/', 'a/b/c']]\n      B: !Base64 hi\n"
                + "      L: !Length [a, b, !Ref AWS::NoValue]\n      F: !Sub ['${x}!', {x: !Select [0, [q]]}]\n";
        Resolver r = Resolver.of(template(yaml), ParameterValues.empty());
        ResourceInstance res = r.resource("R").orElseThrow();
        java.util.function.Function<String, List<String>> texts = p -> r.resolve(res,
                res.resource().propertiesMap().get(p), Scenario.ANY).stream().map(o -> o.value() instanceof
                Value.Text t ? t.text() : o.value().describe()).toList();
        assertThat(texts.apply("J")).containsExactly("a-v1", "a-v2");
        assertThat(texts.apply("X")).containsExactly("c");
        assertThat(texts.apply("B")).containsExactly("aGk=");
        assertThat(texts.apply("L")).containsExactly("2");
        assertThat(texts.apply("F")).containsExactly("q!");
    }

    @Test
    void unknowablesSayWhy() throws Exception {
        String yaml = "Parameters:\n  S: {Type: 'AWS::SSM::Parameter::Value<String>'}\nResources:\n  Q:\n    Type: X\n"
                + "  R:\n    Type: T\n    Properties:\n      A: !Ref S\n      B: !GetAtt Q.Arn\n      C: !Ref Q\n"
                + "      D: !ImportValue E\n      F: !Sub '${Q.Arn}/x'\n";
        Resolver r = Resolver.of(template(yaml), ParameterValues.empty());
        ResourceInstance res = r.resource("R").orElseThrow();
        for (String p : List.of("A", "B", "C", "D")) {
            assertThat(r.resolve(res, res.resource().propertiesMap().get(p), Scenario.ANY))
                    .allSatisfy(o -> assertThat(o.value()).isInstanceOf(Value.Unknown.class));
        }
        Value.Unknown b = (Value.Unknown) r.resolve(res, res.resource().propertiesMap().get("B"), Scenario.ANY)
                .get(0).value();
        assertThat(b.resource()).isEqualTo("Q");
        assertThat(b.attribute()).isEqualTo("Arn");
        Value f = r.resolve(res, res.resource().propertiesMap().get("F"), Scenario.ANY).get(0).value();
        assertThat(f).isInstanceOf(Value.Concat.class);
        assertThat(((Value.Concat) f).parts().get(0)).isInstanceOf(Value.Unknown.class);
    }

    @Test
    void manyIndependentConditionsHitTheBoundAndSaySo() throws Exception {
        StringBuilder yaml = new StringBuilder("Parameters:\n");
        StringBuilder conditions = new StringBuilder("Conditions:\n");
        String value = "2";
        for (int i = 0; i < 30; i++) {
            yaml.append("  P").append(i).append(": {Type: String}\n");
            conditions.append("  C").append(i).append(": !Equals [!Ref P").append(i).append(", x]\n");
            value = "!If [C" + i + ", " + value + ", " + (i % 3) + "]";
        }
        String text = yaml + conditions.toString() + "Resources:\n  R:\n    Type: T\n    Properties:\n      P: "
                + value + "\n";
        long start = System.nanoTime();
        List<Outcome> out = resolveProperty(text, "R", "P", ParameterValues.empty());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // 2^30 deployments are never enumerated: the answer is bounded and says why
        assertThat(out.size()).isLessThanOrEqualTo(Resolver.MAX_OUTCOMES);
        assertThat(millis).as("sanity bound, not a benchmark").isLessThan(20_000);
    }

    @Test
    void aChainOfConditionsOnOneParameterStaysSmall() throws Exception {
        StringBuilder conditions = new StringBuilder("Conditions:\n");
        StringBuilder allowed = new StringBuilder();
        String value = "9";
        for (int i = 0; i < 200; i++) {
            allowed.append(i == 0 ? "" : ", ").append("v").append(i);
            conditions.append("  C").append(i).append(": !Equals [!Ref Env, v").append(i).append("]\n");
            value = "!If [C" + i + ", " + (i % 5) + ", " + value + "]";
        }
        String text = "Parameters:\n  Env: {Type: String, AllowedValues: [" + allowed + "]}\n" + conditions
                + "Resources:\n  R:\n    Type: T\n    Properties:\n      P: " + value + "\n";
        List<Outcome> out = resolveProperty(text, "R", "P", ParameterValues.empty());
        // 200 admissible values, one outcome each: correlated by the parameter, linear not exponential
        assertThat(out).hasSize(200);
        assertThat(out).noneMatch(o -> o.value() instanceof Value.Unknown);
    }

    @Test
    void largeAllowedValuesAreSymbolicInValuePosition() throws Exception {
        StringBuilder allowed = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            allowed.append(i == 1 ? "" : ", ").append(i);
        }
        String text = "Parameters:\n  N: {Type: Number, AllowedValues: [" + allowed + "]}\n"
                + "Resources:\n  R:\n    Type: T\n    Properties:\n      P: !Ref N\n";
        List<Outcome> out = resolveProperty(text, "R", "P", ParameterValues.empty());
        assertThat(out).hasSize(1);
        Value.Symbolic s = (Value.Symbolic) out.get(0).value();
        assertThat(s.domain().valueBelow(java.math.BigDecimal.valueOf(2), s.excluded())).contains("1");
    }

    @Test
    void resourceConditionLimitsTheScenarios() throws Exception {
        String yaml = "Parameters:\n  Env: {Type: String, AllowedValues: [a, b, c]}\nConditions:\n"
                + "  NotA: !Not [!Equals [!Ref Env, a]]\nResources:\n  R:\n    Type: T\n    Condition: NotA\n";
        Resolver r = Resolver.of(template(yaml), ParameterValues.empty());
        List<Scenario> when = r.whenExists(r.resource("R").orElseThrow());
        // a short AllowedValues list is enumerated value by value
        assertThat(when).extracting(Scenario::describe).containsExactly("Env=b", "Env=c");
    }

    @Test
    void forEachExpandsResourcesWithLoopVariables() throws Exception {
        String yaml = "Transform: AWS::LanguageExtensions\nResources:\n  'Fn::ForEach::Topics':\n    - Name\n"
                + "    - [Alpha, Beta-2]\n    - 'Topic&{Name}':\n        Type: AWS::SNS::Topic\n"
                + "        Properties:\n          TopicName: !Sub 'x-${Name}'\n";
        Resolver r = Resolver.of(template(yaml), ParameterValues.empty());
        assertThat(r.resources()).extracting(ResourceInstance::logicalId).containsExactly("TopicAlpha", "TopicBeta2");
        ResourceInstance beta = r.resource("TopicBeta2").orElseThrow();
        assertThat(r.resolve(beta, beta.resource().propertiesMap().get("TopicName"), Scenario.ANY))
                .extracting(o -> ((Value.Text) o.value()).text()).containsExactly("x-Beta-2");
    }
}
