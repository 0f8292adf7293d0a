package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Value comparison with cfn-guard 3.1.1's semantics: comparisons only between values of the same type (an int is
 * not comparable with a float, nor a string with a number: such a pair fails, whatever the operator), regular
 * expressions match strings anywhere, ranges contain numbers, lists and maps compare structurally, and {@code in}
 * means substring, membership or subset depending on the operands.
 */
public final class GuardOperators {
    private GuardOperators() {
    }

    /** Tri-state result of a primitive comparison. */
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int NOT_COMPARABLE = -1;

    // ---------------------------------------------------------------- primitives

    /** compare_values: the ordering of two values of the same scalar type, or NOT_COMPARABLE (as Integer.MIN). */
    static int compareValues(GuardValue a, GuardValue b) {
        switch (a.kind()) {
            case NULL:
                return b.kind() == GuardValue.Kind.NULL ? 0 : Integer.MIN_VALUE;
            case INT:
                return b instanceof GuardValue.Int y ? Long.compare(((GuardValue.Int) a).value(), y.value())
                        : Integer.MIN_VALUE;
            case STRING:
                return b instanceof GuardValue.Str y ? compareStrings(((GuardValue.Str) a).value(), y.value())
                        : Integer.MIN_VALUE;
            case FLOAT: {
                if (!(b instanceof GuardValue.Flt y)) {
                    return Integer.MIN_VALUE;
                }
                double x = ((GuardValue.Flt) a).value();
                if (Double.isNaN(x) || Double.isNaN(y.value())) {
                    return Integer.MIN_VALUE;
                }
                return x < y.value() ? -1 : x > y.value() ? 1 : 0;
            }
            case CHAR:
                return b instanceof GuardValue.Chr y ? Integer.compare(((GuardValue.Chr) a).value(), y.value())
                        : Integer.MIN_VALUE;
            default:
                return Integer.MIN_VALUE;
        }
    }

    /** Rust string order: by code point. */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static String notComparableReason(GuardValue a, GuardValue b) {
        if (a instanceof GuardValue.Flt && b instanceof GuardValue.Flt) {
            return "Float values are not comparable";
        }
        return "PathAwareValues are not comparable " + a.typeInfo() + ", " + b.typeInfo();
    }

    /** compare_eq: TRUE, FALSE or NOT_COMPARABLE. */
    static int compareEq(GuardValue a, GuardValue b) {
        GuardValue.Kind ka = a.kind();
        GuardValue.Kind kb = b.kind();
        if (ka == GuardValue.Kind.STRING && kb == GuardValue.Kind.REGEX) {
            return ((GuardValue.Regex) b).matches(((GuardValue.Str) a).value()) ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.REGEX && kb == GuardValue.Kind.STRING) {
            return ((GuardValue.Regex) a).matches(((GuardValue.Str) b).value()) ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.STRING && kb == GuardValue.Kind.STRING) {
            return ((GuardValue.Str) a).value().equals(((GuardValue.Str) b).value()) ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.MAP && kb == GuardValue.Kind.MAP) {
            Map<String, GuardValue> m1 = ((GuardValue.MapV) a).values();
            Map<String, GuardValue> m2 = ((GuardValue.MapV) b).values();
            if (m1.size() != m2.size()) {
                return FALSE;
            }
            for (Map.Entry<String, GuardValue> e : m1.entrySet()) {
                GuardValue v2 = m2.get(e.getKey());
                if (v2 == null) {
                    return FALSE;
                }
                int r = compareEq(e.getValue(), v2);
                if (r != TRUE) {
                    return r;
                }
            }
            return TRUE;
        }
        if (ka == GuardValue.Kind.LIST && kb == GuardValue.Kind.LIST) {
            List<GuardValue> l1 = ((GuardValue.ListV) a).items();
            List<GuardValue> l2 = ((GuardValue.ListV) b).items();
            if (l1.size() != l2.size()) {
                return FALSE;
            }
            for (int i = 0; i < l1.size(); i++) {
                int r = compareEq(l1.get(i), l2.get(i));
                if (r != TRUE) {
                    return r;
                }
            }
            return TRUE;
        }
        if (ka == GuardValue.Kind.BOOL && kb == GuardValue.Kind.BOOL) {
            return ((GuardValue.Bool) a).value() == ((GuardValue.Bool) b).value() ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.REGEX && kb == GuardValue.Kind.REGEX) {
            return ((GuardValue.Regex) a).source().equals(((GuardValue.Regex) b).source()) ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.INT && kb == GuardValue.Kind.RANGE_INT) {
            return ((GuardValue.RangeInt) b).contains(((GuardValue.Int) a).value()) ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.FLOAT && kb == GuardValue.Kind.RANGE_FLOAT) {
            return ((GuardValue.RangeFloat) b).contains(((GuardValue.Flt) a).value()) ? TRUE : FALSE;
        }
        if (ka == GuardValue.Kind.CHAR && kb == GuardValue.Kind.RANGE_CHAR) {
            return ((GuardValue.RangeChar) b).contains(((GuardValue.Chr) a).value()) ? TRUE : FALSE;
        }
        int c = compareValues(a, b);
        if (c == Integer.MIN_VALUE) {
            return NOT_COMPARABLE;
        }
        return c == 0 ? TRUE : FALSE;
    }

    /** The PartialEq of cfn-guard's values (used by contains and diffs): never "not comparable", just false. */
    static boolean partialEq(GuardValue a, GuardValue b) {
        GuardValue.Kind ka = a.kind();
        GuardValue.Kind kb = b.kind();
        if (ka == GuardValue.Kind.MAP && kb == GuardValue.Kind.MAP) {
            Map<String, GuardValue> m1 = ((GuardValue.MapV) a).values();
            Map<String, GuardValue> m2 = ((GuardValue.MapV) b).values();
            if (m1.size() != m2.size()) {
                return false;
            }
            for (Map.Entry<String, GuardValue> e : m1.entrySet()) {
                GuardValue v2 = m2.get(e.getKey());
                if (v2 == null || !partialEq(e.getValue(), v2)) {
                    return false;
                }
            }
            return true;
        }
        if (ka == GuardValue.Kind.LIST && kb == GuardValue.Kind.LIST) {
            List<GuardValue> l1 = ((GuardValue.ListV) a).items();
            List<GuardValue> l2 = ((GuardValue.ListV) b).items();
            if (l1.size() != l2.size()) {
                return false;
            }
            for (int i = 0; i < l1.size(); i++) {
                if (!partialEq(l1.get(i), l2.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (ka == GuardValue.Kind.BOOL && kb == GuardValue.Kind.BOOL) {
            return ((GuardValue.Bool) a).value() == ((GuardValue.Bool) b).value();
        }
        if (ka == GuardValue.Kind.STRING && kb == GuardValue.Kind.REGEX) {
            return ((GuardValue.Regex) b).matches(((GuardValue.Str) a).value());
        }
        if (ka == GuardValue.Kind.REGEX && kb == GuardValue.Kind.STRING) {
            return ((GuardValue.Regex) a).matches(((GuardValue.Str) b).value());
        }
        if (ka == GuardValue.Kind.REGEX && kb == GuardValue.Kind.REGEX) {
            return ((GuardValue.Regex) a).source().equals(((GuardValue.Regex) b).source());
        }
        if (ka == GuardValue.Kind.INT && kb == GuardValue.Kind.RANGE_INT) {
            return ((GuardValue.RangeInt) b).contains(((GuardValue.Int) a).value());
        }
        if (ka == GuardValue.Kind.FLOAT && kb == GuardValue.Kind.RANGE_FLOAT) {
            return ((GuardValue.RangeFloat) b).contains(((GuardValue.Flt) a).value());
        }
        if (ka == GuardValue.Kind.CHAR && kb == GuardValue.Kind.RANGE_CHAR) {
            return ((GuardValue.RangeChar) b).contains(((GuardValue.Chr) a).value());
        }
        return compareValues(a, b) == 0;
    }

    static boolean containsEq(List<GuardValue> list, GuardValue v) {
        for (GuardValue x : list) {
            if (partialEq(x, v)) {
                return true;
            }
        }
        return false;
    }

    /** A primitive ordered comparison: TRUE, FALSE or NOT_COMPARABLE. */
    static int ordered(CmpOp op, GuardValue a, GuardValue b) {
        int c = compareValues(a, b);
        if (c == Integer.MIN_VALUE) {
            return NOT_COMPARABLE;
        }
        boolean r;
        switch (op) {
            case LT:
                r = c < 0;
                break;
            case LE:
                r = c <= 0;
                break;
            case GT:
                r = c > 0;
                break;
            default:
                r = c >= 0;
        }
        return r ? TRUE : FALSE;
    }

    // ---------------------------------------------------------------- operator results

    /** The outcome of comparing one pair, or of an {@code in} over a whole query. */
    sealed interface Outcome permits LhsUnresolved, RhsUnresolved, NotComparable, Success, Fail {
    }

    record LhsUnresolved(QueryResult.UnResolved ur) implements Outcome {
    }

    record RhsUnresolved(QueryResult.UnResolved ur, GuardValue lhs) implements Outcome {
    }

    record NotComparable(String reason, GuardValue lhs, GuardValue rhs) implements Outcome {
    }

    record Success(Compare compare) implements Outcome {
    }

    record Fail(Compare compare) implements Outcome {
    }

    /** What was compared. */
    sealed interface Compare permits Value, QueryIn, ListIn, ValueIn {
    }

    record Value(GuardValue lhs, GuardValue rhs) implements Compare {
    }

    record QueryIn(List<GuardValue> diff, List<GuardValue> lhs, List<GuardValue> rhs) implements Compare {
    }

    record ListIn(List<GuardValue> diff, GuardValue lhs, GuardValue rhs) implements Compare {
    }

    record ValueIn(GuardValue lhs, GuardValue rhs) implements Compare {
    }

    /** The reason compare_eq gives when it cannot compare: that of the innermost pair it could not compare. */
    static String eqNotComparableReason(GuardValue a, GuardValue b) {
        if (a instanceof GuardValue.MapV m1 && b instanceof GuardValue.MapV m2) {
            for (Map.Entry<String, GuardValue> e : m1.values().entrySet()) {
                GuardValue v2 = m2.values().get(e.getKey());
                if (v2 != null) {
                    int r = compareEq(e.getValue(), v2);
                    if (r == NOT_COMPARABLE) {
                        return eqNotComparableReason(e.getValue(), v2);
                    }
                    if (r == FALSE) {
                        break;
                    }
                }
            }
        } else if (a instanceof GuardValue.ListV l1 && b instanceof GuardValue.ListV l2) {
            for (int i = 0; i < Math.min(l1.items().size(), l2.items().size()); i++) {
                int r = compareEq(l1.items().get(i), l2.items().get(i));
                if (r == NOT_COMPARABLE) {
                    return eqNotComparableReason(l1.items().get(i), l2.items().get(i));
                }
                if (r == FALSE) {
                    break;
                }
            }
        }
        return notComparableReason(a, b);
    }

    private static Outcome matchEq(GuardValue l, GuardValue r) {
        int c = compareEq(l, r);
        if (c == NOT_COMPARABLE) {
            return new NotComparable(eqNotComparableReason(l, r), l, r);
        }
        return c == TRUE ? new Success(new Value(l, r)) : new Fail(new Value(l, r));
    }

    private static Outcome matchOrdered(CmpOp op, GuardValue l, GuardValue r) {
        int c = ordered(op, l, r);
        if (c == NOT_COMPARABLE) {
            return new NotComparable(notComparableReason(l, r), l, r);
        }
        return c == TRUE ? new Success(new Value(l, r)) : new Fail(new Value(l, r));
    }

    private static GuardValue literalOf(List<QueryResult> results) {
        if (results.size() == 1 && results.get(0) instanceof QueryResult.Literal l) {
            return l.value();
        }
        return null;
    }

    /** selected(): the values, reporting unresolved ones through the callback. */
    private static List<GuardValue> selected(List<QueryResult> results, java.util.function.Consumer<QueryResult.UnResolved> onUnresolved) {
        List<GuardValue> out = new ArrayList<>(results.size());
        for (QueryResult q : results) {
            if (q instanceof QueryResult.UnResolved u) {
                onUnresolved.accept(u);
            } else {
                out.add(q.valueOrNull());
            }
        }
        return out;
    }

    private static List<GuardValue> flattened(List<QueryResult> results, java.util.function.Consumer<QueryResult.UnResolved> onUnresolved) {
        List<GuardValue> out = new ArrayList<>(results.size());
        for (QueryResult q : results) {
            if (q instanceof QueryResult.UnResolved u) {
                onUnresolved.accept(u);
            } else {
                GuardValue v = q.valueOrNull();
                if (v instanceof GuardValue.ListV l) {
                    out.addAll(l.items());
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * Compares query results; {@code null} means SKIP (one side is empty). In strict mode (compatibility off) a
     * {@code !=} between values of different types holds instead of failing.
     */
    static List<Outcome> compare(Cmp cmp, List<QueryResult> lhs, List<QueryResult> rhs, boolean strict) {
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return null;
        }
        List<Outcome> results;
        switch (cmp.op()) {
            case EQ:
                results = eq(lhs, rhs);
                break;
            case IN:
                results = in(lhs, rhs);
                break;
            default:
                results = common(cmp.op(), lhs, rhs);
        }
        if (!cmp.not()) {
            return results;
        }
        List<Outcome> inverted = new ArrayList<>(results.size());
        for (Outcome o : results) {
            if (strict && cmp.op() == CmpOp.EQ && o instanceof NotComparable nc) {
                inverted.add(new Success(new Value(nc.lhs(), nc.rhs())));
            } else {
                inverted.add(invert(o));
            }
        }
        return inverted;
    }

    private static Outcome invert(Outcome o) {
        if (o instanceof Fail f) {
            Compare c = f.compare();
            if (c instanceof QueryIn q) {
                List<GuardValue> reverse = new ArrayList<>();
                for (GuardValue each : q.lhs()) {
                    if (!containsEq(q.diff(), each)) {
                        reverse.add(each);
                    }
                }
                QueryIn r = new QueryIn(reverse, q.lhs(), q.rhs());
                return reverse.isEmpty() ? new Success(r) : new Fail(r);
            }
            if (c instanceof ListIn l) {
                List<GuardValue> reverse = new ArrayList<>();
                for (GuardValue each : ((GuardValue.ListV) l.lhs()).items()) {
                    if (!containsEq(l.diff(), each)) {
                        reverse.add(each);
                    }
                }
                ListIn r = new ListIn(reverse, l.lhs(), l.rhs());
                return reverse.isEmpty() ? new Success(r) : new Fail(r);
            }
            return new Success(c);
        }
        if (o instanceof Success s) {
            Compare c = s.compare();
            if (c instanceof QueryIn q) {
                return new Fail(new QueryIn(new ArrayList<>(q.lhs()), q.lhs(), q.rhs()));
            }
            if (c instanceof ListIn l) {
                return new Fail(new ListIn(new ArrayList<>(((GuardValue.ListV) l.lhs()).items()), l.lhs(), l.rhs()));
            }
            return new Fail(c);
        }
        return o;
    }

    private static List<Outcome> common(CmpOp op, List<QueryResult> lhs, List<QueryResult> rhs) {
        List<Outcome> results = new ArrayList<>();
        List<GuardValue> lhsFlat = flattened(lhs, ur -> results.add(new LhsUnresolved(ur)));
        List<GuardValue> rhsFlat = flattened(rhs, ur -> {
            for (GuardValue l : lhsFlat) {
                results.add(new RhsUnresolved(ur, l));
            }
        });
        for (GuardValue l : lhsFlat) {
            for (GuardValue r : rhsFlat) {
                results.add(matchOrdered(op, l, r));
            }
        }
        return results;
    }

    private static List<Outcome> eq(List<QueryResult> lhs, List<QueryResult> rhs) {
        List<Outcome> results = new ArrayList<>();
        GuardValue l = literalOf(lhs);
        GuardValue r = literalOf(rhs);
        if (l != null && r != null) {
            results.add(matchEq(l, r));
        } else if (l != null) {
            List<GuardValue> rs = selected(rhs, ur -> results.add(new RhsUnresolved(ur, l)));
            if (l instanceof GuardValue.ListV) {
                for (GuardValue each : rs) {
                    results.add(matchEq(l, each));
                }
            } else {
                for (GuardValue each : rs) {
                    if (each instanceof GuardValue.ListV rl) {
                        for (GuardValue e : rl.items()) {
                            results.add(matchEq(l, e));
                        }
                    } else {
                        results.add(matchEq(l, each));
                    }
                }
            }
        } else if (r != null) {
            List<GuardValue> ls = selected(lhs, ur -> results.add(new LhsUnresolved(ur)));
            if (r instanceof GuardValue.ListV rl) {
                for (GuardValue each : ls) {
                    if (each.isScalar() && rl.items().size() == 1) {
                        results.add(matchEq(each, rl.items().get(0)));
                    } else {
                        results.add(matchEq(each, r));
                    }
                }
            } else {
                for (GuardValue each : ls) {
                    if (each instanceof GuardValue.ListV ll) {
                        for (GuardValue e : ll.items()) {
                            results.add(matchEq(e, r));
                        }
                    } else {
                        results.add(matchEq(each, r));
                    }
                }
            }
        } else {
            List<GuardValue> ls = selected(lhs, ur -> results.add(new LhsUnresolved(ur)));
            List<GuardValue> rs = selected(rhs, ur -> {
                for (GuardValue x : ls) {
                    results.add(new RhsUnresolved(ur, x));
                }
            });
            List<GuardValue> diff = new ArrayList<>();
            if (ls.size() > rs.size()) {
                for (GuardValue e : ls) {
                    if (!containsEq(rs, e)) {
                        diff.add(e);
                    }
                }
            } else {
                for (GuardValue e : rs) {
                    if (!containsEq(ls, e)) {
                        diff.add(e);
                    }
                }
            }
            QueryIn q = new QueryIn(diff, ls, rs);
            results.add(diff.isEmpty() ? new Success(q) : new Fail(q));
        }
        return results;
    }

    private static Outcome stringIn(GuardValue l, GuardValue r) {
        if (l instanceof GuardValue.Str ls && r instanceof GuardValue.Str rs) {
            return rs.value().contains(ls.value()) ? new Success(new Value(l, r)) : new Fail(new Value(l, r));
        }
        return new NotComparable("Type not comparable, " + l + ", " + r, l, r);
    }

    private static Outcome containedIn(GuardValue l, GuardValue r) {
        if (l instanceof GuardValue.ListV ll) {
            if (r instanceof GuardValue.ListV rl) {
                if (!rl.items().isEmpty() && rl.items().get(0).isList()) {
                    if (containsEq(rl.items(), l)) {
                        return new Success(new ListIn(List.of(), l, r));
                    }
                    return new Fail(new ListIn(List.of(l), l, r));
                }
                List<GuardValue> diff = new ArrayList<>();
                for (GuardValue e : ll.items()) {
                    if (!containsEq(rl.items(), e)) {
                        diff.add(e);
                    }
                }
                return diff.isEmpty() ? new Success(new ListIn(diff, l, r)) : new Fail(new ListIn(diff, l, r));
            }
            return new NotComparable("Can not compare type " + l + ", " + r, l, r);
        }
        if (r instanceof GuardValue.ListV rl) {
            return containsEq(rl.items(), l) ? new Success(new ValueIn(l, r)) : new Fail(new ValueIn(l, r));
        }
        return matchEq(l, r);
    }

    private static List<Outcome> in(List<QueryResult> lhs, List<QueryResult> rhs) {
        List<Outcome> results = new ArrayList<>();
        GuardValue l = literalOf(lhs);
        GuardValue r = literalOf(rhs);
        if (l != null && r != null) {
            Outcome o = stringIn(l, r);
            results.add(o instanceof Success ? o : containedIn(l, r));
        } else if (l != null) {
            List<GuardValue> rs = selected(rhs, ur -> results.add(new RhsUnresolved(ur, l)));
            boolean anyList = false;
            for (GuardValue x : rs) {
                if (x.isList()) {
                    anyList = true;
                    break;
                }
            }
            if (anyList) {
                for (GuardValue x : rs) {
                    results.add(containedIn(l, x));
                }
            } else if (l instanceof GuardValue.ListV ll) {
                List<GuardValue> diff = new ArrayList<>();
                for (GuardValue e : ll.items()) {
                    if (!containsEq(rs, e)) {
                        diff.add(e);
                    }
                }
                QueryIn q = new QueryIn(diff, List.of(l), rs);
                results.add(diff.isEmpty() ? new Success(q) : new Fail(q));
            } else {
                for (GuardValue x : rs) {
                    results.add(containedIn(l, x));
                }
            }
        } else if (r != null) {
            List<GuardValue> ls = selected(lhs, ur -> results.add(new LhsUnresolved(ur)));
            for (GuardValue each : ls) {
                if (r instanceof GuardValue.Str) {
                    if (each instanceof GuardValue.ListV ll) {
                        for (GuardValue e : ll.items()) {
                            results.add(stringIn(e, r));
                        }
                    } else {
                        results.add(stringIn(each, r));
                    }
                } else {
                    results.add(containedIn(each, r));
                }
            }
        } else {
            List<GuardValue> ls = selected(lhs, ur -> results.add(new LhsUnresolved(ur)));
            List<GuardValue> rs = selected(rhs, ur -> {
                for (GuardValue x : ls) {
                    results.add(new RhsUnresolved(ur, x));
                }
            });
            List<GuardValue> diff = new ArrayList<>();
            outer:
            for (GuardValue e : ls) {
                for (GuardValue x : rs) {
                    if (containedIn(e, x) instanceof Success) {
                        continue outer;
                    }
                }
                diff.add(e);
            }
            QueryIn q = new QueryIn(diff, ls, rs);
            results.add(diff.isEmpty() ? new Success(q) : new Fail(q));
        }
        return results;
    }
}
