package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CloudFormation short-form tag reads into its long form, with exact positions, in YAML and JSON. */
class ShortFormTagTest {
    private final TemplateReader reader = new TemplateReader();

    /** tag, YAML argument text, the same argument as JSON, the long-form key. */
    static Stream<Arguments> tags() {
        return Stream.of(
                Arguments.of("Ref", "Param", "\"Param\"", "Ref"),
                Arguments.of("Condition", "IsProd", "\"IsProd\"", "Condition"),
                Arguments.of("Sub", "'${AWS::StackName}-x'", "\"${AWS::StackName}-x\"", "Fn::Sub"),
                Arguments.of("Sub", "['${A}-b', {A: x}]", "[\"${A}-b\", {\"A\": \"x\"}]", "Fn::Sub"),
                Arguments.of("GetAtt", "[Res, Arn]", "[\"Res\", \"Arn\"]", "Fn::GetAtt"),
                Arguments.of("Join", "['-', [a, b]]", "[\"-\", [\"a\", \"b\"]]", "Fn::Join"),
                Arguments.of("Select", "['0', [a, b]]", "[\"0\", [\"a\", \"b\"]]", "Fn::Select"),
                Arguments.of("Split", "[',', 'a,b']", "[\",\", \"a,b\"]", "Fn::Split"),
                Arguments.of("If", "[C, a, b]", "[\"C\", \"a\", \"b\"]", "Fn::If"),
                Arguments.of("Equals", "[a, b]", "[\"a\", \"b\"]", "Fn::Equals"),
                Arguments.of("And", "[{Condition: A}, {Condition: B}]",
                        "[{\"Condition\": \"A\"}, {\"Condition\": \"B\"}]", "Fn::And"),
                Arguments.of("Or", "[{Condition: A}, {Condition: B}]",
                        "[{\"Condition\": \"A\"}, {\"Condition\": \"B\"}]", "Fn::Or"),
                Arguments.of("Not", "[{Condition: A}]", "[{\"Condition\": \"A\"}]", "Fn::Not"),
                Arguments.of("FindInMap", "[M, k1, k2]", "[\"M\", \"k1\", \"k2\"]", "Fn::FindInMap"),
                Arguments.of("Base64", "hello", "\"hello\"", "Fn::Base64"),
                Arguments.of("Cidr", "['10.0.0.0/16', '4', '8']", "[\"10.0.0.0/16\", \"4\", \"8\"]", "Fn::Cidr"),
                Arguments.of("GetAZs", "''", "\"\"", "Fn::GetAZs"),
                Arguments.of("ImportValue", "SharedVpc", "\"SharedVpc\"", "Fn::ImportValue"),
                Arguments.of("Transform", "{Name: M, Parameters: {a: b}}",
                        "{\"Name\": \"M\", \"Parameters\": {\"a\": \"b\"}}", "Fn::Transform"),
                Arguments.of("Length", "[a, b]", "[\"a\", \"b\"]", "Fn::Length"),
                Arguments.of("ToJsonString", "{a: b}", "{\"a\": \"b\"}", "Fn::ToJsonString"),
                Arguments.of("Contains", "[[a], b]", "[[\"a\"], \"b\"]", "Fn::Contains"),
                Arguments.of("EachMemberEquals", "[[a], b]", "[[\"a\"], \"b\"]", "Fn::EachMemberEquals"),
                Arguments.of("EachMemberIn", "[[a], [b]]", "[[\"a\"], [\"b\"]]", "Fn::EachMemberIn"),
                Arguments.of("RefAll", "AWS::EC2::VPC::Id", "\"AWS::EC2::VPC::Id\"", "Fn::RefAll"),
                Arguments.of("ValueOf", "[P, Tag]", "[\"P\", \"Tag\"]", "Fn::ValueOf"),
                Arguments.of("ValueOfAll", "[T, Tag]", "[\"T\", \"Tag\"]", "Fn::ValueOfAll"));
    }

    @ParameterizedTest(name = "!{0}")
    @MethodSource("tags")
    void shortLongAndJsonFormsReadAlike(String tag, String yamlArg, String jsonArg, String longKey)
            throws Exception {
        Node shortForm = value(reader.readDocument("t.yaml", "V: !" + tag + " " + yamlArg + "\n"));
        Node longForm = value(reader.readDocument("t.yaml", "V: {'" + longKey + "': " + yamlArg + "}\n"));
        Node json = value(reader.readDocument("t.json", "{\"V\": {\"" + longKey + "\": " + jsonArg + "}}"));

        assertThat(shortForm.toPlain()).isEqualTo(longForm.toPlain()).isEqualTo(json.toPlain());
        MapNode m = (MapNode) shortForm;
        assertThat(m.intrinsicName()).contains(longKey);
        // the function starts at the tag, its argument right after the tag and one blank
        assertThat(m.location().line()).isEqualTo(1);
        assertThat(m.location().column()).isEqualTo(4);
        assertThat(m.entries().get(0).keyLocation().column()).isEqualTo(4);
        assertThat(m.get(longKey).location().column()).isEqualTo(4 + tag.length() + 2);
        assertThat(m.get(longKey).pointer()).isEqualTo("/V/" + longKey);
        assertThat(json.asMap().get(longKey).location().column()).isEqualTo(8 + longKey.length() + 4);
    }

    @ParameterizedTest(name = "!{0} in block style")
    @MethodSource("tags")
    void blockStyleArgumentsStartOnTheirOwnLine(String tag, String yamlArg, String jsonArg, String longKey)
            throws Exception {
        Node n = value(reader.readDocument("t.yaml", "V: !" + tag + "\n  " + yamlArg + "\n"));
        MapNode m = (MapNode) n;
        assertThat(m.get(longKey).location().line()).isEqualTo(2);
        assertThat(m.get(longKey).location().column()).isEqualTo(3);
    }

    @org.junit.jupiter.api.Test
    void getAttDottedFormSplitsAtTheFirstDotWithExactColumns() throws Exception {
        Node n = value(reader.readDocument("t.yaml", "V: !GetAtt Db.Endpoint.Address\n"));
        ListNode args = (ListNode) n.asMap().get("Fn::GetAtt");
        assertThat(args.toPlain()).isEqualTo(List.of("Db", "Endpoint.Address"));
        assertThat(args.get(0).location()).isEqualTo(new Location("t.yaml", 1, 12, 1, 14));
        assertThat(args.get(1).location()).isEqualTo(new Location("t.yaml", 1, 15, 1, 31));
        assertThat(args.get(1).pointer()).isEqualTo("/V/Fn::GetAtt/1");
    }

    @org.junit.jupiter.api.Test
    void nestedShortFormsKeepTheirOwnPositions() throws Exception {
        String yaml = "V: !If\n  - IsProd\n  - !Ref Count\n  - !FindInMap [M, !Ref Env, n]\n";
        MapNode v = value(reader.readDocument("t.yaml", yaml)).asMap();
        ListNode args = v.get("Fn::If").asList();
        MapNode ref = args.get(1).asMap();
        assertThat(ref.location()).isEqualTo(new Location("t.yaml", 3, 5, 3, 15));
        assertThat(ref.get("Ref").location()).isEqualTo(new Location("t.yaml", 3, 10, 3, 15));
        MapNode find = args.get(2).asMap();
        MapNode inner = find.get("Fn::FindInMap").asList().get(1).asMap();
        assertThat(inner.get("Ref").location().column()).isEqualTo(25);
        assertThat(inner.get("Ref").pointer()).isEqualTo("/V/Fn::If/2/Fn::FindInMap/1/Ref");
        assertThat(v.toPlain()).isEqualTo(Map.of("Fn::If", List.of("IsProd", Map.of("Ref", "Count"),
                Map.of("Fn::FindInMap", List.of("M", Map.of("Ref", "Env"), "n")))));
    }

    private static Node value(Node root) {
        return ((MapNode) root).get("V");
    }
}
