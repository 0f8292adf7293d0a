package io.github.cfnvalidator.template;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The decoded text of one source file and the index that turns offsets into 1-based line and UTF-16 column numbers.
 * Decoding strips a UTF-8 BOM, honours UTF-16 BOMs and reports bytes that are not UTF-8 with their position.
 */
public final class SourceText {
    private final String name;
    private final String text;
    private final int[] lineStarts;
    private final int[] codePointToChar;

    private SourceText(String name, String text) {
        this.name = name;
        this.text = text;
        this.lineStarts = computeLineStarts(text);
        this.codePointToChar = computeCodePointIndex(text);
    }

    /** Wraps text that is already decoded; a leading BOM character is dropped. */
    public static SourceText of(String name, String text) {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return new SourceText(name, t);
    }

    /**
     * Decodes bytes: UTF-8 (BOM optional) or UTF-16 with a BOM.
     *
     * @throws TemplateParseException when the bytes are not valid in that encoding
     */
    public static SourceText decode(String name, byte[] bytes) throws TemplateParseException {
        int offset = 0;
        java.nio.charset.Charset cs = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            offset = 2;
            cs = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            offset = 2;
            cs = StandardCharsets.UTF_16LE;
        }
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) bytes.length + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            SourceText prefix = new SourceText(name, out.toString());
            int line = prefix.lineStarts.length;
            int column = out.length() - prefix.lineStarts[line - 1] + 1;
            int bad = bytes[in.position()] & 0xFF;
            String encoding = cs == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
            throw new TemplateParseException(new ParseProblem(String.format(
                    "the file is not valid %s text: byte 0x%02X cannot start or continue a character here; "
                            + "save the template as UTF-8", encoding, bad),
                    Location.point(name, line, column)));
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new TemplateParseException(new ParseProblem("the file could not be decoded as text",
                    Location.ofFile(name)));
        }
        out.flip();
        return new SourceText(name, out.toString());
    }

    /** Decodes bytes, failing on anything but strict UTF-8; a convenience for tests. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The file name used in locations. */
    public String name() {
        return name;
    }

    /** The decoded text (without BOM). */
    public String text() {
        return text;
    }

    /** Number of lines. */
    public int lineCount() {
        return lineStarts.length;
    }

    /** Converts a code point offset (as SnakeYAML counts) into a char offset. */
    public int charOffsetOfCodePoint(int cp) {
        if (codePointToChar == null) {
            return Math.min(cp, text.length());
        }
        if (cp >= codePointToChar.length) {
            return text.length();
        }
        return codePointToChar[Math.max(0, cp)];
    }

    /** The 1-based line of a char offset. */
    public int lineOf(int charOffset) {
        int i = Arrays.binarySearch(lineStarts, charOffset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based UTF-16 column of a char offset. */
    public int columnOf(int charOffset) {
        int line = lineOf(charOffset);
        return charOffset - lineStarts[line - 1] + 1;
    }

    /** The location spanning two char offsets. */
    public Location span(int startChar, int endChar) {
        int s = Math.max(0, Math.min(startChar, text.length()));
        int e = Math.max(s, Math.min(endChar, text.length()));
        int sl = lineOf(s);
        int el = e == s ? sl : lineOf(e);
        return new Location(name, sl, s - lineStarts[sl - 1] + 1, el, e - lineStarts[el - 1] + 1);
    }

    /** The char offset of a 1-based line and column. */
    public int offsetOf(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        return Math.min(text.length(), lineStarts[l - 1] + Math.max(0, column - 1));
    }

    private static int[] computeLineStarts(String text) {
        // String.indexOf runs as an intrinsic, so this stays fast even before the JIT has compiled this method
        if (text.indexOf('\r') < 0) {
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                count++;
            }
            int[] starts = new int[count];
            int n = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts[n++] = i + 1;
            }
            return starts;
        }
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    private static int[] computeCodePointIndex(String text) {
        // codePointCount answers in constant time for Latin-1 strings, the usual case for templates
        int cps = text.codePointCount(0, text.length());
        if (cps == text.length()) {
            return null;
        }
        int[] map = new int[cps + 1];
        int c = 0;
        for (int i = 0; i < text.length(); ) {
            map[c++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        map[cps] = text.length();
        return map;
    }
}
