package io.github.cfnvalidator.report;

import java.io.IOException;
import java.io.Writer;

/** Writes HTML: markup as given, text and attribute values escaped. */
final class HtmlOut {
    private final Writer out;

    HtmlOut(Writer out) {
        this.out = out;
    }

    /** Markup written as is; never pass text from a template or rule here. */
    HtmlOut raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** Text, escaped for element content. */
    HtmlOut text(String text) throws IOException {
        out.write(escape(text));
        return this;
    }

    /** A number as text. */
    HtmlOut text(long n) throws IOException {
        out.write(Long.toString(n));
        return this;
    }

    /** Text, escaped for a double-quoted attribute value. */
    HtmlOut attr(String text) throws IOException {
        out.write(escape(text));
        return this;
    }

    /**
     * {@code & < > " '} as character references; control characters other than tab, line feed and carriage return
     * (which HTML does not allow, even as references) and lone surrogates as U+FFFD.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || (c >= 0x7f && c < 0xa0)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
