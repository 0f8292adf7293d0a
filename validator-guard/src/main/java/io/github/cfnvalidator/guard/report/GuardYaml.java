package io.github.cfnvalidator.guard.report;

import io.github.cfnvalidator.guard.data.GuardJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes report trees as block YAML the way cfn-guard's serde_yaml does: sequences under a key at the key's indent,
 * nested maps two spaces in, strings plain unless they would read back as something else, single-quoted, or
 * double-quoted with escapes when they hold line breaks.
 */
public final class GuardYaml {
    private static final Pattern NUMBERISH = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\\.(inf|Inf|INF)"
                    + "|\\.nan|\\.NaN|\\.NAN");

    private GuardYaml() {
    }

    /** A plain tree as YAML text, in the layout cfn-guard writes. */
    public static String write(Object tree) {
        StringBuilder sb = new StringBuilder();
        try {
            write(tree, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** The YAML of one item of a top-level list ({@code - ...} lines). */
    public static String listItem(Object item) {
        StringBuilder sb = new StringBuilder();
        try {
            list(List.of(item), sb, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static void write(Object tree, Appendable out) throws IOException {
        if (tree instanceof Map<?, ?> m && !m.isEmpty()) {
            map(m, out, 0, false);
        } else if (tree instanceof List<?> l && !l.isEmpty()) {
            list(l, out, 0);
        } else {
            out.append(scalar(tree)).append('\n');
        }
    }

    private static void indent(Appendable out, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }

    /** Writes a map whose first line may continue a "- " already written. */
    private static void map(Map<?, ?> m, Appendable out, int indent, boolean firstInline) throws IOException {
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(first && firstInline)) {
                indent(out, indent);
            }
            first = false;
            out.append(scalar(String.valueOf(e.getKey()))).append(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> vm && !vm.isEmpty()) {
                out.append('\n');
                map(vm, out, indent + 2, false);
            } else if (v instanceof List<?> vl && !vl.isEmpty()) {
                out.append('\n');
                list(vl, out, indent);
            } else {
                out.append(' ').append(scalar(v)).append('\n');
            }
        }
    }

    private static void list(List<?> l, Appendable out, int indent) throws IOException {
        for (Object v : l) {
            indent(out, indent);
            out.append("- ");
            if (v instanceof Map<?, ?> vm && !vm.isEmpty()) {
                map(vm, out, indent + 2, true);
            } else if (v instanceof List<?> vl && !vl.isEmpty()) {
                out.append('\n');
                list(vl, out, indent + 2);
            } else {
                out.append(scalar(v)).append('\n');
            }
        }
    }

    static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return GuardJson.ryu(d);
        }
        String s = v.toString();
        if (needsDoubleQuotes(s)) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"':
                        sb.append("\\\"");
                        break;
                    case '\\':
                        sb.append("\\\\");
                        break;
                    case '\n':
                        sb.append("\\n");
                        break;
                    case '\r':
                        sb.append("\\r");
                        break;
                    case '\t':
                        sb.append("\\t");
                        break;
                    default:
                        if (c < 0x20) {
                            sb.append(String.format("\\x%02X", (int) c));
                        } else {
                            sb.append(c);
                        }
                }
            }
            return sb.append('"').toString();
        }
        if (needsQuotes(s)) {
            return "'" + s.replace("'", "''") + "'";
        }
        return s;
    }

    private static boolean needsDoubleQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (Character.isWhitespace(first) || Character.isWhitespace(last)) {
            return true;
        }
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
            return true;
        }
        if ((first == '-' || first == '?' || first == ':') && (s.length() == 1 || s.charAt(1) == ' ')) {
            return true;
        }
        if (s.contains(": ") || s.contains(" #") || last == ':') {
            return true;
        }
        switch (s) {
            case "~":
            case "null":
            case "Null":
            case "NULL":
            case "true":
            case "True":
            case "TRUE":
            case "false":
            case "False":
            case "FALSE":
                return true;
            default:
                return NUMBERISH.matcher(s).matches();
        }
    }
}
