package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The literal productions of the Guard rule grammar: strings, numbers, booleans, regular expressions, ranges, lists
 * and maps, and their conversion to values.
 */
abstract class GuardLiteralGrammar extends GuardCursor {
    GuardLiteralGrammar(String text, String fileName) {
        super(text, fileName);
    }

    // ------------------------------------------------------------------ values

    R<Long> parseIntValue(int p) {
        if (isDigit(at(p))) {
            int q = digit1(p);
            try {
                return new R<>(Long.parseLong(s.substring(p, q)), q);
            } catch (NumberFormatException e) {
                throw err(p, "integer out of range");
            }
        }
        if (at(p) == '-' && isDigit(at(p + 1))) {
            int q = digit1(p + 1);
            try {
                return new R<>(-Long.parseLong(s.substring(p + 1, q)), q);
            } catch (NumberFormatException e) {
                throw err(p, "integer out of range");
            }
        }
        throw err(p, "expected a number");
    }

    private R<String> parseStringInner(int p, char quote) {
        int start = ch(p, quote);
        StringBuilder completed = new StringBuilder();
        int span = start;
        while (true) {
            int q = span;
            while (q < n && s.charAt(q) != quote) {
                q++;
            }
            if (q > span && s.charAt(q - 1) == '\\') {
                completed.append(s, span, q - 1).append(quote);
                if (q >= n) {
                    throw err(start, "could not parse string");
                }
                span = q + 1;
                continue;
            }
            completed.append(s, span, q);
            if (q >= n) {
                throw new Fail(p, "unterminated string (missing closing " + quote + ")");
            }
            return new R<>(completed.toString(), q + 1);
        }
    }

    R<String> parseString(int p) {
        if (at(p) == '\'') {
            return parseStringInner(p, '\'');
        }
        return parseStringInner(p, '"');
    }

    private R<Boolean> parseBool(int p) {
        if (starts(p, "true") || starts(p, "True")) {
            return new R<>(Boolean.TRUE, p + 4);
        }
        if (starts(p, "false") || starts(p, "False")) {
            return new R<>(Boolean.FALSE, p + 5);
        }
        throw err(p, "expected a boolean");
    }

    private R<Double> parseFloat(int p) {
        int whole = digit1(p);
        boolean fraction = false;
        int q = whole;
        if (at(q) == '.' && isDigit(at(q + 1))) {
            fraction = true;
            q = digits(q + 1);
        }
        boolean exponent = (at(q) == 'e' || at(q) == 'E') && (at(q + 1) == '+' || at(q + 1) == '-')
                && isDigit(at(q + 2));
        if (!fraction && !exponent) {
            throw err(p, "expected a float");
        }
        // nom's double: recognize_float from the start
        int r = digits(p);
        if (at(r) == '.') {
            r = digits(r + 1);
        }
        if (at(r) == 'e' || at(r) == 'E') {
            int e = r + 1;
            if (at(e) == '+' || at(e) == '-') {
                e++;
            }
            if (!isDigit(at(e))) {
                // nom's double gives a recoverable error here: the caller goes on to read an integer
                throw err(e, "expected the exponent's digits");
            }
            r = digits(e);
        }
        return new R<>(Double.parseDouble(s.substring(p, r)), r);
    }

    private R<GuardValue> parseRegex(int p) {
        int start = ch(p, '/');
        StringBuilder regex = new StringBuilder();
        int span = start;
        while (true) {
            int q = span;
            while (q < n && s.charAt(q) != '/') {
                q++;
            }
            if (q == span) {
                throw err(span, "expected a regular expression");
            }
            String fragment = s.substring(span, q);
            if (fragment.endsWith("\\")) {
                regex.append(fragment, 0, fragment.length() - 1).append('/');
                if (q >= n) {
                    throw err(start, "could not parse regular expression");
                }
                span = q + 1;
                continue;
            }
            regex.append(fragment);
            Pattern pattern;
            try {
                pattern = GuardRegex.compile(regex.toString());
            } catch (PatternSyntaxException e) {
                throw err(start, "could not parse regular expression: " + e.getDescription());
            }
            int end = ch(q, '/');
            return new R<>(new GuardValue.Regex(ValuePath.ROOT, regex.toString(), pattern), end);
        }
    }

    private R<GuardValue> rangeValue(int p) {
        p = space0(p);
        R<GuardValue> v;
        try {
            R<Double> f = parseFloat(p);
            v = new R<>(new GuardValue.Flt(ValuePath.ROOT, f.v()), f.p());
        } catch (Err e1) {
            try {
                R<Long> i = parseIntValue(p);
                v = new R<>(new GuardValue.Int(ValuePath.ROOT, i.v()), i.p());
            } catch (Err e2) {
                if (p >= n) {
                    throw err(p, "expected a range bound");
                }
                int cp = s.codePointAt(p);
                v = new R<>(new GuardValue.Chr(ValuePath.ROOT, cp), p + Character.charCount(cp));
            }
        }
        return new R<>(v.v(), space0(v.p()));
    }

    private R<GuardValue> parseRange(int p) {
        int q = ch(p, 'r');
        char open = at(q);
        if (open != '(' && open != '[') {
            throw err(q, "expected '(' or '['");
        }
        R<GuardValue> lo = rangeValue(q + 1);
        q = ch(lo.p(), ',');
        R<GuardValue> hi = rangeValue(q);
        char close = at(hi.p());
        if (close != ')' && close != ']') {
            throw err(hi.p(), "expected ')' or ']'");
        }
        int end = hi.p() + 1;
        int inclusive = (open == '[' ? GuardValue.LOWER_INCLUSIVE : 0)
                | (close == ']' ? GuardValue.UPPER_INCLUSIVE : 0);
        GuardValue a = lo.v();
        GuardValue b = hi.v();
        if (a instanceof GuardValue.Int x && b instanceof GuardValue.Int y) {
            return new R<>(new GuardValue.RangeInt(ValuePath.ROOT, x.value(), y.value(), inclusive), end);
        }
        if (a instanceof GuardValue.Flt x && b instanceof GuardValue.Flt y) {
            return new R<>(new GuardValue.RangeFloat(ValuePath.ROOT, x.value(), y.value(), inclusive), end);
        }
        if (a instanceof GuardValue.Chr x && b instanceof GuardValue.Chr y) {
            return new R<>(new GuardValue.RangeChar(ValuePath.ROOT, x.value(), y.value(), inclusive), end);
        }
        throw new Fail(end, "could not parse range: both bounds must be integers, floats or characters");
    }

    /** The literal tree of parse_value, before it gets paths. */
    private sealed interface Lit permits LNull, LStr, LRegex, LBool, LInt, LFloat, LList, LMap, LOther {
    }

    private record LNull() implements Lit {
    }

    private record LStr(String v) implements Lit {
    }

    private record LRegex(GuardValue.Regex v) implements Lit {
    }

    private record LBool(boolean v) implements Lit {
    }

    private record LInt(long v) implements Lit {
    }

    private record LFloat(double v) implements Lit {
    }

    private record LList(List<Lit> v) implements Lit {
    }

    private record LMap(LinkedHashMap<String, Lit> v) implements Lit {
    }

    private record LOther(GuardValue v) implements Lit {
    }

    private R<Lit> parseScalarValue(int p) {
        char c = at(p);
        if (c == '\'' || c == '"') {
            R<String> r = parseString(p);
            return new R<>(new LStr(r.v()), r.p());
        }
        if (isDigit(c)) {
            try {
                R<Double> f = parseFloat(p);
                return new R<>(new LFloat(f.v()), f.p());
            } catch (Err e) {
                // fall through to int
            }
        }
        if (isDigit(c) || c == '-') {
            try {
                R<Long> i = parseIntValue(p);
                return new R<>(new LInt(i.v()), i.p());
            } catch (Err e) {
                // fall through
            }
        }
        if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
            try {
                R<Boolean> b = parseBool(p);
                return new R<>(new LBool(b.v()), b.p());
            } catch (Err e) {
                // fall through
            }
        }
        if (c == '/') {
            R<GuardValue> r = parseRegex(p);
            return new R<>(new LRegex((GuardValue.Regex) r.v()), r.p());
        }
        throw err(p, "expected a value");
    }

    private R<Lit> parseList(int p) {
        int q = ch(ws0(p), '[');
        R<List<Lit>> items = separatedList(q, this::sepComma, this::parseValueLit);
        int end = ch(ws0(items.p()), ']');
        return new R<>(new LList(items.v()), end);
    }

    private int sepComma(int p) {
        return ch(ws0(p), ',');
    }

    private R<String> keyPart(int p) {
        int q = p;
        while (q < n) {
            int c = s.codePointAt(q);
            if (isAlnum(c) || c == '-' || c == '_') {
                q += Character.charCount(c);
            } else {
                break;
            }
        }
        if (q > p) {
            return new R<>(s.substring(p, q), q);
        }
        return parseString(p);
    }

    private R<Map.Entry<String, Lit>> keyValue(int p) {
        R<String> k = keyPart(ws0(p));
        int q = ch(ws0(k.p()), ':');
        R<Lit> v = parseValueLit(q);
        return new R<>(Map.entry(k.v(), v.v()), v.p());
    }

    private R<Lit> parseMap(int p) {
        int q = ch(p, '{');
        R<List<Map.Entry<String, Lit>>> entries = separatedList(q, this::sepComma, this::keyValue);
        int end = ch(ws0(entries.p()), '}');
        LinkedHashMap<String, Lit> m = new LinkedHashMap<>();
        for (Map.Entry<String, Lit> e : entries.v()) {
            m.put(e.getKey(), e.getValue());
        }
        return new R<>(new LMap(m), end);
    }

    private R<Lit> parseValueLit(int p) {
        p = ws0(p);
        if (starts(p, "null") || starts(p, "NULL")) {
            return new R<>(new LNull(), p + 4);
        }
        try {
            return parseScalarValue(p);
        } catch (Err e) {
            // next alternative
        }
        try {
            R<GuardValue> r = parseRange(p);
            return new R<>(new LOther(r.v()), r.p());
        } catch (Err e) {
            // next alternative
        }
        try {
            return parseList(p);
        } catch (Err e) {
            // next alternative
        }
        return parseMap(p);
    }

    /** parse_value, with cfn-guard's paths for literals (root-relative, position 0:0). */
    R<GuardValue> parseValue(int p) {
        R<Lit> r = parseValueLit(p);
        return new R<>(toValue(r.v(), ValuePath.ROOT), r.p());
    }

    private static GuardValue toValue(Lit l, ValuePath path) {
        if (l instanceof LNull) {
            return new GuardValue.Null(path);
        } else if (l instanceof LStr x) {
            return new GuardValue.Str(path, x.v());
        } else if (l instanceof LRegex x) {
            return x.v().withPath(path);
        } else if (l instanceof LBool x) {
            return new GuardValue.Bool(path, x.v());
        } else if (l instanceof LInt x) {
            return new GuardValue.Int(path, x.v());
        } else if (l instanceof LFloat x) {
            return new GuardValue.Flt(path, x.v());
        } else if (l instanceof LList x) {
            List<GuardValue> items = new ArrayList<>();
            for (int i = 0; i < x.v().size(); i++) {
                items.add(toValue(x.v().get(i), path.child(Integer.toString(i))));
            }
            return new GuardValue.ListV(path, items);
        } else if (l instanceof LMap x) {
            List<GuardValue.Str> keys = new ArrayList<>();
            LinkedHashMap<String, GuardValue> values = new LinkedHashMap<>();
            for (Map.Entry<String, Lit> e : x.v().entrySet()) {
                keys.add(new GuardValue.Str(path.child(e.getKey()), e.getKey()));
            }
            for (Map.Entry<String, Lit> e : x.v().entrySet()) {
                values.put(e.getKey(), toValue(e.getValue(), path.child(e.getKey())));
            }
            return new GuardValue.MapV(path, keys, values);
        }
        return ((LOther) l).v().withPath(path);
    }
}
