package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.guard.GuardRuleSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The concrete-evaluation oracle (core's test-jar) on native Guard rules: named cases the oracle found, where a Guard
 * rule beside a level-raising Fn::If must agree with the verdicts over every deployment.
 */
class GuardConcreteOracleTest {
    /**
     * A native Guard rule over every EndpointConfig, one of them with its whole Properties under Fn::If (found by
     * the widening property on the Guard fixtures): the other config's single instance fails in every deployment.
     */
    @Test
    void guardRuleBesideAPropertiesIfAgreesWithTheDeployments() throws Exception {
        Validator guard = guardValidator();
        String yaml = """
                Parameters:
                  Switch: {Type: String, AllowedValues: ['on', 'off']}
                Conditions:
                  On: !Equals [!Ref Switch, 'on']
                Resources:
                  Safe:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties: !If
                      - On
                      - ProductionVariants:
                          - {VariantName: main, ModelName: model, InstanceType: ml.m5.large, InitialInstanceCount: 2}
                      - {}
                  Unsafe:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties:
                      ProductionVariants:
                        - {VariantName: main, ModelName: model, InstanceType: ml.m5.large, InitialInstanceCount: 1}
                """;
        assertThat(new ConcreteOracle(guard, t -> true).check("guard-beside-if.yaml", yaml, Map.of()).problems())
                .isEmpty();
    }

    /** A whole Properties imported in one deployment under a native Guard rule: reported, never passed. */
    @Test
    void guardRuleOnImportedPropertiesUnderIfAgreesWithTheDeployments() throws Exception {
        String yaml = """
                Parameters:
                  Switch: {Type: String, AllowedValues: ['on', 'off']}
                Conditions:
                  On: !Equals [!Ref Switch, 'on']
                Resources:
                  Config:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties: !If [On, !ImportValue SharedProperties, {}]
                """;
        assertThat(new ConcreteOracle(guardValidator(), t -> true).check("guard-import-if.yaml", yaml, Map.of())
                .problems()).isEmpty();
    }

    private static Validator guardValidator() throws Exception {
        java.nio.file.Path rules = java.nio.file.Path.of(GuardConcreteOracleTest.class
                .getResource("/fixtures/guard/ha.guard").toURI());
        return Validator.builder().threads(1).rules(java.util.List.of())
                .addRules(java.util.List.of(GuardRuleSet.load(java.util.List.of(rules)).rules())).build();
    }
}
