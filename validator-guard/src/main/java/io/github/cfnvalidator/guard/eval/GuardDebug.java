package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Rust's {@code Debug} forms of cfn-guard's values, which some of its messages embed (e.g. "Value = Bool((Path(...),
 * true))"); reproduced so reports compare byte for byte.
 */
final class GuardDebug {
    private GuardDebug() {
    }

    static String of(GuardValue v) {
        StringBuilder sb = new StringBuilder();
        value(v, sb);
        return sb.toString();
    }

    static String list(List<GuardValue> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            value(items.get(i), sb);
        }
        return sb.append(']').toString();
    }

    static String results(List<QueryResult> results) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            QueryResult q = results.get(i);
            if (q instanceof QueryResult.Literal l) {
                sb.append("Literal(");
                value(l.value(), sb);
                sb.append(')');
            } else if (q instanceof QueryResult.Resolved r) {
                sb.append("Resolved(");
                value(r.value(), sb);
                sb.append(')');
            } else {
                QueryResult.UnResolved u = (QueryResult.UnResolved) q;
                sb.append("UnResolved(UnResolved { traversed_to: ");
                value(u.traversedTo(), sb);
                sb.append(", remaining_query: ");
                string(u.remainingQuery(), sb);
                sb.append(", reason: ");
                if (u.reason() == null) {
                    sb.append("None");
                } else {
                    sb.append("Some(");
                    string(u.reason(), sb);
                    sb.append(')');
                }
                sb.append(" })");
            }
        }
        return sb.append(']').toString();
    }

    /** The Debug of the (path, value) pair. */
    static String selfValue(GuardValue v) {
        StringBuilder sb = new StringBuilder("(");
        path(v.path(), sb);
        sb.append(", ");
        value(v, sb);
        return sb.append(')').toString();
    }

    private static void path(ValuePath p, StringBuilder sb) {
        sb.append("Path(");
        string(p.pointer(), sb);
        sb.append(", Location { line: ").append(p.line()).append(", col: ").append(p.column()).append(" })");
    }

    private static void tuple(String variant, ValuePath p, StringBuilder sb) {
        sb.append(variant).append("((");
        path(p, sb);
        sb.append(", ");
    }

    private static void value(GuardValue v, StringBuilder sb) {
        switch (v.kind()) {
            case NULL:
                sb.append("Null(");
                path(v.path(), sb);
                sb.append(')');
                return;
            case STRING:
                tuple("String", v.path(), sb);
                string(((GuardValue.Str) v).value(), sb);
                break;
            case REGEX:
                tuple("Regex", v.path(), sb);
                string(((GuardValue.Regex) v).source(), sb);
                break;
            case BOOL:
                tuple("Bool", v.path(), sb);
                sb.append(((GuardValue.Bool) v).value());
                break;
            case INT:
                tuple("Int", v.path(), sb);
                sb.append(((GuardValue.Int) v).value());
                break;
            case FLOAT:
                tuple("Float", v.path(), sb);
                sb.append(floatDebug(((GuardValue.Flt) v).value()));
                break;
            case CHAR:
                tuple("Char", v.path(), sb);
                sb.append('\'').appendCodePoint(((GuardValue.Chr) v).value()).append('\'');
                break;
            case LIST:
                tuple("List", v.path(), sb);
                sb.append(list(((GuardValue.ListV) v).items()));
                break;
            case MAP:
                tuple("Map", v.path(), sb);
                map((GuardValue.MapV) v, sb);
                break;
            case RANGE_INT: {
                GuardValue.RangeInt r = (GuardValue.RangeInt) v;
                tuple("RangeInt", v.path(), sb);
                sb.append("RangeType { upper: ").append(r.upper).append(", lower: ").append(r.lower)
                        .append(", inclusive: ").append(r.inclusive).append(" }");
                break;
            }
            case RANGE_FLOAT: {
                GuardValue.RangeFloat r = (GuardValue.RangeFloat) v;
                tuple("RangeFloat", v.path(), sb);
                sb.append("RangeType { upper: ").append(floatDebug(r.upper)).append(", lower: ")
                        .append(floatDebug(r.lower)).append(", inclusive: ").append(r.inclusive).append(" }");
                break;
            }
            default: {
                GuardValue.RangeChar r = (GuardValue.RangeChar) v;
                tuple("RangeChar", v.path(), sb);
                sb.append("RangeType { upper: '").appendCodePoint(r.upper).append("', lower: '")
                        .appendCodePoint(r.lower).append("', inclusive: ").append(r.inclusive).append(" }");
            }
        }
        sb.append("))");
    }

    /** The MapValue of a map: its keys (with their paths) and its values. */
    private static void map(GuardValue.MapV m, StringBuilder sb) {
        sb.append("MapValue { keys: [");
        for (int i = 0; i < m.keys().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            value(m.keys().get(i), sb);
        }
        sb.append("], values: {");
        boolean first = true;
        for (Map.Entry<String, GuardValue> e : m.values().entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            string(e.getKey(), sb);
            sb.append(": ");
            value(e.getValue(), sb);
        }
        sb.append("} }");
    }

    /** Rust's {@code {:?}} of an f64. */
    static String floatDebug(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(d);
        if (d != 0 && (a < 1e-4 || a >= 1e16)) {
            BigDecimal b = new BigDecimal(Double.toString(a)).stripTrailingZeros();
            String digits = b.unscaledValue().toString();
            int exp = digits.length() - 1 - b.scale();
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mant + "e" + exp;
        }
        String s = GuardJson.rustDisplay(d);
        return s.contains(".") ? s : s + ".0";
    }

    /** Rust's {@code {:?}} of a string: quoted, with escapes. */
    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
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
                case 0:
                    sb.append("\\0");
                    break;
                default:
                    if (Character.isISOControl(c)) {
                        sb.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        sb.appendCodePoint(c);
                    }
            }
        }
        sb.append('"');
    }
}
