package io.github.cfnvalidator.template;

import java.io.Reader;

/**
 * A reader over text whose reads never end between the two halves of a surrogate pair, the input every SnakeYAML
 * Engine stream reader in this project is given.
 *
 * <p>SnakeYAML Engine 2.10 reads its input in chunks that fill its whole buffer (buffer size + 1 characters); when a
 * chunk ends with a high surrogate it reads one more character into that full buffer and fails with an
 * {@code IndexOutOfBoundsException}, so a valid document with a supplementary character (an emoji, say) straddling
 * a chunk boundary could not be read. Handing the engine chunks that end on whole code points avoids that path.
 */
public final class WholeCodePointReader extends Reader {
    private final String text;
    private int next;

    /** A reader over the given text. */
    public WholeCodePointReader(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (next >= text.length()) {
            return -1;
        }
        int end = Math.min(text.length(), next + length);
        // a chunk of two or more characters never ends on a high surrogate that has text after it
        if (end - next > 1 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        text.getChars(next, end, buffer, offset);
        int n = end - next;
        next = end;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
