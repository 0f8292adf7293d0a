package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scalars, positions, anchors and merges, and every kind of bad input. */
class ReaderTest {
    private final TemplateReader reader = new TemplateReader();

    private TemplateParseException failure(String name, String text) {
        try {
            reader.readDocument(name, text);
        } catch (TemplateParseException e) {
            return e;
        }
        throw new AssertionError("expected a parse failure for " + text);
    }

    @Test
    void scalarsAreTypedTheWayCloudFormationReadsThem() throws Exception {
        MapNode m = reader.readDocument("t.yaml",
                "s: hello\ni: 42\nz: 012\nd: 1.10\nb: True\nn: ~\ne:\nq: '7'\ny: yes\nx: 0x1F\n").asMap();
        assertThat(m.get("s").asScalar().kind()).isEqualTo(ScalarKind.STRING);
        assertThat(m.get("i").asScalar().kind()).isEqualTo(ScalarKind.INTEGER);
        assertThat(m.get("i").toPlain()).isEqualTo(BigInteger.valueOf(42));
        assertThat(m.get("z").asScalar().text()).as("leading zero kept as written").isEqualTo("012");
        assertThat(m.get("d").asScalar().kind()).isEqualTo(ScalarKind.DECIMAL);
        assertThat(m.get("d").asScalar().text()).isEqualTo("1.10");
        assertThat(m.get("b").asScalar().kind()).isEqualTo(ScalarKind.BOOLEAN);
        assertThat(m.get("b").asScalar().text()).isEqualTo("true");
        assertThat(m.get("n").asScalar().kind()).isEqualTo(ScalarKind.NULL);
        assertThat(m.get("e").asScalar().kind()).isEqualTo(ScalarKind.NULL);
        assertThat(m.get("q").asScalar().kind()).isEqualTo(ScalarKind.STRING);
        assertThat(m.get("q").asScalar().asNumber()).hasValueSatisfying(v -> assertThat(v.intValue()).isEqualTo(7));
        assertThat(m.get("y").asScalar().kind()).as("YAML 1.2: yes is a string").isEqualTo(ScalarKind.STRING);
        assertThat(m.get("x").toPlain()).isEqualTo(BigInteger.valueOf(31));
    }

    @Test
    void everyNodeKnowsItsLineColumnAndPointer() throws Exception {
        String yaml = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                + "      Tags:\n        - {Key: a/b, Value: \"x~y\"}\n";
        MapNode root = reader.readDocument("t.yaml", yaml).asMap();
        MapNode bucket = root.get("Resources").asMap().get("Bucket").asMap();
        assertThat(bucket.get("Type").location()).isEqualTo(new Location("t.yaml", 3, 11, 3, 26));
        assertThat(bucket.entry("Type").keyLocation()).isEqualTo(new Location("t.yaml", 3, 5, 3, 9));
        MapNode tag = bucket.get("Properties").asMap().get("Tags").asList().get(0).asMap();
        assertThat(tag.location().line()).isEqualTo(6);
        assertThat(tag.location().column()).isEqualTo(11);
        assertThat(tag.get("Value").location()).isEqualTo(new Location("t.yaml", 6, 29, 6, 34));
        assertThat(tag.get("Value").pointer()).isEqualTo("/Resources/Bucket/Properties/Tags/0/Value");
        MapNode withSlash = reader.readDocument("t.json", "{\"a/b\": {\"c~d\": 1}}").asMap();
        assertThat(withSlash.get("a/b").asMap().get("c~d").pointer()).isEqualTo("/a~1b/c~0d");
    }

    @Test
    void columnsCountUtf16CodeUnits() throws Exception {
        String yaml = "a: \"\uD83D\uDE00\uD83D\uDE00\"\nb: !Ref x\n";
        MapNode m = reader.readDocument("t.yaml", "k: \uD83D\uDE00 \nz: [\"\uD83D\uDE00\", !Ref p]\n").asMap();
        ListNode z = m.get("z").asList();
        assertThat(z.get(1).location().column()).isEqualTo(11);
        MapNode j = reader.readDocument("t.json", "{\"k\": [\"\uD83D\uDE00\", \"v\"]}").asMap();
        assertThat(j.get("k").asList().get(1).location().column()).isEqualTo(14);
        assertThat(reader.readDocument("t.yaml", yaml).asMap().get("b").location().column()).isEqualTo(4);
    }

    @Test
    void anchorsAliasesAndMergeKeysExpand() throws Exception {
        String yaml = "base: &b {Type: String, Default: x}\nA:\n  <<: *b\n  Default: y\nB: *b\n";
        MapNode m = reader.readDocument("t.yaml", yaml).asMap();
        assertThat(m.get("A").toPlain()).isEqualTo(Map.of("Type", "String", "Default", "y"));
        assertThat(m.get("B").toPlain()).isEqualTo(Map.of("Type", "String", "Default", "x"));
        assertThat(m.get("B").asMap().get("Type").pointer()).isEqualTo("/B/Type");
        assertThat(m.get("B").asMap().get("Type").location().line()).isEqualTo(1);
    }

    @Test
    void mergeOfSeveralMapsKeepsTheFirstForSharedKeys() throws Exception {
        String yaml = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 3\n";
        MapNode c = reader.readDocument("t.yaml", yaml).asMap().get("c").asMap();
        assertThat(c.toPlain()).isEqualTo(Map.of("x", BigInteger.ONE, "y", BigInteger.ONE,
                "z", BigInteger.TWO, "w", BigInteger.valueOf(3)));
    }

    @Test
    void duplicateKeysKeepTheLastOccurrenceAndRecordTheFirst() throws Exception {
        MapNode y = reader.readDocument("t.yaml", "Resources:\n  A: 1\n  B: 3\n  A: 2\n").asMap();
        MapNode r = y.get("Resources").asMap();
        assertThat(r.keys()).containsExactly("B", "A");
        assertThat(r.get("A").asScalar().text()).isEqualTo("2");
        assertThat(r.get("A").pointer()).isEqualTo("/Resources/A");
        assertThat(r.get("A").location()).isEqualTo(new Location("t.yaml", 4, 6, 4, 7));
        assertThat(r.entry("A").keyLocation()).isEqualTo(new Location("t.yaml", 4, 3, 4, 4));
        assertThat(r.duplicates()).containsExactly(new DuplicateKey("A", "/Resources/A",
                new Location("t.yaml", 2, 3, 2, 4), new Location("t.yaml", 4, 3, 4, 4)));

        MapNode j = reader.readDocument("t.json", "{\n  \"A\": 1,\n  \"A\": {\"x\": 2}\n}").asMap();
        assertThat(j.get("A").toPlain()).isEqualTo(Map.of("x", BigInteger.TWO));
        assertThat(j.get("A").asMap().get("x").pointer()).isEqualTo("/A/x");
        assertThat(j.get("A").location().line()).isEqualTo(3);
        DuplicateKey d = j.duplicates().get(0);
        assertThat(d.ignored()).isEqualTo(new Location("t.json", 2, 3, 2, 6));
        assertThat(d.kept()).isEqualTo(new Location("t.json", 3, 3, 3, 6));
    }

    @Test
    void aKeyWrittenThreeTimesGivesTwoDuplicatesAndNestedOnesAreFound() throws Exception {
        Template t = reader.read("t.yaml", "Resources:\n  R:\n    Type: X\n    Type: Y\n    Type: Z\n"
                + "    Properties:\n      P: {a: 1, a: 2}\nResources2: x\n");
        assertThat(t.resource("R").orElseThrow().type()).isEqualTo("Z");
        assertThat(t.duplicateKeys()).extracting(DuplicateKey::key, d -> d.ignored().line(), d -> d.kept().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Type", 3, 4),
                        org.assertj.core.groups.Tuple.tuple("Type", 4, 5),
                        org.assertj.core.groups.Tuple.tuple("a", 7, 7));
        assertThat(t.duplicateKeys().get(2).pointer()).isEqualTo("/Resources/R/Properties/P/a");
    }

    @Test
    void aDuplicateInsideAnAliasedMapIsRecordedOnce() throws Exception {
        Template t = reader.read("t.yaml", "Mappings:\n  M: &m {k: {a: 1, a: 2}}\n  N: *m\n"
                + "Resources:\n  R: {Type: X}\n");
        assertThat(t.duplicateKeys()).hasSize(1);
        assertThat(t.mappings().get("N").toPlain()).isEqualTo(Map.of("k", Map.of("a", BigInteger.TWO)));
    }

    @Test
    void mergedKeysOverriddenByExplicitOnesAreNotDuplicates() throws Exception {
        Template t = reader.read("t.yaml", "Parameters:\n  B: &b {Type: String, Default: x}\n"
                + "  A:\n    <<: *b\n    Default: y\n    Default: z\nResources:\n  R: {Type: X}\n");
        assertThat(t.parameter("A").orElseThrow().node().toPlain()).isEqualTo(Map.of("Type", "String",
                "Default", "z"));
        assertThat(t.duplicateKeys()).extracting(d -> d.ignored().line()).containsExactly(5);
    }

    @Test
    void syntaxErrorsHaveALocationAndASentence() {
        ParseProblem y = failure("t.yaml", "a:\n  b: [1, 2\nc: 3\n").problems().get(0);
        assertThat(y.message()).startsWith("YAML syntax error: ");
        assertThat(y.location().line()).isGreaterThanOrEqualTo(2);
        ParseProblem j = failure("t.json", "{\"a\": [1 2]}").problems().get(0);
        assertThat(j.message()).startsWith("JSON syntax error: ");
        assertThat(j.location()).isEqualTo(Location.point("t.json", 1, 10));
    }

    @Test
    void unknownTagIsAnErrorAtItsPosition() {
        ParseProblem p = failure("t.yaml", "a:\n  b: !GetAttr X.Y\n").problems().get(0);
        assertThat(p.location().line()).isEqualTo(2);
        assertThat(p.location().column()).isEqualTo(6);
        assertThat(p.message()).contains("!GetAttr").contains("did you mean !GetAtt");
        assertThat(failure("t.yaml", "a: !Rain::Embed x\n").problems().get(0).message()).contains("rain pkg");
    }

    @Test
    void emptyAndMultiDocumentFilesAreRejected() {
        assertThat(failure("t.yaml", "").problems().get(0).message()).contains("empty");
        assertThat(failure("t.yaml", "# only a comment\n").problems().get(0).message()).contains("empty");
        ParseProblem two = failure("t.yaml", "a: 1\n---\nb: 2\n").problems().get(0);
        assertThat(two.message()).contains("more than one YAML document");
        assertThat(two.location().line()).isEqualTo(2);
        assertThat(failure("t.json", "{} {}").problems().get(0).message()).contains("after the end");
    }

    @Test
    void aliasBombIsStoppedByALimit() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        ParseProblem p = failure("bomb.yaml", y.toString()).problems().get(0);
        assertThat(p.message()).contains("alias");
    }

    @Test
    void recursiveAliasIsRejected() {
        assertThat(failure("t.yaml", "a: &a [1, *a]\n").problems().get(0).message()).contains("recursive");
    }

    @Test
    void hundredThousandLevelsOfNestingGiveAnErrorNotAStackOverflow() {
        String open = "[".repeat(100_000);
        assertThat(failure("deep.yaml", open + "]".repeat(100_000)).problems().get(0).message())
                .contains("nested more than 256 levels");
        assertThat(failure("deep.json", open + "]".repeat(100_000)).problems().get(0).message())
                .contains("nested more than 256 levels");
        String maps = "{a: ".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThat(failure("deep.yaml", maps).problems().get(0).message()).contains("nested");
    }

    @Test
    void documentSizeIsLimitedAndConfigurable() throws Exception {
        byte[] big = ("a: '" + "x".repeat(1_000_001) + "'\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.readDocument("big.yaml", big))
                .isInstanceOf(TemplateParseException.class).hasMessageContaining("1000000");
        TemplateReader small = new TemplateReader(ParserLimits.DEFAULTS.withMaxDocumentBytes(10));
        assertThatThrownBy(() -> small.readDocument("s.yaml", "a: 12345678901\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TemplateParseException.class).hasMessageContaining("limit of 10 bytes");
    }

    @Test
    void hugeScalarsAreLimited() {
        TemplateReader r = new TemplateReader(new ParserLimits(10_000_000, 256, 1000, 100_000, 500));
        String yaml = "a: " + "x".repeat(5000) + "\n";
        TemplateParseException e = assertThrowsParse(r, "t.yaml", yaml);
        assertThat(e.problems().get(0).message()).contains("5000 characters");
        TemplateParseException j = assertThrowsParse(r, "t.json", "{\"a\": \"" + "x".repeat(5000) + "\"}");
        assertThat(j.problems().get(0).message()).contains("1000 characters");
    }

    private static TemplateParseException assertThrowsParse(TemplateReader r, String name, String text) {
        try {
            r.readDocument(name, text);
        } catch (TemplateParseException e) {
            return e;
        }
        throw new AssertionError("expected failure");
    }

    @Test
    void bomIsSkippedAndBadBytesAreReportedWithTheirPosition() throws Exception {
        byte[] withBom = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.readDocument("t.yaml", withBom).toPlain()).isEqualTo(Map.of("a", BigInteger.ONE));
        byte[] utf16 = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(reader.readDocument("t.yaml", utf16).toPlain()).isEqualTo(Map.of("a", BigInteger.ONE));
        byte[] bad = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xFF, '\n'};
        ParseProblem p = assertThrowsParse(reader, bad).problems().get(0);
        assertThat(p.location()).isEqualTo(Location.point("t.yaml", 2, 4));
        assertThat(p.message()).contains("not valid UTF-8").contains("0xFF");
    }

    private static TemplateParseException assertThrowsParse(TemplateReader r, byte[] bytes) {
        try {
            r.readDocument("t.yaml", bytes);
        } catch (TemplateParseException e) {
            return e;
        }
        throw new AssertionError("expected failure");
    }

    @Test
    void nonScalarKeysAreRejected() {
        assertThat(failure("t.yaml", "? [a, b]\n: 1\n").problems().get(0).message()).contains("map key");
    }

    @Test
    void numericKeysBecomeTextKeys() throws Exception {
        MapNode m = reader.readDocument("t.yaml", "Mappings:\n  M:\n    1: {a: b}\n").asMap();
        assertThat(m.get("Mappings").asMap().get("M").asMap().keys()).containsExactly("1");
    }

    @Test
    void jsonAndYamlGiveEqualTreesForTheSameTemplate() throws Exception {
        String yaml = "Resources:\n  A:\n    Type: T\n    Properties:\n      N: 2\n      D: 1.5\n      B: false\n"
                + "      L: [a, {Ref: P}]\n      X: null\n";
        String json = "{\"Resources\": {\"A\": {\"Type\": \"T\", \"Properties\": {\"N\": 2, \"D\": 1.5, \"B\": false,"
                + " \"L\": [\"a\", {\"Ref\": \"P\"}], \"X\": null}}}}";
        assertThat(reader.readDocument("t.yaml", yaml).sameData(reader.readDocument("t.json", json))).isTrue();
    }

    @Test
    void formatIsDetectedForTemplateFiles() throws Exception {
        assertThat(reader.readDocument("x.template", "{\"a\": 1}").toPlain()).isEqualTo(Map.of("a", BigInteger.ONE));
        assertThat(reader.readDocument("x.template", "a: [1]").toPlain())
                .isEqualTo(Map.of("a", List.of(BigInteger.ONE)));
    }
}
