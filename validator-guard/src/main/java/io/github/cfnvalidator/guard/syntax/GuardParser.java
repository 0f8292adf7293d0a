package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import io.github.cfnvalidator.guard.syntax.GuardAst.Access;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessQuery;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllIndices;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllValues;
import io.github.cfnvalidator.guard.syntax.GuardAst.Block;
import io.github.cfnvalidator.guard.syntax.GuardAst.BlockClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Call;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import io.github.cfnvalidator.guard.syntax.GuardAst.FileLoc;
import io.github.cfnvalidator.guard.syntax.GuardAst.Filter;
import io.github.cfnvalidator.guard.syntax.GuardAst.FunctionExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Index;
import io.github.cfnvalidator.guard.syntax.GuardAst.Key;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.MapKeyFilter;
import io.github.cfnvalidator.guard.syntax.GuardAst.NamedRuleRef;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParamRuleCall;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParameterizedRule;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import io.github.cfnvalidator.guard.syntax.GuardAst.RClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.RWhen;
import io.github.cfnvalidator.guard.syntax.GuardAst.Rule;
import io.github.cfnvalidator.guard.syntax.GuardAst.RuleClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.RulesFile;
import io.github.cfnvalidator.guard.syntax.GuardAst.This;
import io.github.cfnvalidator.guard.syntax.GuardAst.TypeBlock;
import io.github.cfnvalidator.guard.syntax.GuardAst.ValueLit;
import io.github.cfnvalidator.guard.syntax.GuardAst.WhenBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parser for the Guard 3 rule language that accepts exactly what cfn-guard 3.1.1's parser accepts. cfn-guard's
 * parser is a combinator grammar with ordered choice, backtracking on recoverable errors and "cut" points that turn
 * a failure into a hard error; this class follows the same structure, one method per grammar production, so the
 * same text yields the same tree (keywords such as {@code in}, {@code this}, {@code when} or {@code null} match as
 * prefixes, as they do there). Errors carry the rule file's line and column.
 */
public final class GuardParser {
    /** A recoverable failure: the caller may try another alternative. */
    static final class Err extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Err() {
            super(null, null, false, false);
        }
    }

    /** A hard failure after a cut point: parsing stops. */
    static final class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int pos;
        final String context;

        Fail(int pos, String context) {
            super(context, null, false, false);
            this.pos = pos;
            this.context = context;
        }
    }

    /** A parse result: the value and the position after it. */
    private record R<T>(T v, int p) {
    }

    private static final Err ERR = new Err();

    private final String s;
    private final int n;
    private final String fileName;
    private final int[] lineStarts;
    private int furthest;
    private String furthestWhat = "";

    private GuardParser(String text, String fileName) {
        this.s = text;
        this.n = text.length();
        this.fileName = fileName;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Parses a whole rule file.
     *
     * @param text     the file's text
     * @param fileName the name used for the default rule ({@code <file>/default}) and in locations
     * @return the parsed file, or {@code null} when the file holds only blanks and comments
     * @throws GuardParseException with the line and column of the problem
     */
    public static RulesFile parse(String text, String fileName) throws GuardParseException {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        GuardParser p = new GuardParser(t, fileName);
        try {
            return p.rulesFile();
        } catch (Fail f) {
            throw p.problem(Math.max(f.pos, 0), f.context);
        } catch (Err e) {
            throw p.problem(p.furthest, p.furthestWhat.isEmpty() ? "unexpected text" : p.furthestWhat);
        } catch (StackOverflowError e) {
            throw p.problem(0, "the rules are nested too deeply to parse");
        }
    }

    private GuardParseException problem(int pos, String what) {
        int line = lineOf(pos);
        int col = columnOf(pos, line);
        int end = s.indexOf('\n', pos);
        String fragment = s.substring(Math.min(pos, n), end < 0 ? n : end).strip();
        if (fragment.length() > 60) {
            fragment = fragment.substring(0, 60) + "...";
        }
        String near = pos >= n ? "at the end of the file" : "near '" + fragment + "'";
        return new GuardParseException(fileName, line, col, what + " " + near);
    }

    private int lineOf(int pos) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int columnOf(int pos, int line) {
        int start = lineStarts[line - 1];
        return s.codePointCount(start, Math.min(pos, n)) + 1;
    }

    private FileLoc loc(int p) {
        int line = lineOf(p);
        return new FileLoc(fileName, line, columnOf(p, line));
    }

    private Err err(int p, String what) {
        if (p >= furthest) {
            if (p > furthest || furthestWhat.isEmpty()) {
                furthestWhat = what;
            }
            furthest = p;
        }
        return ERR;
    }

    // ------------------------------------------------------------------ primitives

    private char at(int p) {
        return p < n ? s.charAt(p) : '\0';
    }

    private boolean starts(int p, String t) {
        return s.startsWith(t, p);
    }

    private int tag(int p, String t) {
        if (!s.startsWith(t, p)) {
            throw err(p, "expected '" + t + "'");
        }
        return p + t.length();
    }

    private int tag2(int p, String a, String b) {
        if (s.startsWith(a, p)) {
            return p + a.length();
        }
        if (s.startsWith(b, p)) {
            return p + b.length();
        }
        throw err(p, "expected '" + a + "'");
    }

    private int ch(int p, char c) {
        if (p < n && s.charAt(p) == c) {
            return p + 1;
        }
        throw err(p, "expected '" + c + "'");
    }

    private static boolean isMultispace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private int multispace0(int p) {
        while (p < n && isMultispace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private int space0(int p) {
        while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private int space1(int p) {
        int q = space0(p);
        if (q == p) {
            throw err(p, "expected a space");
        }
        return q;
    }

    /** comment2: '#' up to the newline, then any whitespace. */
    private int comment(int p) {
        if (at(p) != '#') {
            throw err(p, "expected a comment");
        }
        int q = p + 1;
        while (q < n && s.charAt(q) != '\n') {
            q++;
        }
        return multispace0(q);
    }

    /** zero_or_more_ws_or_comment. */
    private int ws0(int p) {
        while (p < n) {
            char c = s.charAt(p);
            if (isMultispace(c)) {
                p = multispace0(p);
            } else if (c == '#') {
                p = comment(p);
            } else {
                break;
            }
        }
        return p;
    }

    /** one_or_more_ws_or_comment. */
    private int ws1(int p) {
        int q = ws0(p);
        if (q == p) {
            throw err(p, "expected a space");
        }
        return q;
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(int c) {
        if (c < 128) {
            return isAsciiAlpha((char) c) || isDigit((char) c);
        }
        int t = Character.getType(c);
        return Character.isAlphabetic(c) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }

    private int digits(int p) {
        int q = p;
        while (q < n && isDigit(s.charAt(q))) {
            q++;
        }
        return q;
    }

    private int digit1(int p) {
        int q = digits(p);
        if (q == p) {
            throw err(p, "expected a digit");
        }
        return q;
    }

    // ------------------------------------------------------------------ values

    private R<Long> parseIntValue(int p) {
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

    private R<String> parseString(int p) {
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
    private R<GuardValue> parseValue(int p) {
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

    // ------------------------------------------------------------------ combinator helpers

    @FunctionalInterface
    private interface P<T> {
        R<T> parse(int p);
    }

    @FunctionalInterface
    private interface Sep {
        int parse(int p);
    }

    /** nom 5 separated_list: zero or more. */
    private <T> R<List<T>> separatedList(int p, Sep sep, P<T> f) {
        List<T> res = new ArrayList<>();
        R<T> first;
        try {
            first = f.parse(p);
        } catch (Err e) {
            return new R<>(res, p);
        }
        if (first.p() == p) {
            throw err(p, "empty element");
        }
        res.add(first.v());
        int i = first.p();
        while (true) {
            int afterSep;
            try {
                afterSep = sep.parse(i);
            } catch (Err e) {
                return new R<>(res, i);
            }
            R<T> next;
            try {
                next = f.parse(afterSep);
            } catch (Err e) {
                return new R<>(res, i);
            }
            res.add(next.v());
            i = next.p();
        }
    }

    /** nom 5 separated_nonempty_list. */
    private <T> R<List<T>> separatedNonEmptyList(int p, Sep sep, P<T> f) {
        List<T> res = new ArrayList<>();
        R<T> first = f.parse(p);
        res.add(first.v());
        int i = first.p();
        while (true) {
            int afterSep;
            try {
                afterSep = sep.parse(i);
            } catch (Err e) {
                return new R<>(res, i);
            }
            R<T> next;
            try {
                next = f.parse(afterSep);
            } catch (Err e) {
                return new R<>(res, i);
            }
            res.add(next.v());
            i = next.p();
        }
    }

    private static <T> T cut(int p, String what, P<T> f, int[] out) {
        try {
            R<T> r = f.parse(p);
            out[0] = r.p();
            return r.v();
        } catch (Err e) {
            throw new Fail(p, what);
        }
    }

    /** {@link #cut(int, String, P, int[])} that reports a failure at {@code at} rather than at {@code p}. */
    private static <T> T cut(int p, int at, String what, P<T> f, int[] out) {
        try {
            return cut(p, what, f, out);
        } catch (Fail e) {
            throw e.pos == p ? new Fail(at, what) : e;
        }
    }

    // ------------------------------------------------------------------ names and operators

    private R<String> varName(int p) {
        if (!isAsciiAlpha(at(p))) {
            throw err(p, "expected a name");
        }
        int q = p;
        while (q < n && isAsciiAlpha(s.charAt(q))) {
            q++;
        }
        while (q < n) {
            int c = s.codePointAt(q);
            if (isAlnum(c) || c == '_') {
                q += Character.charCount(c);
            } else {
                break;
            }
        }
        return new R<>(s.substring(p, q), q);
    }

    private R<String> varNameAccessInclusive(int p) {
        int q = ch(p, '%');
        R<String> name = varName(q);
        return new R<>("%" + name.v(), name.p());
    }

    /** not: "not"/"NOT" followed by spaces, or '!'. */
    private int not(int p) {
        if ((starts(p, "not") || starts(p, "NOT")) && (at(p + 3) == ' ' || at(p + 3) == '\t')) {
            return space0(p + 3);
        }
        return ch(p, '!');
    }

    private boolean tryNot(int p, int[] out) {
        try {
            out[0] = not(p);
            return true;
        } catch (Err e) {
            out[0] = p;
            return false;
        }
    }

    private R<Cmp> eq(int p) {
        if (starts(p, "==")) {
            return new R<>(new Cmp(CmpOp.EQ, false), p + 2);
        }
        if (starts(p, "!=")) {
            return new R<>(new Cmp(CmpOp.EQ, true), p + 2);
        }
        throw err(p, "expected == or !=");
    }

    private static final String[][] UNARY_OPS = {
        {"IS_STRING", "is_string"}, {"IS_LIST", "is_list"}, {"IS_STRUCT", "is_struct"}, {"IS_BOOL", "is_bool"},
        {"IS_INT", "is_int"}, {"IS_NULL", "is_null"}, {"IS_FLOAT", "is_float"}};
    private static final CmpOp[] UNARY_OP_VALUES = {CmpOp.IS_STRING, CmpOp.IS_LIST, CmpOp.IS_MAP, CmpOp.IS_BOOL,
        CmpOp.IS_INT, CmpOp.IS_NULL, CmpOp.IS_FLOAT};

    private R<Cmp> otherOperations(int p) {
        int[] o = new int[1];
        boolean negated = tryNot(p, o);
        int q = o[0];
        if (starts(q, "in") || starts(q, "IN")) {
            return new R<>(new Cmp(CmpOp.IN, negated), q + 2);
        }
        if (starts(q, "EXISTS") || starts(q, "exists")) {
            return new R<>(new Cmp(CmpOp.EXISTS, negated), q + 6);
        }
        if (starts(q, "EMPTY") || starts(q, "empty")) {
            return new R<>(new Cmp(CmpOp.EMPTY, negated), q + 5);
        }
        for (int i = 0; i < UNARY_OPS.length; i++) {
            if (starts(q, UNARY_OPS[i][0]) || starts(q, UNARY_OPS[i][1])) {
                return new R<>(new Cmp(UNARY_OP_VALUES[i], negated), q + UNARY_OPS[i][0].length());
            }
        }
        throw err(q, "expected a comparison operator (==, !=, <, <=, >, >=, in, exists, empty, is_string, ...)");
    }

    private R<Cmp> valueCmp(int p) {
        if (starts(p, "<<")) {
            throw err(p, "expected a comparison operator");
        }
        if (starts(p, "==") || starts(p, "!=")) {
            return eq(p);
        }
        if (starts(p, ">=")) {
            return new R<>(new Cmp(CmpOp.GE, false), p + 2);
        }
        if (starts(p, "<=")) {
            return new R<>(new Cmp(CmpOp.LE, false), p + 2);
        }
        if (at(p) == '>') {
            return new R<>(new Cmp(CmpOp.GT, false), p + 1);
        }
        if (at(p) == '<') {
            return new R<>(new Cmp(CmpOp.LT, false), p + 1);
        }
        return otherOperations(p);
    }

    private R<String> customMessage(int p) {
        int q = tag(p, "<<");
        int close = s.indexOf(">>", q);
        if (close < 0) {
            throw new Fail(q, "unable to find a closing >> for the custom message");
        }
        return new R<>(s.substring(q, close), close + 2);
    }

    private R<String> optCustomMessage(int p) {
        if (!starts(p, "<<")) {
            return new R<>(null, p);
        }
        return customMessage(p);
    }

    // ------------------------------------------------------------------ queries

    private R<String> variableCapture(int p) {
        R<String> name = varName(ws0(p));
        int q = ch(space0(name.p()), '|');
        return new R<>(name.v(), q);
    }

    private R<String> optVariableCapture(int p) {
        try {
            return variableCapture(p);
        } catch (Err e) {
            return new R<>(null, p);
        }
    }

    private int openArray(int p) {
        return ch(ws0(p), '[');
    }

    private int closeArray(int p) {
        return ch(ws0(p), ']');
    }

    private R<QueryPart> predicateFilterClauses(int p) {
        int q = openArray(p);
        R<String> capture = optVariableCapture(q);
        R<List<List<GuardClause>>> filters = cnfClauses(capture.p(), this::clause);
        int[] o = new int[1];
        cut(filters.p(), "expected ']' to close the filter", x -> new R<>(null, closeArray(x)), o);
        return new R<>(new Filter(capture.v(), filters.v()), o[0]);
    }

    private R<QueryPart> dottedProperty(int p) {
        int q = ch(ws0(p), '.');
        char c = at(q);
        if (isDigit(c) || (c == '-' && isDigit(at(q + 1)))) {
            R<Long> i = parseIntValue(q);
            return new R<>(new Index((int) i.v().longValue()), i.p());
        }
        try {
            R<String> name = propertyName(q);
            return new R<>(new Key(name.v()), name.p());
        } catch (Err e) {
            // next
        }
        if (c == '%') {
            R<String> v = varNameAccessInclusive(q);
            return new R<>(new Key(v.v()), v.p());
        }
        if (c == '*') {
            return new R<>(new AllValues(null), q + 1);
        }
        throw err(q, "expected a property name, index, %variable or * after '.'");
    }

    private R<QueryPart> allIndices(int p) {
        int q = openArray(p);
        int star = ws0(q);
        if (at(star) == '*') {
            return new R<>(new AllIndices(null), closeArray(star + 1));
        }
        R<String> name = varName(q);
        return new R<>(new AllIndices(name.v()), closeArray(name.p()));
    }

    private R<QueryPart> arrayIndex(int p) {
        int q = openArray(p);
        R<Long> i = parseIntValue(q);
        int[] o = new int[1];
        cut(i.p(), "expected ']' after the index", x -> new R<>(null, closeArray(x)), o);
        return new R<>(new Index((int) i.v().longValue()), o[0]);
    }

    private R<QueryPart> mapKeyLookup(int p) {
        int q = openArray(p);
        QueryPart part;
        int r;
        char c = at(q);
        if (c == '\'' || c == '"') {
            R<String> str = parseString(q);
            part = new Key(str.v());
            r = str.p();
        } else {
            R<String> name = varName(ws0(q));
            part = new AllValues(name.v());
            r = ws0(name.p());
        }
        return new R<>(part, closeArray(r));
    }

    private R<QueryPart> mapKeysMatch(int p) {
        int q = openArray(p);
        R<String> capture = optVariableCapture(q);
        int k = tag2(ws0(capture.p()), "KEYS", "keys");
        int[] o = new int[1];
        // nom's cut without a context reports the last alternative's position: after the blanks
        Cmp cmp = cut(k, ws0(k), "expected ==, !=, in or not in after keys", x -> {
            int y = ws0(x);
            if (starts(y, "==") || starts(y, "!=")) {
                return eq(y);
            }
            if (starts(y, "in") || starts(y, "IN")) {
                return new R<>(new Cmp(CmpOp.IN, false), y + 2);
            }
            int z = not(y);
            return new R<>(new Cmp(CmpOp.IN, true), tag2(z, "in", "IN"));
        }, o);
        LetValue with = cut(o[0], ws0(o[0]), "expected a value or a query to compare the keys with", x -> {
            int y = ws0(x);
            try {
                R<GuardValue> v = parseValue(y);
                return new R<>(new ValueLit(v.v()), v.p());
            } catch (Err e) {
                R<AccessQuery> a = access(ws0(y));
                return new R<>(new Access(a.v()), a.p());
            }
        }, o);
        int end = closeArray(o[0]);
        return new R<>(new MapKeyFilter(capture.v(), cmp, with), end);
    }

    private R<QueryPart> predicateOrIndex(int p) {
        return memo(4, p, this::predicateOrIndexRaw);
    }

    private R<QueryPart> predicateOrIndexRaw(int p) {
        try {
            return allIndices(p);
        } catch (Err e) {
            // next
        }
        try {
            return arrayIndex(p);
        } catch (Err e) {
            // next
        }
        try {
            return mapKeyLookup(p);
        } catch (Err e) {
            // next
        }
        try {
            return mapKeysMatch(p);
        } catch (Err e) {
            // next
        }
        return predicateFilterClauses(p);
    }

    private R<QueryPart> dottedOrPredicate(int p) {
        try {
            return dottedProperty(p);
        } catch (Err e) {
            return predicateOrIndex(p);
        }
    }

    private R<List<QueryPart>> dottedAccess(int p) {
        R<QueryPart> first = dottedOrPredicate(p);
        List<QueryPart> parts = new ArrayList<>();
        parts.add(first.v());
        int q = first.p();
        while (true) {
            R<QueryPart> next;
            try {
                next = dottedOrPredicate(q);
            } catch (Err e) {
                break;
            }
            if (next.p() == q) {
                throw new Fail(q, "query part consumed nothing");
            }
            parts.add(next.v());
            q = next.p();
        }
        return new R<>(parts, q);
    }

    private R<String> propertyName(int p) {
        if (isAsciiAlpha(at(p))) {
            return varName(p);
        }
        if (at(p) == '\'' || at(p) == '"') {
            return parseString(p);
        }
        throw err(p, "expected a property name");
    }

    private int someKeyword(int p) {
        int q = tag2(ws0(p), "SOME", "some");
        return ws1(q);
    }

    private final java.util.HashMap<Long, Object> memo = new java.util.HashMap<>();

    /** Packrat memoisation: a production at a position always yields the same result (or the same error). */
    @SuppressWarnings("unchecked")
    private <T> R<T> memo(int production, int p, P<T> f) {
        long key = ((long) production << 32) | p;
        Object cached = memo.get(key);
        if (cached != null) {
            if (cached instanceof RuntimeException e) {
                throw e;
            }
            return (R<T>) cached;
        }
        try {
            R<T> r = f.parse(p);
            memo.put(key, r);
            return r;
        } catch (Err | Fail e) {
            memo.put(key, e);
            throw e;
        }
    }

    private R<AccessQuery> access(int p) {
        return memo(1, p, this::accessRaw);
    }

    /** access: [some] (this | %var | name | 'quoted') [parts]. */
    private R<AccessQuery> accessRaw(int p) {
        boolean some = false;
        int q = p;
        try {
            q = someKeyword(p);
            some = true;
        } catch (Err e) {
            q = p;
        }
        QueryPart first;
        int w = ws0(q);
        if (starts(w, "this") || starts(w, "THIS")) {
            first = new This();
            q = w + 4;
        } else if (at(q) == '%') {
            R<String> v = varNameAccessInclusive(q);
            first = new Key(v.v());
            q = v.p();
        } else {
            R<String> name = propertyName(q);
            first = new Key(name.v());
            q = name.p();
        }
        List<QueryPart> parts = new ArrayList<>();
        parts.add(first);
        try {
            R<List<QueryPart>> rest = dottedAccess(q);
            parts.addAll(rest.v());
            q = rest.p();
            if (first instanceof Key k && k.isVariable() && !(parts.get(1) instanceof AllIndices)) {
                parts.add(1, new AllIndices(null));
            }
        } catch (Err e) {
            // no further parts
        }
        return new R<>(new AccessQuery(List.copyOf(parts), !some), q);
    }

    // ------------------------------------------------------------------ clauses

    private R<AccessClause> clauseWithMap(int p) {
        return memo(3, p, this::clauseWithMapRaw);
    }

    private R<AccessClause> clauseWithMapRaw(int p) {
        FileLoc location = loc(p);
        int q = ws0(p);
        int[] o = new int[1];
        boolean negation = tryNot(q, o);
        q = o[0];
        R<AccessQuery> query = access(q);
        int c = ws0(query.p());
        R<Cmp> cmp = valueCmp(c);
        if (cmp.v().op().unary()) {
            R<String> msg = optCustomMessage(ws0(cmp.p()));
            return new R<>(new AccessClause(query.v(), cmp.v(), null, msg.v(), location, negation), msg.p());
        }
        int r = cmp.p();
        R<LetValue> rhs;
        try {
            rhs = clauseRhs(r);
        } catch (Fail f) {
            // cfn-guard wraps the right-hand side in a context: any failure inside is reported where it starts
            throw new Fail(r, f.context);
        }
        R<String> msg = optCustomMessage(ws0(rhs.p()));
        return new R<>(new AccessClause(query.v(), cmp.v(), rhs.v(), msg.v(), location, negation), msg.p());
    }

    /** A clause's right-hand side: a value, a function call or a query, in that order (cut: one must parse). */
    private R<LetValue> clauseRhs(int r) {
        try {
            R<GuardValue> v = parseValue(r);
            return new R<>(new ValueLit(v.v()), v.p());
        } catch (Err e1) {
            // next alternative
        }
        try {
            R<FunctionExpr> f = functionExpr(ws0(r));
            return new R<>(new Call(f.v()), f.p());
        } catch (Err e2) {
            // next alternative
        }
        try {
            R<AccessQuery> a = access(ws0(r));
            return new R<>(new Access(a.v()), a.p());
        } catch (Err e3) {
            throw new Fail(r, "expected a property access like \"engine.core\", a value like \"string\" "
                    + "or [\"this\", \"that\"], or a function call after the operator");
        }
    }

    private R<GuardClause> blockClause(int p) {
        FileLoc location = loc(p);
        R<AccessQuery> query = access(p);
        int q = query.p();
        boolean notEmpty = false;
        try {
            int x = not(ws0(q));
            q = tag2(x, "EMPTY", "empty");
            notEmpty = true;
        } catch (Err e) {
            q = query.p();
        }
        R<Block<GuardClause>> block = block(q, this::clause);
        return new R<>(new BlockClause(query.v(), block.v(), location, notEmpty), block.p());
    }

    private R<FunctionExpr> functionExpr(int p) {
        FileLoc location = loc(p);
        R<String> name = varName(p);
        R<List<LetValue>> params = callArgs(name.p());
        return new R<>(new FunctionExpr(name.v(), params.v(), location), params.p());
    }

    private R<LetValue> letValue(int p) {
        int q = ws0(p);
        try {
            R<GuardValue> v = parseValue(q);
            return new R<>(new ValueLit(v.v()), v.p());
        } catch (Err e) {
            // next
        }
        try {
            R<FunctionExpr> f = functionExpr(q);
            return new R<>(new Call(f.v()), f.p());
        } catch (Err e) {
            // next
        }
        R<AccessQuery> a = access(q);
        return new R<>(new Access(a.v()), a.p());
    }

    private R<List<LetValue>> callArgs(int p) {
        int q = ch(p, '(');
        R<List<LetValue>> args = separatedNonEmptyList(q, x -> ch(x, ','), x -> {
            int[] o = new int[1];
            LetValue v = cut(x, multispace0(x), "expected a function or rule argument", y -> {
                R<LetValue> lv = letValue(multispace0(y));
                return new R<>(lv.v(), multispace0(lv.p()));
            }, o);
            return new R<>(v, o[0]);
        });
        if (at(args.p()) != ')') {
            throw new Fail(args.p(), "expected ')' to close the argument list");
        }
        return new R<>(args.v(), args.p() + 1);
    }

    private R<ParamRuleCall> parameterizedRuleCall(int p) {
        FileLoc location = loc(p);
        int[] o = new int[1];
        boolean negation = tryNot(p, o);
        R<String> name = varName(o[0]);
        R<List<LetValue>> args = callArgs(name.p());
        int q = args.p();
        String message = null;
        int w = ws0(q);
        if (starts(w, "<<")) {
            R<String> m = customMessage(w);
            message = m.v();
            q = m.p();
        }
        return new R<>(new ParamRuleCall(args.v(), new NamedRuleRef(name.v(), negation, message, location)), q);
    }

    private R<GuardClause> clause(int p) {
        return memo(2, p, this::clauseRaw);
    }

    /** clause: when-block | block clause | parameterized rule call | access clause. */
    private R<GuardClause> clauseRaw(int p) {
        try {
            R<WhenBlock> w = whenBlock(p, this::clause);
            return new R<>(w.v(), w.p());
        } catch (Err e) {
            // next
        }
        try {
            return blockClause(p);
        } catch (Err e) {
            // next
        }
        try {
            R<ParamRuleCall> c = parameterizedRuleCall(p);
            return new R<>(c.v(), c.p());
        } catch (Err e) {
            // next
        }
        R<AccessClause> a = clauseWithMap(p);
        return new R<>(a.v(), a.p());
    }

    private boolean newlineAt(int p) {
        return at(p) == '\n' || (at(p) == '\r' && at(p + 1) == '\n');
    }

    private boolean orJoinAt(int p) {
        try {
            orJoin(p);
            return true;
        } catch (Err e) {
            return false;
        }
    }

    /** A reference to a named rule, with an optional message. */
    private R<GuardClause> ruleClause(int p) {
        FileLoc location = loc(p);
        int[] o = new int[1];
        boolean negation = tryNot(p, o);
        R<String> name = varName(o[0]);
        int r = name.p();
        int sp = space0(r);
        boolean done = r >= n || newlineAt(sp) || at(sp) == '#' || at(sp) == '{' || orJoinAt(r);
        if (done) {
            return new R<>(new NamedRuleRef(name.v(), negation, null, location), r);
        }
        int[] m = new int[1];
        String message = cut(sp, "expected the end of the line, 'or', or a << message >> after the rule name",
                this::customMessage, m);
        return new R<>(new NamedRuleRef(name.v(), negation, message, location), m[0]);
    }

    private R<GuardClause> clauseOrRuleClause(int p) {
        try {
            return clause(p);
        } catch (Err e) {
            return ruleClause(p);
        }
    }

    private R<GuardClause> whenClause(int p) {
        try {
            R<AccessClause> a = clauseWithMap(p);
            return new R<>(a.v(), a.p());
        } catch (Err e) {
            // next
        }
        try {
            R<ParamRuleCall> c = parameterizedRuleCall(p);
            return new R<>(c.v(), c.p());
        } catch (Err e) {
            // next
        }
        return ruleClause(p);
    }

    private int orJoin(int p) {
        int q = ws0(p);
        if (starts(q, "or") || starts(q, "OR")) {
            q += 2;
        } else if (starts(q, "|OR|")) {
            q += 4;
        } else {
            throw err(q, "expected 'or'");
        }
        return ws1(q);
    }

    private <T> R<List<T>> disjunctionClauses(int p, P<T> parser) {
        return separatedNonEmptyList(p, this::orJoin, x -> parser.parse(ws0(x)));
    }

    private <T> R<List<List<T>>> cnfClauses(int p, P<T> parser) {
        List<List<T>> conjunctions = new ArrayList<>();
        int rest = p;
        while (true) {
            R<List<T>> d;
            try {
                d = disjunctionClauses(rest, parser);
            } catch (Err e) {
                if (conjunctions.isEmpty()) {
                    throw new Fail(p, "there were no clauses present");
                }
                return new R<>(conjunctions, rest);
            }
            rest = d.p();
            conjunctions.add(List.copyOf(d.v()));
        }
    }

    private R<List<List<GuardClause>>> singleClauses(int p) {
        return cnfClauses(p, this::whenClause);
    }

    // ------------------------------------------------------------------ assignments, blocks, rules

    private R<String> letAssignmentExpr(int p) {
        int q = tag(p, "let");
        R<String> name = varName(ws1(q));
        int w = ws0(name.p());
        if (starts(w, "=")) {
            return new R<>(name.v(), w + 1);
        }
        if (starts(w, ":=")) {
            return new R<>(name.v(), w + 2);
        }
        throw new Fail(w, "expected '=' or ':=' after 'let " + name.v() + "'");
    }

    private R<LetExpr> assignment(int p) {
        R<String> var = letAssignmentExpr(p);
        int q = var.p();
        try {
            R<GuardValue> v = parseValue(q);
            return new R<>(new LetExpr(var.v(), new ValueLit(v.v())), v.p());
        } catch (Err e) {
            // not a literal
        }
        try {
            R<FunctionExpr> f = functionExpr(ws0(q));
            return new R<>(new LetExpr(var.v(), new Call(f.v())), f.p());
        } catch (Err | Fail e) {
            // not a function call
        }
        try {
            R<AccessQuery> a = access(ws0(q));
            return new R<>(new LetExpr(var.v(), new Access(a.v())), a.p());
        } catch (Err e) {
            throw new Fail(ws0(q), "expected a value, a query or a function call after 'let " + var.v() + " ='");
        }
    }

    private R<List<List<GuardClause>>> whenConditions(int p) {
        int q = tag2(ws0(p), "when", "WHEN");
        int[] o = new int[1];
        List<List<GuardClause>> conds = cut(q, "expected conditions after 'when'", x -> singleClauses(ws1(x)), o);
        return new R<>(conds, o[0]);
    }

    private <T> R<Block<T>> block(int p, P<T> clauseParser) {
        int q = ch(ws0(p), '{');
        List<LetExpr> assignments = new ArrayList<>();
        List<List<T>> conjunctions = new ArrayList<>();
        boolean any = false;
        while (true) {
            int before = q;
            try {
                R<LetExpr> a = assignment(ws0(q));
                assignments.add(a.v());
                q = a.p();
            } catch (Err e) {
                try {
                    R<List<T>> d = disjunctionClauses(q, clauseParser);
                    conjunctions.add(List.copyOf(d.v()));
                    q = d.p();
                } catch (Err e2) {
                    if (!any) {
                        throw err(q, "expected a clause or an assignment inside '{ }'");
                    }
                    break;
                }
            }
            if (any && q == before) {
                throw new Fail(q, "block item consumed nothing");
            }
            any = true;
        }
        int w = ws0(q);
        if (at(w) != '}') {
            throw new Fail(w, "expected '}' or another clause");
        }
        return new R<>(new Block<>(List.copyOf(assignments), List.copyOf(conjunctions)), w + 1);
    }

    private R<String> typeName(int p) {
        try {
            R<String> a = varName(p);
            int q = tag(a.p(), "::");
            R<String> b = varName(q);
            q = tag(b.p(), "::");
            R<String> c = varName(q);
            q = c.p();
            if (starts(q, "::MODULE")) {
                q += 8;
            }
            return new R<>(a.v() + "::" + b.v() + "::" + c.v(), q);
        } catch (Err e) {
            R<String> a = varName(p);
            int q = tag(a.p(), "::");
            R<String> b = varName(q);
            return new R<>(a.v() + "::" + b.v(), b.p());
        }
    }

    private R<TypeBlock> typeBlock(int p) {
        FileLoc location = loc(p);
        R<String> name = typeName(p);
        int[] o = new int[1];
        cut(name.p(), "expected a space after the type name", x -> new R<>(null, ws1(x)), o);
        int q = o[0];
        List<List<GuardClause>> conditions = null;
        try {
            R<List<List<GuardClause>>> w = whenConditions(q);
            conditions = w.v();
            q = w.p();
        } catch (Err e) {
            // no when
        }
        Block<GuardClause> block;
        if (conditions != null) {
            block = cut(q, "expected '{' after the type's when conditions", x -> block(x, this::clause), o);
            q = o[0];
        } else {
            try {
                R<Block<GuardClause>> b = block(q, this::clause);
                block = b.v();
                q = b.p();
            } catch (Err e) {
                GuardClause single = cut(q, "expected '{' or a clause after the type name",
                        x -> clause(ws0(x)), o);
                block = new Block<>(List.of(), List.of(List.of(single)));
                q = o[0];
            }
        }
        AccessClause typeCheck = new AccessClause(new AccessQuery(List.of(new Key("Type")), true),
                new Cmp(CmpOp.EQ, false), new ValueLit(new GuardValue.Str(ValuePath.ROOT, name.v())), null,
                location, false);
        List<QueryPart> query = List.of(new Key("Resources"), new AllValues(null),
                new Filter(null, List.of(List.of(typeCheck))));
        return new R<>(new TypeBlock(name.v(), conditions, block, query), q);
    }

    private R<WhenBlock> whenBlock(int p, P<GuardClause> blockFn) {
        R<List<List<GuardClause>>> conds = whenConditions(ws0(p));
        R<Block<GuardClause>> block = block(conds.p(), blockFn);
        return new R<>(new WhenBlock(conds.v(), block.v()), block.p());
    }

    private R<RuleClause> ruleBlockClause(int p) {
        int q = ws0(p);
        try {
            R<TypeBlock> t = typeBlock(q);
            return new R<>(t.v(), t.p());
        } catch (Err e) {
            // next
        }
        try {
            R<List<List<GuardClause>>> conds = whenConditions(q);
            R<Block<GuardClause>> block = block(conds.p(), this::clauseOrRuleClause);
            return new R<>(new RWhen(conds.v(), block.v()), block.p());
        } catch (Err e) {
            // next
        }
        R<GuardClause> c = clauseOrRuleClause(q);
        return new R<>(new RClause(c.v()), c.p());
    }

    private R<Rule> ruleBlock(int p) {
        int q = tag(ws0(p), "rule");
        q = ws1(q);
        int[] o = new int[1];
        String name = cut(q, "expected the rule's name", this::varName, o);
        q = o[0];
        List<List<GuardClause>> conditions = null;
        try {
            R<List<List<GuardClause>>> w = whenConditions(q);
            conditions = w.v();
            q = w.p();
        } catch (Err e) {
            // no when
        }
        Block<RuleClause> block = cut(q, "expected '{' to start the body of rule " + name,
                x -> block(x, this::ruleBlockClause), o);
        return new R<>(new Rule(name, conditions, block), o[0]);
    }

    private R<List<String>> parameterNames(int p) {
        int q = ch(p, '(');
        R<List<String>> names = separatedNonEmptyList(q, x -> ch(x, ','), x -> {
            int[] o = new int[1];
            String v = cut(x, "expected a parameter name", y -> {
                R<String> nm = varName(multispace0(y));
                return new R<>(nm.v(), multispace0(nm.p()));
            }, o);
            return new R<>(v, o[0]);
        });
        if (at(names.p()) != ')') {
            throw new Fail(names.p(), "expected ')' to close the parameter list");
        }
        List<String> unique = new ArrayList<>();
        for (String nm : names.v()) {
            if (!unique.contains(nm)) {
                unique.add(nm);
            }
        }
        return new R<>(unique, names.p() + 1);
    }

    private R<ParameterizedRule> parameterizedRuleBlock(int p) {
        int q = tag(ws0(p), "rule");
        q = ws1(q);
        int[] o = new int[1];
        String name = cut(q, "expected the rule's name", this::varName, o);
        R<List<String>> params = parameterNames(o[0]);
        Block<RuleClause> block = cut(params.p(), "expected '{' to start the body of rule " + name,
                x -> block(x, this::ruleBlockClause), o);
        return new R<>(new ParameterizedRule(List.copyOf(params.v()), new Rule(name, null, block)), o[0]);
    }

    private sealed interface Expr permits EAssign, EParamRule, ERule, EDefault {
    }

    private record EAssign(LetExpr v) implements Expr {
    }

    private record EParamRule(ParameterizedRule v) implements Expr {
    }

    private record ERule(Rule v) implements Expr {
    }

    private record EDefault(List<RuleClause> v) implements Expr {
    }

    private R<Expr> topLevel(int p) {
        try {
            R<LetExpr> a = assignment(p);
            return new R<>(new EAssign(a.v()), a.p());
        } catch (Err e) {
            // next
        }
        try {
            R<ParameterizedRule> r = parameterizedRuleBlock(p);
            return new R<>(new EParamRule(r.v()), r.p());
        } catch (Err e) {
            // next
        }
        try {
            R<Rule> r = ruleBlock(p);
            return new R<>(new ERule(r.v()), r.p());
        } catch (Err e) {
            // next
        }
        try {
            R<List<TypeBlock>> t = disjunctionClauses(p, this::typeBlock);
            return new R<>(new EDefault(List.copyOf(t.v())), t.p());
        } catch (Err e) {
            // next
        }
        try {
            R<WhenBlock> w = whenBlock(p, this::clauseOrRuleClause);
            return new R<>(new EDefault(List.of(new RWhen(w.v().conditions(), w.v().block()))), w.p());
        } catch (Err e) {
            // next
        }
        R<List<GuardClause>> d = disjunctionClauses(p, this::clause);
        List<RuleClause> clauses = new ArrayList<>();
        for (GuardClause c : d.v()) {
            clauses.add(new RClause(c));
        }
        return new R<>(new EDefault(List.copyOf(clauses)), d.p());
    }

    private RulesFile rulesFile() {
        int p = ws0(0);
        if (p >= n) {
            return null;
        }
        List<Expr> exprs = new ArrayList<>();
        while (true) {
            R<Expr> e;
            try {
                e = topLevel(ws0(p));
            } catch (Err err) {
                if (exprs.isEmpty()) {
                    throw err;
                }
                break;
            }
            int q = ws0(e.p());
            if (!exprs.isEmpty() && q == p) {
                throw new Fail(p, "no progress");
            }
            exprs.add(e.v());
            p = q;
        }
        if (p < n) {
            // as cfn-guard (all_consuming after fold_many1): the error is where the first unreadable statement starts
            throw new Fail(p, "expected 'let', 'rule', a type block or a clause");
        }
        List<LetExpr> assignments = new ArrayList<>();
        List<List<RuleClause>> defaults = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<ParameterizedRule> parameterized = new ArrayList<>();
        for (Expr e : exprs) {
            if (e instanceof EAssign a) {
                assignments.add(a.v());
            } else if (e instanceof EParamRule r) {
                parameterized.add(r.v());
            } else if (e instanceof ERule r) {
                rules.add(r.v());
            } else {
                defaults.add(((EDefault) e).v());
            }
        }
        if (!defaults.isEmpty()) {
            String name = fileName.isBlank() ? "default" : fileName + "/default";
            rules.add(0, new Rule(name, null, new Block<>(List.of(), List.copyOf(defaults))));
        }
        return new RulesFile(List.copyOf(assignments), List.copyOf(rules), List.copyOf(parameterized));
    }

    /** Parses one literal value, as written on the right of a comparison. */
    static GuardValue parseLiteral(String text) throws GuardParseException {
        GuardParser p = new GuardParser(text, "");
        try {
            return p.parseValue(0).v();
        } catch (Err | Fail e) {
            throw p.problem(p.furthest, "not a value");
        }
    }
}
