package io.github.cfnvalidator.resolve;

import java.util.ArrayList;
import java.util.List;

/** Splits an {@code Fn::Sub} string into literal text and {@code ${Name}} / {@code ${Name.Attribute}} variables. */
final class SubString {
    private SubString() {
    }

    /**
     * A variable of an {@code Fn::Sub} string.
     *
     * @param name      the parameter, resource or variable name
     * @param attribute the attribute after the first dot, or {@code null}
     */
    record Variable(String name, String attribute) {
    }

    /** The segments in order: {@link String} for literal text, {@link Variable} for a placeholder. */
    static List<Object> parse(String s) {
        List<Object> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("${", i);
            if (open < 0) {
                lit.append(s, i, s.length());
                break;
            }
            int close = s.indexOf('}', open + 2);
            if (close < 0) {
                lit.append(s, i, s.length());
                break;
            }
            lit.append(s, i, open);
            String inner = s.substring(open + 2, close);
            if (inner.startsWith("!")) {
                lit.append("${").append(inner.substring(1)).append('}');
            } else {
                String name = inner.strip();
                if (lit.length() > 0) {
                    out.add(lit.toString());
                    lit.setLength(0);
                }
                int dot = name.indexOf('.');
                out.add(dot < 0 ? new Variable(name, null) : new Variable(name.substring(0, dot),
                        name.substring(dot + 1)));
            }
            i = close + 1;
        }
        if (lit.length() > 0) {
            out.add(lit.toString());
        }
        return out;
    }
}
