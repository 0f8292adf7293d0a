package io.github.cfnvalidator.guard.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text forms of Guard values and a small writer for report trees (maps, lists, strings, numbers, booleans, null)
 * that lays JSON out the way cfn-guard's serde_json pretty printer does, so structured reports compare byte for
 * byte where the data allows.
 */
public final class GuardJson {
    private GuardJson() {
    }

    /** cfn-guard's value-only display: strings quoted, maps as {"k":v}, lists as [a,b], no paths. */
    public static String valueOnly(GuardValue v) {
        StringBuilder sb = new StringBuilder();
        valueOnly(v, sb);
        return sb.toString();
    }

    private static void valueOnly(GuardValue v, StringBuilder sb) {
        switch (v.kind()) {
            case NULL:
                sb.append("\"NULL\"");
                break;
            case STRING:
                sb.append('"').append(((GuardValue.Str) v).value()).append('"');
                break;
            case REGEX:
                sb.append("\"/").append(((GuardValue.Regex) v).source()).append("/\"");
                break;
            case BOOL:
                sb.append(((GuardValue.Bool) v).value());
                break;
            case INT:
                sb.append(((GuardValue.Int) v).value());
                break;
            case FLOAT:
                sb.append(rustDisplay(((GuardValue.Flt) v).value()));
                break;
            case CHAR:
                sb.append('\'').appendCodePoint(((GuardValue.Chr) v).value()).append('\'');
                break;
            case LIST: {
                sb.append('[');
                List<GuardValue> items = ((GuardValue.ListV) v).items();
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    valueOnly(items.get(i), sb);
                }
                sb.append(']');
                break;
            }
            case MAP: {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, GuardValue> e : ((GuardValue.MapV) v).values().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    sb.append('"').append(e.getKey()).append("\":");
                    valueOnly(e.getValue(), sb);
                }
                sb.append('}');
                break;
            }
            default:
                sb.append(rangeText(v));
        }
    }

    /** A range as cfn-guard writes it: {@code [1,10)}. */
    static String rangeText(GuardValue v) {
        int inclusive;
        String lo;
        String hi;
        if (v instanceof GuardValue.RangeInt r) {
            inclusive = r.inclusive;
            lo = Long.toString(r.lower);
            hi = Long.toString(r.upper);
        } else if (v instanceof GuardValue.RangeFloat r) {
            inclusive = r.inclusive;
            lo = rustDisplay(r.lower);
            hi = rustDisplay(r.upper);
        } else {
            GuardValue.RangeChar r = (GuardValue.RangeChar) v;
            inclusive = r.inclusive;
            lo = new String(Character.toChars(r.lower));
            hi = new String(Character.toChars(r.upper));
        }
        return ((inclusive & GuardValue.LOWER_INCLUSIVE) != 0 ? "[" : "(") + lo + "," + hi
                + ((inclusive & GuardValue.UPPER_INCLUSIVE) != 0 ? "]" : ")");
    }

    /** Rust's {@code Display} of an f64: shortest digits, never an exponent, no trailing {@code .0}. */
    public static String rustDisplay(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String s = b.toPlainString();
        return s;
    }

    /** serde_json's (ryu) form of an f64: {@code 1.0}, {@code 0.5}, {@code 1e20}, {@code 1.5e-7}. */
    public static String ryu(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        int length = digits.length();
        // value = 0.digits * 10^kk  with kk = position of the decimal point
        int kk = length - b.scale();
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
        }
        if (kk >= length && kk <= 16) {
            sb.append(digits);
            for (int i = length; i < kk; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else if (kk > 0 && kk <= 16) {
            sb.append(digits, 0, kk).append('.').append(digits, kk, length);
        } else if (kk > -5 && kk <= 0) {
            sb.append("0.");
            for (int i = kk; i < 0; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            int exp = kk - 1;
            sb.append(digits.charAt(0));
            if (length > 1) {
                sb.append('.').append(digits, 1, length);
            }
            sb.append('e').append(exp);
        }
        return sb.toString();
    }

    /** The value as a plain tree (for JSON/YAML reports): what serde_json makes of cfn-guard's value. */
    static Object plain(GuardValue v) {
        switch (v.kind()) {
            case NULL:
                return null;
            case STRING:
                return ((GuardValue.Str) v).value();
            case REGEX:
                return "/" + ((GuardValue.Regex) v).source() + "/";
            case BOOL:
                return ((GuardValue.Bool) v).value();
            case INT:
                return ((GuardValue.Int) v).value();
            case FLOAT:
                return ((GuardValue.Flt) v).value();
            case CHAR:
                return new String(Character.toChars(((GuardValue.Chr) v).value()));
            case LIST: {
                List<Object> l = new ArrayList<>();
                for (GuardValue x : ((GuardValue.ListV) v).items()) {
                    l.add(plain(x));
                }
                return l;
            }
            case MAP: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<String, GuardValue> e : ((GuardValue.MapV) v).values().entrySet()) {
                    m.put(e.getKey(), plain(e.getValue()));
                }
                return m;
            }
            default:
                return rangeText(v);
        }
    }

    /** {path, value} as cfn-guard serialises a value with its path. */
    public static Map<String, Object> pathValue(GuardValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", v.path().pointer());
        m.put("value", plain(v));
        return m;
    }

    /** Writes a plain tree as pretty JSON, two-space indented, the serde_json way. */
    public static void writePretty(Object tree, Appendable out) {
        try {
            write(tree, out, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain tree as pretty JSON text. */
    static String pretty(Object tree) {
        StringBuilder sb = new StringBuilder();
        writePretty(tree, sb);
        return sb.toString();
    }

    private static void indent(Appendable out, int level) throws IOException {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(Object o, Appendable out, int level) throws IOException {
        if (o == null) {
            out.append("null");
        } else if (o instanceof String s) {
            quote(s, out);
        } else if (o instanceof Boolean b) {
            out.append(b.toString());
        } else if (o instanceof Double d) {
            out.append(Double.isFinite(d) ? ryu(d) : "null");
        } else if (o instanceof Number n) {
            out.append(n.toString());
        } else if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                indent(out, level + 1);
                quote(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), out, level + 1);
                if (++i < m.size()) {
                    out.append(',');
                }
                out.append('\n');
            }
            indent(out, level);
            out.append('}');
        } else if (o instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                indent(out, level + 1);
                write(l.get(i), out, level + 1);
                if (i + 1 < l.size()) {
                    out.append(',');
                }
                out.append('\n');
            }
            indent(out, level);
            out.append(']');
        } else {
            quote(o.toString(), out);
        }
    }

    /** The pretty JSON of one element of a top-level array (indented one level, as cfn-guard prints it). */
    public static String arrayElement(Object tree) {
        StringBuilder sb = new StringBuilder();
        try {
            write(tree, sb, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes pre-rendered array elements as a pretty JSON array. */
    public static void writeArray(List<String> elements, Appendable out) {
        try {
            if (elements.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < elements.size(); i++) {
                out.append("  ").append(elements.get(i));
                if (i + 1 < elements.size()) {
                    out.append(',');
                }
                out.append('\n');
            }
            out.append(']');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean plainString(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Writes a JSON string literal with serde_json's escapes. */
    static void quote(String s, Appendable out) throws IOException {
        if (plainString(s)) {
            out.append('"').append(s).append('"');
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
