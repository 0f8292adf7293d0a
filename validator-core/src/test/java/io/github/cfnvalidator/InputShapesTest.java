package io.github.cfnvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit of fatal input errors (docs/inputs.md): every unusual shape CloudFormation deploys is read and checked
 * by every rule (the single-instance variant each carries is reported), and what CloudFormation refuses stays an
 * input error with a position.
 */
class InputShapesTest {
    /** A resource every deployable case carries, so each proves the rules still ran. */
    private static final String VARIANT = """
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - {VariantName: v, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1}
            """;

    static Stream<Arguments> deployable() {
        return Stream.of(
                Arguments.of("duplicate keys at every level", """
                        Description: a
                        Description: b
                        Resources:
                          Topic: {Type: AWS::SNS::Topic, Type: AWS::SNS::Topic}
                        """),
                Arguments.of("Outputs, Metadata, Rules and Hooks sections", """
                        Metadata:
                          AWS::CloudFormation::Interface: {ParameterGroups: []}
                          Anything: [1, 2]
                        Rules:
                          Prod:
                            RuleCondition: !Equals [!Ref Env, prod]
                            Assertions:
                              - Assert: !Contains [[a, b], !Ref Env]
                                AssertDescription: checked
                              - Assert: !EachMemberIn [!ValueOfAll [AWS::EC2::Subnet::Id, VpcId], !RefAll AWS::EC2::VPC::Id]
                        Hooks:
                          Deploy: {Type: AWS::CodeDeploy::BlueGreen, Properties: {}}
                        Parameters:
                          Env: {Type: String}
                        Outputs:
                          Name:
                            Value: !Ref Config
                            Export: {Name: !Sub '${AWS::StackName}-name'}
                          Fn::ForEach::Out:
                            - X
                            - [a, b]
                            - Out${X}: {Value: !Ref X}
                        Resources:
                        """),
                Arguments.of("Transform as a string, a list and a map; SAM Globals", """
                        Transform: [AWS::Serverless-2016-10-31, {Name: AWS::Include, Parameters: {Location: s3://b/k}}]
                        Globals:
                          Function: {Timeout: 5}
                        Resources:
                        """),
                Arguments.of("Transform as a map", """
                        Transform: {Name: AWS::LanguageExtensions}
                        Resources:
                        """),
                Arguments.of("unknown top-level keys and resource keys", """
                        AWSTemplateFormatVersion: 2010-09-09
                        SomethingElse: {a: 1}
                        Resources:
                          Topic:
                            Type: AWS::SNS::Topic
                            Condition: Never
                            DependsOn: Config
                            DeletionPolicy: Retain
                            UpdateReplacePolicy: Snapshot
                            CreationPolicy: {ResourceSignal: {Count: 1}}
                            UpdatePolicy: {}
                            Metadata: {cfn-lint: {config: {ignore_checks: [E3002]}}}
                            Version: '1.0'
                            Properties:
                          Custom:
                            Type: Custom::Thing
                            Properties: {ServiceToken: arn, Nested: [{a: [1, {b: null}]}]}
                        """),
                Arguments.of("parameters of every type, numbers and booleans where strings are expected", """
                        Parameters:
                          A: {Type: 'AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>', Default: /x}
                          B: {Type: 'List<AWS::EC2::Subnet::Id>'}
                          C: {Type: CommaDelimitedList, Default: 'a,b'}
                          D: {Type: Number, Default: 3, AllowedValues: [1, 2, 3], MinValue: '1', NoEcho: true}
                          E: {Type: String, Default: 12, MaxLength: 10, AllowedPattern: '[0-9]+', Description: 7}
                          F: {Type: AWS::EC2::KeyPair::KeyName, ConstraintDescription: false}
                          G: {Type: 'AWS::SSM::Parameter::Value<String>'}
                        Conditions:
                          Yes: !Equals [!Ref E, 12]
                          Always: true
                        Mappings:
                          M: {1: {true: 2.50}, key: {sub: [a, 1]}}
                        Resources:
                        """),
                Arguments.of("YAML 1.1-isms and explicit tags", """
                        Description: yes
                        Metadata:
                          on: off
                          mode: 0755
                          time: 12:30:00
                          date: 2024-01-01
                          big: 1_000
                          bin: !!binary aGVsbG8=
                          str: !!str 12
                          int: !!int '12'
                          folded: >
                            text
                        Resources:
                        """),
                Arguments.of("AWS::Include in Resources, and as a whole resource", """
                        Resources:
                          Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k.yaml}}
                          Included: {Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/r.yaml}}}
                        """),
                Arguments.of("null sections and anchors", """
                        Parameters:
                        Conditions:
                        Mappings:
                        Outputs:
                        Metadata:
                        x-common: &tags [{Key: team, Value: ml}]
                        Resources:
                          Topic:
                            Type: AWS::SNS::Topic
                            Properties: {Tags: *tags}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployable")
    void shapesCloudFormationDeploysAreReadAndChecked(String what, String yaml) {
        FileReport r = Validator.builder().threads(1).build().validate("t.yaml", insertVariant(yaml));
        assertThat(r.errors()).as(what).isEmpty();
        assertThat(r.findings()).as(what).extracting(Finding::ruleId).contains("sagemaker_variant_min_instances");
        assertThat(r.findings()).as(what).allSatisfy(f -> assertThat(f.message()).doesNotContain("internal error"));
    }

    /** Puts the variant resource first under Resources (keeping whatever the case declares after it). */
    private static String insertVariant(String yaml) {
        int at = yaml.indexOf("\nResources:\n");
        int end = at + "\nResources:\n".length();
        return yaml.substring(0, end) + VARIANT + yaml.substring(end);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no Resources", "Parameters: {A: {Type: String}}\n", "no Resources section"),
                Arguments.of("empty Resources", "Resources: {}\n", "Resources is empty"),
                Arguments.of("null Resources", "Resources:\n", "Resources must be a map"),
                Arguments.of("Resources a list", "Resources: [a]\n", "Resources must be a map"),
                Arguments.of("a resource without Type", "Resources:\n  A: {Properties: {}}\n", "has no Type"),
                Arguments.of("a resource that is not a map", "Resources:\n  A: x\n", "must be a map with a Type"),
                Arguments.of("a Type that is a function", "Resources:\n  A: {Type: !Ref T}\n",
                        "must be a string"),
                Arguments.of("Properties that are a list", "Resources:\n  A: {Type: T, Properties: [1]}\n",
                        "must be a map"),
                Arguments.of("a parameter without Type", "Parameters: {P: {Default: 1}}\nResources:\n  A: {Type: T}\n",
                        "has no Type"),
                Arguments.of("an unknown tag", "Resources:\n  A: {Type: T, Properties: {P: !GetAttr a.b}}\n",
                        "unknown tag"),
                Arguments.of("a Rain directive", "Resources:\n  A: {Type: T, Properties: {P: !Rain::Embed f}}\n",
                        "rain pkg"),
                Arguments.of("two documents", "Resources:\n  A: {Type: T}\n---\nResources:\n  B: {Type: T}\n",
                        "more than one YAML document"),
                Arguments.of("a syntax error", "Resources:\n  A: {Type: T\n", "YAML syntax error"),
                Arguments.of("Outputs a list", "Outputs: [a]\nResources:\n  A: {Type: T}\n", "must be a map"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void shapesCloudFormationRefusesStayInputErrors(String what, String yaml, String message) {
        FileReport r = Validator.builder().threads(1).build().validate("t.yaml", yaml);
        assertThat(r.errors()).as(what).isNotEmpty();
        assertThat(r.errors().get(0).message()).as(what).contains(message);
        assertThat(r.errors().get(0).location().line()).as(what).isPositive();
    }
}
