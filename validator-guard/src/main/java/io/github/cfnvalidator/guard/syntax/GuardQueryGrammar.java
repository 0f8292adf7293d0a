package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.Access;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessQuery;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllIndices;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllValues;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import io.github.cfnvalidator.guard.syntax.GuardAst.Filter;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Index;
import io.github.cfnvalidator.guard.syntax.GuardAst.Key;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.MapKeyFilter;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import io.github.cfnvalidator.guard.syntax.GuardAst.This;
import io.github.cfnvalidator.guard.syntax.GuardAst.ValueLit;
import java.util.ArrayList;
import java.util.List;

/**
 * The query productions of the Guard rule grammar: variable and property names, comparison operators, custom messages
 * and access paths with their keys, indices, wildcards, filters and map key filters.
 */
abstract class GuardQueryGrammar extends GuardLiteralGrammar {
    GuardQueryGrammar(String text, String fileName) {
        super(text, fileName);
    }

    /** A clause, as inside a filter (the clause grammar's production, which refers back to queries). */
    abstract R<GuardClause> clause(int p);

    /** Clauses in conjunctive normal form, as inside a filter (the clause grammar's production). */
    abstract <T> R<List<List<T>>> cnfClauses(int p, P<T> parser);

    // ------------------------------------------------------------------ names and operators

    R<String> varName(int p) {
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
    int not(int p) {
        if ((starts(p, "not") || starts(p, "NOT")) && (at(p + 3) == ' ' || at(p + 3) == '\t')) {
            return space0(p + 3);
        }
        return ch(p, '!');
    }

    boolean tryNot(int p, int[] out) {
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

    R<Cmp> valueCmp(int p) {
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

    R<String> customMessage(int p) {
        int q = tag(p, "<<");
        int close = s.indexOf(">>", q);
        if (close < 0) {
            throw new Fail(q, "unable to find a closing >> for the custom message");
        }
        return new R<>(s.substring(q, close), close + 2);
    }

    R<String> optCustomMessage(int p) {
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

    R<AccessQuery> access(int p) {
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
}
