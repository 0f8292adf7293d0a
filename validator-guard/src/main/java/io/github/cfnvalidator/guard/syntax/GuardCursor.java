package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.syntax.GuardAst.FileLoc;
import java.util.ArrayList;
import java.util.List;

/**
 * The cursor and combinator core of the Guard rule parser: the text, recoverable and hard failures (cut points), the
 * furthest failure for the error message, whitespace and comments, separated lists and packrat memoisation. Lines,
 * columns and the error itself come from {@link GuardSourcePositions}.
 */
abstract class GuardCursor {
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
    record R<T>(T v, int p) {
    }

    private static final Err ERR = new Err();

    final String s;
    final int n;
    final String fileName;
    private final GuardSourcePositions positions;
    int furthest;
    String furthestWhat = "";

    GuardCursor(String text, String fileName) {
        this.s = text;
        this.n = text.length();
        this.fileName = fileName;
        this.positions = new GuardSourcePositions(text, fileName);
    }

    /** The error for a failure at a position: what was expected, the line and column, and the text there. */
    GuardParseException problem(int pos, String what) {
        return positions.problem(pos, what);
    }

    /** The file, line and column of a position. */
    FileLoc loc(int p) {
        return positions.loc(p);
    }

    Err err(int p, String what) {
        if (p >= furthest) {
            if (p > furthest || furthestWhat.isEmpty()) {
                furthestWhat = what;
            }
            furthest = p;
        }
        return ERR;
    }

    // ------------------------------------------------------------------ primitives

    char at(int p) {
        return p < n ? s.charAt(p) : '\0';
    }

    boolean starts(int p, String t) {
        return s.startsWith(t, p);
    }

    int tag(int p, String t) {
        if (!s.startsWith(t, p)) {
            throw err(p, "expected '" + t + "'");
        }
        return p + t.length();
    }

    int tag2(int p, String a, String b) {
        if (s.startsWith(a, p)) {
            return p + a.length();
        }
        if (s.startsWith(b, p)) {
            return p + b.length();
        }
        throw err(p, "expected '" + a + "'");
    }

    int ch(int p, char c) {
        if (p < n && s.charAt(p) == c) {
            return p + 1;
        }
        throw err(p, "expected '" + c + "'");
    }

    private static boolean isMultispace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    int multispace0(int p) {
        while (p < n && isMultispace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    int space0(int p) {
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
    int comment(int p) {
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
    int ws0(int p) {
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
    int ws1(int p) {
        int q = ws0(p);
        if (q == p) {
            throw err(p, "expected a space");
        }
        return q;
    }

    static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(int c) {
        if (c < 128) {
            return isAsciiAlpha((char) c) || isDigit((char) c);
        }
        int t = Character.getType(c);
        return Character.isAlphabetic(c) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }

    int digits(int p) {
        int q = p;
        while (q < n && isDigit(s.charAt(q))) {
            q++;
        }
        return q;
    }

    int digit1(int p) {
        int q = digits(p);
        if (q == p) {
            throw err(p, "expected a digit");
        }
        return q;
    }

    // ------------------------------------------------------------------ combinator helpers

    @FunctionalInterface
    interface P<T> {
        R<T> parse(int p);
    }

    @FunctionalInterface
    interface Sep {
        int parse(int p);
    }

    /** nom 5 separated_list: zero or more. */
    <T> R<List<T>> separatedList(int p, Sep sep, P<T> f) {
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
    <T> R<List<T>> separatedNonEmptyList(int p, Sep sep, P<T> f) {
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

    static <T> T cut(int p, String what, P<T> f, int[] out) {
        try {
            R<T> r = f.parse(p);
            out[0] = r.p();
            return r.v();
        } catch (Err e) {
            throw new Fail(p, what);
        }
    }

    /** {@link #cut(int, String, P, int[])} that reports a failure at {@code at} rather than at {@code p}. */
    static <T> T cut(int p, int at, String what, P<T> f, int[] out) {
        try {
            return cut(p, what, f, out);
        } catch (Fail e) {
            throw e.pos == p ? new Fail(at, what) : e;
        }
    }

    final java.util.HashMap<Long, Object> memo = new java.util.HashMap<>();

    /** Packrat memoisation: a production at a position always yields the same result (or the same error). */
    @SuppressWarnings("unchecked")
    <T> R<T> memo(int production, int p, P<T> f) {
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
}
