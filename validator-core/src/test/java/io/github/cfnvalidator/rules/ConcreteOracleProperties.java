package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The concrete-evaluation oracle ({@link ConcreteOracle}) over generated SageMaker high-availability stacks
 * ({@link HaStacks}): on every generated stack, the validator's verdict per rule and resource equals the verdicts over
 * every enumerated deployment, and its witnesses are failing deployments. {@value #TRIES} stacks per run.
 */
class ConcreteOracleProperties {
    static final int TRIES = 60;
    private final Validator validator = Validator.builder().threads(1).build();
    private int stacks;
    private long deployments;
    private int skipped;

    @Provide
    Arbitrary<Map<String, Object>> stacks() {
        return HaStacks.stacks();
    }

    @Property(tries = TRIES)
    void generatedStacksAgreeWithTheirDeployments(@ForAll("stacks") Map<String, Object> stack) {
        String json = PlainJson.write(stack);
        ConcreteOracle.Result r = new ConcreteOracle(validator, t -> true).check("generated.json", json, Map.of());
        if (!r.checked()) {
            skipped++;
            return;
        }
        stacks++;
        deployments += r.deployments();
        assertThat(r.problems()).as("generated stack:\n%s", json).isEmpty();
    }

    /** Issue 11, first case: the whole Properties of an EndpointConfig under Fn::If, a count that may be 1. */
    @Example
    void wholePropertiesUnderIfAgreeWithTheirDeployments() {
        String yaml = """
                Parameters:
                  Count: {Type: Number, MinValue: 1}
                  Shadow: {Type: String, AllowedValues: ['yes', 'no']}
                Conditions:
                  IsShadow: !Equals [!Ref Shadow, 'yes']
                Resources:
                  Config:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties: !If
                      - IsShadow
                      - ProductionVariants:
                          - {VariantName: a, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: !Ref Count}
                        ShadowProductionVariants:
                          - {VariantName: s, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 2}
                      - ProductionVariants:
                          - {VariantName: a, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: !Ref Count}
                """;
        assertThat(new ConcreteOracle(validator, t -> true).check("issue11-levels.yaml", yaml, Map.of()).problems())
                .isEmpty();
    }

    /** Issue 11, third case: the endpoint's name written twice the same way is one name in every deployment. */
    @Example
    void sameNameWrittenTwiceAgreesWithTheDeployments() {
        String yaml = """
                Resources:
                  Config:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties:
                      ProductionVariants:
                        - {VariantName: primary, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 2}
                  Api:
                    Type: AWS::SageMaker::Endpoint
                    Properties:
                      EndpointName: !Sub ${AWS::StackName}-fraud
                      EndpointConfigName: !GetAtt Config.EndpointConfigName
                      DeploymentConfig:
                        BlueGreenUpdatePolicy:
                          TrafficRoutingConfiguration:
                            Type: CANARY
                            CanarySize: {Type: INSTANCE_COUNT, Value: 1}
                            WaitIntervalInSeconds: 600
                        AutoRollbackConfiguration:
                          Alarms: [{AlarmName: !Ref Errors}]
                  Errors:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/SageMaker
                      MetricName: Invocation5XXErrors
                      Dimensions:
                        - {Name: EndpointName, Value: !Sub '${AWS::StackName}-fraud'}
                        - {Name: VariantName, Value: primary}
                      Statistic: Sum
                      Period: 60
                      EvaluationPeriods: 1
                      Threshold: 1
                      ComparisonOperator: GreaterThanOrEqualToThreshold
                """;
        assertThat(new ConcreteOracle(validator, t -> true).check("issue11-equality.yaml", yaml, Map.of())
                .problems()).isEmpty();
    }

    /** A traffic routing type any deployer may choose, ALL_AT_ONCE among them (found by the widening property). */
    @Example
    void freeRoutingParameterAgreesWithTheDeployments() {
        String yaml = """
                Parameters:
                  Routing: {Type: String, Default: ALL_AT_ONCE}
                Resources:
                  Config:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties:
                      ProductionVariants:
                        - {VariantName: primary, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 2}
                  Api:
                    Type: AWS::SageMaker::Endpoint
                    Properties:
                      EndpointConfigName: !GetAtt Config.EndpointConfigName
                      DeploymentConfig:
                        BlueGreenUpdatePolicy:
                          TrafficRoutingConfiguration: {Type: !Ref Routing, WaitIntervalInSeconds: 600}
                        AutoRollbackConfiguration:
                          Alarms: [{AlarmName: !Ref Errors}]
                  Errors:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/SageMaker
                      MetricName: Invocation5XXErrors
                      Dimensions: [{Name: EndpointName, Value: !GetAtt Api.EndpointName}]
                      Statistic: Sum
                      Period: 60
                      EvaluationPeriods: 1
                      Threshold: 1
                      ComparisonOperator: GreaterThanOrEqualToThreshold
                """;
        assertThat(new ConcreteOracle(validator, t -> true).check("free-routing.yaml", yaml, Map.of()).problems())
                .isEmpty();
    }

    @AfterProperty
    void printCounts() {
        if (stacks + skipped == 0) {
            return;
        }
        System.out.printf("concrete oracle, generated HA stacks: %d stacks checked over %d deployments, %d skipped%n",
                stacks, deployments, skipped);
    }
}
