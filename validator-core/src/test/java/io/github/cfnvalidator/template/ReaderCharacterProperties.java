package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Any characters in a double-quoted YAML string, near the start of the file or across the end of the engine's first
 * read (a chunk of 2^20 + 1 characters, see {@link WholeCodePointReader}): the string reads back exactly, or, when it
 * holds a character YAML does not allow in a file, the file is refused at that character's own line and UTF-16 column.
 */
class ReaderCharacterProperties {
    /** Where SnakeYAML Engine 2.10's first read of a large text ends: its buffer of 2^20 characters, plus one. */
    private static final int FIRST_READ = (1 << 20) + 1;
    private static final String VALUE_LINE = "  v: \"";

    private final TemplateReader reader = new TemplateReader(ParserLimits.DEFAULTS.withMaxDocumentBytes(8_000_000));

    @Property(tries = 150)
    void aQuotedStringReadsBackOrIsRefusedAtItsFirstForbiddenCharacter(@ForAll("anyCodePoints") String value,
            @ForAll boolean acrossTheReadBuffer, @ForAll @IntRange(min = 0, max = 12) int shift) throws Exception {
        String head = "k:\n";
        if (acrossTheReadBuffer) {
            // a comment line that makes the value start a few characters before the end of the first read
            int pad = FIRST_READ - shift - head.length() - VALUE_LINE.length() - "#\n".length();
            head = "#" + "x".repeat(pad) + "\n" + head;
        }
        String text = head + VALUE_LINE + escapeQuotesAndBreaks(value) + "\"\n";
        int line = acrossTheReadBuffer ? 3 : 2;
        int bad = firstForbidden(text);
        if (bad < 0) {
            Node n = reader.readDocument("c.yaml", text);
            assertThat(n.asMap().get("k").asMap().get("v").asScalar().text()).isEqualTo(value);
        } else {
            int lineStart = text.lastIndexOf('\n', bad) + 1;
            try {
                reader.readDocument("c.yaml", text);
                throw new AssertionError("expected a refusal of U+" + Integer.toHexString(text.codePointAt(bad)));
            } catch (TemplateParseException e) {
                assertThat(e.problems().get(0).location()).as(e.getMessage())
                        .isEqualTo(Location.point("c.yaml", line, bad - lineStart + 1));
                assertThat(e.problems().get(0).message())
                        .contains(String.format("U+%04X", text.codePointAt(bad)));
            }
        }
    }

    /** Code points from every plane, weighted towards the edges YAML cares about; lone surrogates included. */
    @Provide
    Arbitrary<String> anyCodePoints() {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0xA0, 0xFFFD)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xA0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFE, 0xFFFF, 0x85, 0x7F)));
        return cp.list().ofMaxSize(16).map(l -> {
            StringBuilder s = new StringBuilder();
            l.forEach(s::appendCodePoint);
            return s.toString();
        });
    }

    /** YAML 1.2's c-printable, written out from the specification (not taken from the engine). */
    private static boolean printable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (!printable(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Escapes what a double-quoted scalar cannot hold as itself; every other character stays raw. */
    private static String escapeQuotesAndBreaks(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029', '\uFEFF' -> out.append(String.format("\\u%04X", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
