package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.template.TemplateReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The concrete oracle's evaluator and deployments do what the CloudFormation documentation says. */
class ConcreteEvaluatorTest {
    private static final String TEMPLATE = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Env: {Type: String, AllowedValues: [dev, prod]}
              Count: {Type: Number, MinValue: 1, MaxValue: 3}
              Names: {Type: CommaDelimitedList, Default: 'a,b'}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsDev: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Equals [!Ref 'AWS::Region', eu-west-1]]
            Mappings:
              Sizes: {dev: {N: 1}, prod: {N: 3}}
            Resources:
              OnlyProd:
                Type: AWS::SNS::Topic
                Condition: IsProd
              R:
                Type: AWS::SNS::Topic
                Properties: !If
                  - IsDev
                  - A: !Sub '${Env}-${AWS::Region}-${!Literal}'
                    B: !Sub ['${X}/${Count}', {X: !FindInMap [Sizes, !Ref Env, N]}]
                    C: !Join ['+', !Ref Names]
                    D: !Select [1, !Split [',', 'x,y,z']]
                    E: !If [IsProd, 1, !Ref AWS::NoValue]
                    F: [1, !If [IsProd, 2, !Ref AWS::NoValue], 3]
                    G: !FindInMap [Sizes, other, N, {DefaultValue: 7}]
                    H: !GetAtt OnlyProd.TopicName
                    I: {'Fn::Length': !Ref Names}
                    J: !Base64 hi
                    K: !Ref Count
                  - Prod: true
              'Fn::ForEach::Topics':
                - Name
                - !Ref Names
                - 'Topic${Name}': {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub 'x-${Name}'}}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluate(Map<String, String> deployment) throws Exception {
        Map<String, Object> plain = (Map<String, Object>) new TemplateReader().readDocument("t.yaml", TEMPLATE)
                .toPlain();
        Deployments d = Deployments.of(plain, Map.of());
        return new ConcreteEvaluator(d.refs(deployment), plain).template(plain);
    }

    @Test
    @SuppressWarnings("unchecked")
    void evaluatesEveryIntrinsicAtEveryLevel() throws Exception {
        Map<String, Object> t = evaluate(Map.of("Env", "dev", "Count", "2", "Names", "a,b",
                "AWS::Region", "us-east-1", "AWS::AccountId", "1", "AWS::StackName", "s"));
        Map<String, Object> resources = (Map<String, Object>) t.get("Resources");
        assertThat(resources).containsOnlyKeys("R", "Topica", "Topicb");
        Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) resources.get("R")).get("Properties");
        assertThat(p).containsEntry("A", "dev-us-east-1-${Literal}").containsEntry("B", "1/2")
                .containsEntry("C", "a+b").containsEntry("D", "y").doesNotContainKey("E")
                .containsEntry("F", List.of(BigInteger.ONE, BigInteger.valueOf(3)))
                .containsEntry("H", Map.of("Fn::GetAtt", List.of("OnlyProd", "TopicName")))
                .containsEntry("J", "aGk=").containsEntry("K", new BigDecimal("2"));
        assertThat(p.get("G").toString()).isEqualTo("7");
        assertThat(p.get("I").toString()).isEqualTo("2");
        assertThat(((Map<String, Object>) resources.get("Topicb")).get("Properties"))
                .isEqualTo(Map.of("TopicName", "x-b"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFalseConditionRemovesTheBranchAndAResourceCondition() throws Exception {
        Map<String, Object> t = evaluate(Map.of("Env", "prod", "Count", "1", "Names", "a",
                "AWS::Region", "us-east-1", "AWS::AccountId", "1", "AWS::StackName", "s"));
        Map<String, Object> resources = (Map<String, Object>) t.get("Resources");
        assertThat(resources).containsOnlyKeys("OnlyProd", "R", "Topica");
        assertThat(((Map<String, Object>) resources.get("R")).get("Properties")).isEqualTo(Map.of("Prod", true));
    }

    @Test
    void aMissingMappingKeyIsADeploymentCloudFormationRefuses() {
        Map<String, Object> template = Map.of("Mappings", Map.of("M", Map.of("a", Map.of("b", "1"))));
        ConcreteEvaluator e = new ConcreteEvaluator(Map.of(), template);
        assertThatThrownBy(() -> e.value(Map.of("Fn::FindInMap", List.of("M", "x", "b"))))
                .isInstanceOf(ConcreteEvaluator.Rejected.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void candidatesKeepOnlyWhatTheDeclarationAdmits() throws Exception {
        Map<String, Object> plain = (Map<String, Object>) new TemplateReader().readDocument("t.yaml", TEMPLATE)
                .toPlain();
        Deployments d = Deployments.of(plain, Map.of());
        assertThat(d.candidates().get("Env")).containsExactly("dev", "prod");
        assertThat(d.candidates().get("Count")).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(d.candidates().get("AWS::Region")).containsExactly("us-east-1", "eu-west-1");
        assertThat(d.admits("Count", "4")).isFalse();
        assertThat(d.size()).isEqualTo(2L * 3 * d.candidates().get("Names").size() * 2);
    }
}
