package io.github.cfnvalidator.report;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one low-level JUnit XML writer of the project: elements, attributes and text written in order, escaped as
 * the reader of each report expects. {@link JUnitReportWriter} writes Surefire's layout with it, and
 * validator-guard's {@code guard validate}/{@code guard test} write cfn-guard's. Not thread-safe; one per report.
 */
public final class JUnitXml {
    /** How markup characters are escaped. */
    public enum Escaping {
        /**
         * As a StAX writer does (Surefire's reports): {@code & < >} in text and attributes, {@code "} in attributes.
         */
        STAX,
        /** As cfn-guard 3.1.1 does (quick-xml): {@code & < > " '} everywhere. */
        CFN_GUARD
    }

    private final Appendable out;
    private final Escaping escaping;

    /** A writer appending to {@code out}. */
    public JUnitXml(Appendable out, Escaping escaping) {
        this.out = out;
        this.escaping = escaping;
    }

    /** {@code <?xml version="1.0" encoding="UTF-8"?>}, without a line break. */
    public JUnitXml declaration() {
        return raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** An opening tag with attributes given as name, value pairs ({@code <name a="v">}). */
    public JUnitXml start(String name, String... attributes) {
        tag(name, attributes);
        return raw(">");
    }

    /** An empty element with attributes given as name, value pairs ({@code <name a="v"/>}). */
    public JUnitXml empty(String name, String... attributes) {
        tag(name, attributes);
        return raw("/>");
    }

    /** A closing tag. */
    public JUnitXml end(String name) {
        return raw("</" + name + ">");
    }

    /** Escaped character data. */
    public JUnitXml text(String s) {
        return raw(escape(s, false));
    }

    /** Markup or whitespace written as is (line breaks and indentation between elements). */
    public JUnitXml raw(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void tag(String name, String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come as name, value pairs");
        }
        StringBuilder sb = new StringBuilder("<").append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1], true)).append('"');
        }
        raw(sb.toString());
    }

    /** {@code s} escaped for text ({@code attribute} false) or for a double-quoted attribute value. */
    String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute || escaping == Escaping.CFN_GUARD ? "&quot;" : "\"");
                case '\'' -> sb.append(escaping == Escaping.CFN_GUARD ? "&apos;" : "'");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
