package io.github.cfnvalidator.guard.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The data reader types and shapes values the way cfn-guard 3.1.1's loader does. */
class GuardDataReaderTest {
    private static GuardValue.MapV read(String yaml) throws GuardDataException {
        return (GuardValue.MapV) GuardDataReader.read("d.yaml", yaml);
    }

    /** A supplementary character across the YAML engine's 1024-character buffer end is read, not a crash. */
    @Test
    void aSurrogatePairAcrossTheEnginesBufferReads() throws Exception {
        for (int pad = 1010; pad <= 1030; pad++) {
            GuardValue.MapV m = read("# " + "x".repeat(pad) + "\nk: \"" + "\uD83D\uDE00".repeat(7) + "\"\n");
            assertThat(((GuardValue.Str) m.get("k")).value()).as("padding %d", pad).isEqualTo("\uD83D\uDE00".repeat(7));
        }
    }

    @Test
    void plainScalarsAreTypedByRustsParsers() throws Exception {
        GuardValue.MapV m = read("""
                a: 12
                b: +7
                c: 1.5
                d: 1e3
                e: .5
                f: inf
                g: true
                h: True
                i: yes
                j: NULL
                k: ~
                l:
                m: "12"
                n: 0x1F
                o: 12345678901234567890
                p: 1_000
                """);
        assertThat(m.get("a")).isInstanceOf(GuardValue.Int.class);
        assertThat(((GuardValue.Int) m.get("b")).value()).isEqualTo(7);
        assertThat(((GuardValue.Flt) m.get("c")).value()).isEqualTo(1.5);
        assertThat(((GuardValue.Flt) m.get("d")).value()).isEqualTo(1000.0);
        assertThat(((GuardValue.Flt) m.get("e")).value()).isEqualTo(0.5);
        assertThat(((GuardValue.Flt) m.get("f")).value()).isInfinite();
        assertThat(m.get("g")).isInstanceOf(GuardValue.Bool.class);
        assertThat(m.get("h")).isInstanceOf(GuardValue.Str.class);
        assertThat(m.get("i")).isInstanceOf(GuardValue.Str.class);
        assertThat(m.get("j")).isInstanceOf(GuardValue.Null.class);
        assertThat(m.get("k")).isInstanceOf(GuardValue.Null.class);
        assertThat(((GuardValue.Str) m.get("l")).value()).isEmpty();
        assertThat(m.get("m")).isInstanceOf(GuardValue.Str.class);
        assertThat(m.get("n")).isInstanceOf(GuardValue.Str.class);
        assertThat(m.get("o")).isInstanceOf(GuardValue.Flt.class);
        assertThat(m.get("p")).isInstanceOf(GuardValue.Str.class);
    }

    @Test
    void shortFormTagsBecomeLongFormAndOtherTagsAreDropped() throws Exception {
        GuardValue.MapV m = read("""
                r: !Ref Bucket
                g: !GetAtt Bucket.Arn
                s: !Sub [ "${x}", { x: 1 } ]
                c: !Cidr [ "10.0.0.0/16", 2, 8 ]
                e: !Rain::Embed file.txt
                i: !!int "42"
                """);
        assertThat(((GuardValue.MapV) m.get("r")).get("Ref")).isInstanceOf(GuardValue.Str.class);
        GuardValue getAtt = ((GuardValue.MapV) m.get("g")).get("Fn::GetAtt");
        assertThat(((GuardValue.Str) getAtt).value()).isEqualTo("Bucket.Arn");
        assertThat(((GuardValue.MapV) m.get("s")).get("Fn::Sub")).isInstanceOf(GuardValue.ListV.class);
        assertThat(m.get("c")).isInstanceOf(GuardValue.ListV.class);
        assertThat(((GuardValue.Str) m.get("e")).value()).isEqualTo("file.txt");
        assertThat(((GuardValue.Int) m.get("i")).value()).isEqualTo(42);
    }

    @Test
    void positionsAreZeroBasedAndPathsAreSlashSeparated() throws Exception {
        GuardValue.MapV m = read("Resources:\n  A:\n    Type: X\n");
        GuardValue type = ((GuardValue.MapV) ((GuardValue.MapV) m.get("Resources")).get("A")).get("Type");
        assertThat(type.path().pointer()).isEqualTo("/Resources/A/Type");
        assertThat(type.path().line()).isEqualTo(2);
        assertThat(type.path().column()).isEqualTo(10);
        assertThat(type.path().toString()).isEqualTo("/Resources/A/Type[L:2,C:10]");
    }

    @Test
    void aKeyWrittenTwiceKeepsItsPlaceAndTakesTheLastValue() throws Exception {
        GuardValue.MapV m = read("a: 1\nb: 2\na: 3\n");
        assertThat(m.values().keySet()).containsExactly("a", "b");
        assertThat(((GuardValue.Int) m.get("a")).value()).isEqualTo(3);
        assertThat(m.keys()).hasSize(3);
    }

    @Test
    void refusesWhatCfnGuardRefuses() {
        assertThatThrownBy(() -> read("1: one\n")).isInstanceOf(GuardDataException.class)
                .hasMessageContaining("only supports keys that are string types");
        assertThatThrownBy(() -> read("a: &x [1]\nb: *x\n")).hasMessageContaining("aliases");
        assertThatThrownBy(() -> read("   \n")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> read("a: [1\n")).isInstanceOf(GuardDataException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("i: !!int abc\n")).hasMessageContaining("Bad Value");
    }

    @Test
    void readsTabIndentedJsonAndOnlyTheFirstDocument() throws Exception {
        GuardValue.MapV json = (GuardValue.MapV) GuardDataReader.read("t.json", "{\n\t\"a\": \"x\\ty\",\n\t\"b\": 1\n}");
        assertThat(((GuardValue.Str) json.get("a")).value()).isEqualTo("x\ty");
        GuardValue.MapV first = read("a: 1\n---\nb: [\n");
        assertThat(first.values()).containsOnlyKeys("a");
    }

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> (Object) ("s" + s)),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> list = scalar.list().ofMaxSize(3).map(l -> (Object) l);
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, list);
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(k -> "k" + k), value)
                .ofMaxSize(6).map(LinkedHashMap::new);
    }

    private static String json(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(json(v)));
            return sb.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            l.forEach(v -> sb.append(sb.length() > 1 ? "," : "").append(json(v)));
            return sb.append(']').toString();
        }
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }

    private static String yaml(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> {
            sb.append(k).append(":");
            if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    sb.append(" []\n");
                } else {
                    sb.append('\n');
                    l.forEach(x -> sb.append("  - ").append(x).append('\n'));
                }
            } else {
                sb.append(' ').append(v).append('\n');
            }
        });
        return sb.length() == 0 ? "{}\n" : sb.toString();
    }

    @Property(tries = 200)
    void jsonAndYamlFormsReadToEqualValues(@ForAll("documents") Map<String, Object> doc) throws Exception {
        GuardValue fromJson = GuardDataReader.read("p.json", json(doc));
        GuardValue fromYaml = GuardDataReader.read("p.yaml", yaml(doc));
        assertThat(GuardJson.plain(fromJson)).isEqualTo(GuardJson.plain(fromYaml));
    }
}
