package io.github.cfnvalidator.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.TemplateReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Symbolic equality: equal, different and undecided, with witnesses, for every form two names are written in. */
class EqualityTest {
    private static final String HEADER = "Parameters:\n"
            + "  Name: {Type: String}\n  Other: {Type: String}\n"
            + "  Env: {Type: String, AllowedValues: [dev, prod]}\n"
            + "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
            + "Resources:\n"
            + "  Named:\n    Type: AWS::SageMaker::Endpoint\n"
            + "    Properties: {EndpointConfigName: c, EndpointName: !Sub '${AWS::StackName}-fraud'}\n"
            + "  Generated:\n    Type: AWS::SageMaker::Endpoint\n    Properties: {EndpointConfigName: c}\n"
            + "  Alarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties: {AlarmName: !Sub '${AWS::StackName}-5xx'}\n"
            + "  R:\n    Type: T\n    Properties:\n";

    /** Compares properties A and B of resource R, written as YAML flow values. */
    private static Equality compare(String a, String b) throws Exception {
        Resolver r = Resolver.of(new TemplateReader().read("t.yaml", HEADER + "      A: " + a + "\n      B: " + b
                + "\n"), ParameterValues.empty());
        ResourceInstance res = r.resource("R").orElseThrow();
        Node na = res.resource().propertiesMap().get("A");
        Node nb = res.resource().propertiesMap().get("B");
        return r.equal(res, na, res, nb, Scenario.ANY);
    }

    private static List<String> cases(Equality e) {
        return e.cases().stream().map(c -> c.verdict() + (c.scenario().isAny() ? "" : " " + c.scenario().describe()))
                .toList();
    }

    @Test
    void theSameSubTextIsEqualInEveryDeployment() throws Exception {
        Equality e = compare("!Sub '${AWS::StackName}-fraud'", "!Sub \"${AWS::StackName}-fraud\"");
        assertThat(e.always()).isTrue();
        assertThat(cases(e)).containsExactly("EQUAL");
        assertThat(e.cases().get(0).reason()).contains("\"${AWS::StackName}-fraud\"");
    }

    @Test
    void subAndJoinSpellingTheSamePiecesAreEqual() throws Exception {
        assertThat(compare("!Sub '${AWS::StackName}-fraud'", "!Join ['-', [!Ref 'AWS::StackName', fraud]]")
                .always()).isTrue();
        assertThat(compare("!Join ['', [a, !Join ['/', [!Ref Name, b]]]]", "!Sub 'a${Name}/b'").always()).isTrue();
    }

    @Test
    void subWithAVariableMapEqualsTheInlineForm() throws Exception {
        assertThat(compare("!Sub ['${S}-fraud', {S: !Ref 'AWS::StackName'}]", "!Sub '${AWS::StackName}-fraud'")
                .always()).isTrue();
        assertThat(compare("!Sub ['${x}', {x: !Sub '${Name}y'}]", "!Sub '${Name}y'").always()).isTrue();
    }

    @Test
    void refAndSubOfTheSameParameterAreEqual() throws Exception {
        assertThat(compare("!Ref Name", "!Sub '${Name}'").always()).isTrue();
        assertThat(compare("!Ref 'AWS::Region'", "!Sub '${AWS::Region}'").always()).isTrue();
    }

    @Test
    void differentLiteralTextIsDifferentInEveryDeployment() throws Exception {
        Equality suffix = compare("!Sub '${AWS::StackName}-fraud'", "!Sub '${AWS::StackName}-other'");
        assertThat(suffix.never()).isTrue();
        assertThat(cases(suffix)).containsExactly("DIFFERENT");
        assertThat(suffix.cases().get(0).reason()).contains("literal text");
        assertThat(compare("!Sub 'a-${Name}'", "!Sub 'b-${Name}'").never()).isTrue();
        assertThat(compare("!Sub '${Name}-a'", "!Sub 'x${Name}-a'").never()).isTrue();
        assertThat(compare("!Sub '${Name}${Other}'", "!Sub '${Other}${Name}x'").never()).isTrue();
    }

    @Test
    void twoFreeParametersAreUndecidedAndNamed() throws Exception {
        Equality e = compare("!Sub '${Name}-x'", "!Sub '${Other}-x'");
        assertThat(e.undecided()).isTrue();
        assertThat(e.always()).isFalse();
        assertThat(e.never()).isFalse();
        assertThat(e.cases().get(0).reason()).contains("Ref Name").contains("Ref Other");
        assertThat(e.decisions("names")).extracting(d -> d.scenario().describe())
                .allSatisfy(w -> assertThat(w).contains("undecidable before deploy"));
        assertThat(compare("!Ref 'AWS::Region'", "!Ref 'AWS::AccountId'").undecided()).isTrue();
        assertThat(compare("!Sub '${Name}-${Other}'", "!Sub '${Other}-${Name}'").undecided()).isTrue();
    }

    @Test
    void aFreeParameterAgainstLiteralTextForksWithTheWitness() throws Exception {
        Equality e = compare("!Sub '${Name}-fraud'", "prod-fraud");
        assertThat(cases(e)).containsExactly("EQUAL Name=prod", "DIFFERENT Name\u2260prod");
    }

    @Test
    void finiteParametersAreForkedPerValue() throws Exception {
        assertThat(cases(compare("!Sub '${Env}-fraud'", "prod-fraud")))
                .containsExactlyInAnyOrder("EQUAL Env=prod", "DIFFERENT Env=dev");
        assertThat(cases(compare("!Sub '${Env}-fraud'", "!Join ['-', [!Ref Env, fraud]]")))
                .containsExactlyInAnyOrder("EQUAL Env=prod", "EQUAL Env=dev");
        assertThat(cases(compare("!If [IsProd, a, b]", "a")))
                .containsExactlyInAnyOrder("EQUAL Env=prod", "DIFFERENT Env=dev");
    }

    @Test
    void aResourceNameAttributeIsItsNamePropertyWhenSet() throws Exception {
        assertThat(compare("!GetAtt Named.EndpointName", "!Sub '${AWS::StackName}-fraud'").always()).isTrue();
        assertThat(compare("!Sub 'endpoint/${Named.EndpointName}/variant/v'",
                "!Join ['', [endpoint/, !Ref 'AWS::StackName', '-fraud/variant/v']]").always()).isTrue();
        assertThat(compare("!GetAtt Named.EndpointName", "!Sub '${AWS::StackName}-other'").never()).isTrue();
        assertThat(compare("!Ref Alarm", "!Sub '${AWS::StackName}-5xx'").always()).isTrue();
    }

    @Test
    void aGeneratedNameEqualsOnlyItself() throws Exception {
        assertThat(compare("!GetAtt Generated.EndpointName", "!Sub '${Generated.EndpointName}'").always()).isTrue();
        assertThat(compare("!GetAtt Generated.EndpointName", "!Ref Name").undecided()).isTrue();
        assertThat(compare("!GetAtt Generated.EndpointName", "!Sub '${Name}-x'").undecided()).isTrue();
        assertThat(compare("!GetAtt Generated.EndpointName", "!GetAtt R.Echo").undecided()).isTrue();
    }

    @Test
    void aGeneratedNameDiffersFromWhatTheTemplateSpellsWithoutFreeValues() throws Exception {
        Equality e = compare("!GetAtt Generated.EndpointName", "some-endpoint");
        assertThat(e.never()).isTrue();
        assertThat(e.cases().get(0).reason()).contains("generates");
        assertThat(compare("!GetAtt Generated.EndpointName", "!GetAtt Named.EndpointName").never()).isTrue();
        assertThat(compare("!GetAtt Generated.EndpointName", "!Sub '${AWS::StackName}-x'").never()).isTrue();
    }

    @Test
    void anEndpointRefIsItsArnNotItsName() throws Exception {
        Equality e = compare("!Ref Generated", "!GetAtt Generated.EndpointName");
        assertThat(e.never()).isTrue();
        assertThat(e.cases().get(0).reason()).contains("colon");
        assertThat(compare("!Ref Named", "!Sub '${AWS::StackName}-fraud'").never()).isTrue();
    }

    @Test
    void importsOfTheSameExportAreEqual() throws Exception {
        assertThat(compare("!ImportValue shared-endpoint", "!ImportValue shared-endpoint").always()).isTrue();
        assertThat(compare("!ImportValue shared-endpoint", "!ImportValue other").undecided()).isTrue();
    }

    @Test
    void valuesNothingIsKnownToEqualAreUndecided() throws Exception {
        assertThat(compare("!Select [0, !GetAtt Generated.EndpointName]", "!GetAtt Generated.EndpointName")
                .undecided()).isTrue();
    }

    @Test
    void conditionsUseSymbolicEquality() throws Exception {
        String yaml = "Conditions:\n  Same: !Equals [!Sub '${AWS::StackName}-x', !Join ['', [!Ref 'AWS::StackName', "
                + "'-x']]]\n  Differ: !Equals [!Sub '${AWS::StackName}-x', !Sub '${AWS::StackName}-y']\n"
                + "Resources:\n  R:\n    Type: T\n";
        Resolver r = Resolver.of(new TemplateReader().read("t.yaml", yaml), ParameterValues.empty());
        assertThat(r.condition(null, "Same", Scenario.ANY)).containsExactly(new Resolver.Decision(true,
                Scenario.ANY));
        assertThat(r.condition(null, "Differ", Scenario.ANY)).containsExactly(new Resolver.Decision(false,
                Scenario.ANY));
    }
}
