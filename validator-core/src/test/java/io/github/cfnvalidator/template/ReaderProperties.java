package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties of the readers: YAML and JSON agree, and no input makes them throw anything but their own error. */
class ReaderProperties {
    private static final List<String> SHORT_FORMS = List.of("Ref", "Condition", "Fn::Sub", "Fn::Join",
            "Fn::Select", "Fn::If", "Fn::Equals", "Fn::FindInMap", "Fn::Base64", "Fn::GetAZs", "Fn::ImportValue",
            "Fn::Split", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Length", "Fn::ToJsonString", "Fn::Cidr");
    private final TemplateReader reader = new TemplateReader();

    @Property(tries = 300)
    void yamlAndJsonFormsOfOneDocumentParseToEqualTrees(@ForAll("documents") Map<String, Object> doc)
            throws Exception {
        String json = toJson(doc);
        StringBuilder yaml = new StringBuilder();
        writeYamlMap(doc, 0, yaml);
        Node fromJson = reader.readDocument("g.json", json);
        Node fromYaml = reader.readDocument("g.yaml", yaml.toString());
        assertThat(fromYaml.toPlain()).as(yaml.toString()).isEqualTo(fromJson.toPlain());
        assertThat(pointers(fromYaml)).isEqualTo(pointers(fromJson));
    }

    /**
     * A key written twice with a decoy first value (anywhere in the document, YAML or JSON) reads exactly as the
     * document without the decoy - same values, same pointers - and records exactly one duplicate.
     */
    @Property(tries = 200)
    void aDecoyFirstOccurrenceOfAKeyChangesNothingButTheRecordedDuplicate(
            @ForAll("documents") Map<String, Object> doc, @ForAll int whichMap, @ForAll int whichKey)
            throws Exception {
        int maps = countMaps(doc);
        net.jqwik.api.Assume.that(maps > 0);
        Object decoyed = decoyed(doc, new int[] {Math.floorMod(whichMap, maps)}, whichKey);
        Node plain = reader.readDocument("g.json", toJson(doc));
        StringBuilder yaml = new StringBuilder();
        writeYamlMap(castMap(decoyed), 0, yaml);
        for (Node n : List.of(reader.readDocument("d.json", toJson(decoyed)),
                reader.readDocument("d.yaml", yaml.toString()))) {
            assertThat(n.toPlain()).as(yaml.toString()).isEqualTo(plain.toPlain());
            assertThat(pointers(n)).isEqualTo(pointers(plain));
            assertThat(duplicates(n)).as(yaml.toString()).hasSize(1);
        }
    }

    /** A map that writes {@code key} twice: first with the value "decoy", then with its own value. */
    private static final class DecoyMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        final String decoyKey;

        DecoyMap(Map<String, Object> m, String decoyKey) {
            super(m);
            this.decoyKey = decoyKey;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static int countMaps(Object v) {
        int n = 0;
        if (v instanceof Map<?, ?> m) {
            n += m.isEmpty() ? 0 : 1;
            for (Object o : m.values()) {
                n += countMaps(o);
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                n += countMaps(o);
            }
        }
        return n;
    }

    /** A copy of {@code v} whose non-empty map number {@code left[0]} (pre-order) is a {@link DecoyMap}. */
    private static Object decoyed(Object v, int[] left, int whichKey) {
        if (v instanceof Map<?, ?> raw) {
            Map<String, Object> m = castMap(raw);
            boolean chosen = !m.isEmpty() && left[0]-- == 0;
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                copy.put(e.getKey(), decoyed(e.getValue(), left, whichKey));
            }
            if (!chosen) {
                return copy;
            }
            List<String> keys = new ArrayList<>(copy.keySet());
            return new DecoyMap(copy, keys.get(Math.floorMod(whichKey, keys.size())));
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object o : l) {
                copy.add(decoyed(o, left, whichKey));
            }
            return copy;
        }
        return v;
    }

    private static List<DuplicateKey> duplicates(Node n) {
        List<DuplicateKey> out = new ArrayList<>();
        if (n instanceof MapNode m) {
            out.addAll(m.duplicates());
            m.entries().forEach(e -> out.addAll(duplicates(e.value())));
        } else if (n instanceof ListNode l) {
            l.items().forEach(i -> out.addAll(duplicates(i)));
        }
        return out;
    }

    @Property(tries = 500)
    void arbitraryBytesOnlyEverYieldTheReadersOwnError(@ForAll @Size(max = 300) byte[] bytes,
                                                       @ForAll boolean json) {
        readOrOwnError(json ? "x.json" : "x.yaml", bytes);
    }

    @Property(tries = 300)
    void arbitraryTextOnlyEverYieldsTheReadersOwnError(@ForAll("yamlish") String text, @ForAll boolean json) {
        readOrOwnError(json ? "x.json" : "x.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void mutatedRealTemplatesOnlyEverYieldTheReadersOwnError(@ForAll("seeds") Path seed,
                                                             @ForAll("mutations") List<int[]> mutations)
            throws IOException {
        byte[] bytes = Files.readAllBytes(seed);
        for (int[] m : mutations) {
            if (bytes.length == 0) {
                break;
            }
            int at = Math.floorMod(m[1], bytes.length);
            switch (m[0]) {
                case 0: { // flip a byte
                    bytes[at] = (byte) m[2];
                    break;
                }
                case 1: { // delete a span
                    int len = Math.min(bytes.length - at, 1 + Math.floorMod(m[2], 20));
                    byte[] b = new byte[bytes.length - len];
                    System.arraycopy(bytes, 0, b, 0, at);
                    System.arraycopy(bytes, at + len, b, at, bytes.length - at - len);
                    bytes = b;
                    break;
                }
                default: { // duplicate a span
                    int len = Math.min(bytes.length - at, 1 + Math.floorMod(m[2], 40));
                    byte[] b = new byte[bytes.length + len];
                    System.arraycopy(bytes, 0, b, 0, at + len);
                    System.arraycopy(bytes, at, b, at + len, bytes.length - at);
                    bytes = b;
                }
            }
        }
        readOrOwnError(seed.getFileName().toString(), bytes);
    }

    private void readOrOwnError(String name, byte[] bytes) {
        try {
            Node n = reader.readDocument(name, bytes);
            try {
                Template.of(n);
            } catch (TemplateParseException e) {
                assertThat(e.problems()).isNotEmpty();
            }
        } catch (TemplateParseException e) {
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.problems().get(0).location().line()).isPositive();
            // the readers' last-resort net for unexpected runtime exceptions must never be what answered
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("Exception"));
        }
    }

    @Provide
    Arbitrary<Path> seeds() {
        List<Path> seeds = new ArrayList<>();
        // the corpus when present (required in CI); without it the examples alone seed the mutations
        Path corpus = SharedCorpus.required() ? SharedCorpus.requireTemplates() : SharedCorpus.templates();
        if (corpus != null) {
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(Files::isRegularFile).sorted().limit(400).forEach(seeds::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Path examples = Path.of("..", "examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> s = Files.walk(examples)) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                        .filter(p -> !p.toString().contains("target")).forEach(seeds::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no seed templates found");
        }
        return Arbitraries.of(seeds);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers(), Arbitraries.integers().between(0, 255)).as((a, b, c) -> new int[] {a, b, c});
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.strings().withChars("{}[]:,-!&*?|>'\"#%@` \n\t\rabcRefFn:0123.~<").ofMaxLength(120);
    }

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        return map(3);
    }

    private Arbitrary<Map<String, Object>> map(int depth) {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').withChars('A', 'Z', '_', '-', ' ')
                .ofMinLength(1).ofMaxLength(8).filter(k -> !k.isBlank() && k.charAt(0) != ' '
                        && k.charAt(k.length() - 1) != ' ');
        return Arbitraries.maps(keys, value(depth - 1)).ofMaxSize(4).map(LinkedHashMap::new);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(4).map(s -> (Object) s),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-100000), BigInteger.valueOf(100000))
                        .map(i -> (Object) i),
                Arbitraries.of("1.5", "0.25", "-3.75", "10.0").map(s -> (Object) new java.math.BigDecimal(s)),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<Object> list = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(3).map(l -> (Object) l);
        Arbitrary<Object> fn = Combinators.combine(Arbitraries.of(SHORT_FORMS), Arbitraries.lazy(() -> value(depth - 1)))
                .as((k, v) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(k, v == null ? "x" : v);
                    return (Object) m;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> map(depth)).map(m -> (Object) m)),
                net.jqwik.api.Tuple.of(2, fn));
    }

    private static String toJson(Object doc) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            writeJson(doc, g);
        }
        return w.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeJson(Object v, JsonGenerator g) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (m instanceof DecoyMap d && d.decoyKey.equals(e.getKey())) {
                    g.writeFieldName(e.getKey());
                    g.writeString("decoy");
                }
                g.writeFieldName(e.getKey());
                writeJson(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeJson(o, g);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof java.math.BigDecimal d) {
            g.writeNumber(d.toPlainString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeNull();
        }
    }

    /** Block-style YAML; strings double-quoted (JSON escapes), functions sometimes in short form. */
    @SuppressWarnings("unchecked")
    private static void writeYamlMap(Map<String, Object> m, int indent, StringBuilder out) throws IOException {
        if (m.isEmpty()) {
            out.append(" ".repeat(indent)).append("{}\n");
            return;
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (m instanceof DecoyMap d && d.decoyKey.equals(e.getKey())) {
                out.append(" ".repeat(indent)).append(quote(e.getKey())).append(": \"decoy\"\n");
            }
            out.append(" ".repeat(indent)).append(quote(e.getKey())).append(':');
            writeYamlValue(e.getValue(), indent, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeYamlValue(Object v, int indent, StringBuilder out) throws IOException {
        if (v instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            if (m.size() == 1 && SHORT_FORMS.contains(m.keySet().iterator().next()) && (m.hashCode() & 1) == 0
                    && !(m instanceof DecoyMap)) {
                String key = m.keySet().iterator().next();
                String tag = key.startsWith("Fn::") ? key.substring(4) : key;
                out.append(" !").append(tag);
                Object arg = m.get(key);
                if (arg instanceof Map<?, ?> || arg instanceof List<?>) {
                    out.append(' ').append(toJson(arg).replace("\n", " ")).append('\n');
                } else {
                    out.append(' ').append(scalarText(arg)).append('\n');
                }
                return;
            }
            if (m.isEmpty()) {
                out.append(" {}\n");
                return;
            }
            out.append('\n');
            writeYamlMap(m, indent + 2, out);
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append(" []\n");
                return;
            }
            out.append('\n');
            for (Object o : l) {
                out.append(" ".repeat(indent + 2)).append('-');
                if (o instanceof Map<?, ?> mm && !mm.isEmpty() && !(mm.size() == 1
                        && SHORT_FORMS.contains(mm.keySet().iterator().next()))) {
                    out.append('\n');
                    writeYamlMap((Map<String, Object>) mm, indent + 4, out);
                } else {
                    writeYamlValue(o, indent + 2, out);
                }
            }
        } else {
            out.append(' ').append(scalarText(v)).append('\n');
        }
    }

    private static String scalarText(Object v) throws IOException {
        if (v instanceof String s) {
            return quote(s);
        }
        if (v == null) {
            return "null";
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /** A double-quoted YAML scalar: JSON escapes, plus unicode escapes for characters YAML does not allow raw. */
    private static String quote(String s) throws IOException {
        String json = toJson(s);
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                out.append(c).append(json.charAt(++i));
            } else if ((c >= 0x7F && c <= 0x9F && c != 0x85) || Character.isSurrogate(c) || c == 0xFFFE
                    || c == 0xFFFF) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> pointers(Node n) {
        List<String> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        out.add(n.pointer());
        if (n instanceof MapNode m) {
            m.entries().forEach(e -> collect(e.value(), out));
        } else if (n instanceof ListNode l) {
            l.items().forEach(i -> collect(i, out));
        }
    }
}
