package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed views over the tree, and the shape errors that make a document not a template. */
class TemplateViewTest {
    private final TemplateReader reader = new TemplateReader();

    private static final String TEMPLATE = String.join("\n",
            "AWSTemplateFormatVersion: '2010-09-09'",
            "Transform: AWS::LanguageExtensions",
            "Parameters:",
            "  Count:",
            "    Type: Number",
            "    Default: 2",
            "    MinValue: '2'",
            "    MaxValue: 10",
            "  Env:",
            "    Type: String",
            "    AllowedValues: [dev, prod]",
            "    AllowedPattern: '[a-z]+'",
            "    NoEcho: true",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "Mappings:",
            "  Sizes: {dev: {n: 1}}",
            "Resources:",
            "  Config:",
            "    Type: AWS::SageMaker::EndpointConfig",
            "    Condition: IsProd",
            "    DependsOn: [Model]",
            "    Metadata: {a: b}",
            "    Properties:",
            "      ProductionVariants: []",
            "  Model:",
            "    Type: AWS::SageMaker::Model",
            "    DependsOn: Other",
            "  'Fn::ForEach::Topics':",
            "    - T",
            "    - [a, b]",
            "    - 'Topic${T}': {Type: AWS::SNS::Topic}",
            "Outputs:",
            "  Name:",
            "    Value: !Ref Config",
            "    Condition: IsProd",
            "    Export: {Name: n}",
            "");

    @Test
    void sectionsAreTyped() throws Exception {
        Template t = reader.read("t.yaml", TEMPLATE);
        assertThat(t.formatVersion()).contains("2010-09-09");
        assertThat(t.transforms()).containsExactly("AWS::LanguageExtensions");
        Parameter count = t.parameter("Count").orElseThrow();
        assertThat(count.isNumber()).isTrue();
        assertThat(count.minValue().orElseThrow().asScalar().asNumber().orElseThrow().intValue()).isEqualTo(2);
        assertThat(count.maxValue()).isPresent();
        assertThat(count.keyLocation().line()).isEqualTo(4);
        Parameter env = t.parameter("Env").orElseThrow();
        assertThat(env.allowedValues().orElseThrow()).extracting(n -> n.asScalar().text())
                .containsExactly("dev", "prod");
        assertThat(env.allowedPattern()).contains("[a-z]+");
        assertThat(env.noEcho()).isTrue();
        assertThat(t.conditions()).containsOnlyKeys("IsProd");
        assertThat(t.mappings()).containsOnlyKeys("Sizes");
        Resource config = t.resource("Config").orElseThrow();
        assertThat(config.type()).isEqualTo("AWS::SageMaker::EndpointConfig");
        assertThat(config.condition()).contains("IsProd");
        assertThat(config.dependsOn()).containsExactly("Model");
        assertThat(config.metadata()).isPresent();
        assertThat(config.property("ProductionVariants")).isPresent();
        assertThat(t.resource("Model").orElseThrow().dependsOn()).containsExactly("Other");
        assertThat(t.resourceLoops()).extracting(MapNode.Entry::key).containsExactly("Fn::ForEach::Topics");
        Output out = t.outputs().get("Name");
        assertThat(out.condition()).contains("IsProd");
        assertThat(out.exportName()).isPresent();
    }

    private List<ParseProblem> problems(String name, String text) {
        try {
            reader.read(name, text);
        } catch (TemplateParseException e) {
            return e.problems();
        }
        throw new AssertionError("expected shape problems");
    }

    @Test
    void documentsThatAreNotTemplatesAreReported() {
        assertThat(problems("t.yaml", "- a\n- b\n").get(0).message()).contains("is a list, not a template");
        assertThat(problems("t.yaml", "Parameters: {}\n").get(0).message()).contains("no Resources section");
        assertThat(problems("t.yaml", "Resources: [a]\n").get(0).message()).contains("Resources must be a map");
        assertThat(problems("t.yaml", "Resources: {}\n").get(0).message()).contains("at least one resource");
    }

    @Test
    void wrongShapesAreReportedWithTheirPositions() {
        List<ParseProblem> p = problems("t.yaml", "Resources:\n  A:\n    Properties: {}\n  B: 3\n"
                + "  C: {Type: [x]}\nParameters:\n  P: {Default: 1}\nConditions: [x]\n");
        assertThat(p).extracting(ParseProblem::message).containsExactly(
                "resource A has no Type",
                "resource B must be a map with a Type, not a number",
                "the Type of resource C must be a string such as AWS::S3::Bucket, not a list",
                "parameter P has no Type",
                "Conditions must be a map, not a list");
        assertThat(p.get(0).location().line()).isEqualTo(2);
        assertThat(p.get(1).location()).isEqualTo(new Location("t.yaml", 4, 6, 4, 7));
    }
}
