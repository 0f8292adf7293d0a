package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardTemplateData;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import io.github.cfnvalidator.resolve.Outcome;
import io.github.cfnvalidator.resolve.ParameterDomain;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Numbers;
import io.github.cfnvalidator.template.ScalarKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Intrinsic awareness backed by the resolver: the left-hand value's template node is resolved to its outcomes (each
 * a value and the deployments that give it), and the comparison is decided for each. Parameter values are compared
 * in the type of the literal they are compared with (CloudFormation passes parameters as strings and converts them
 * where a number or boolean is expected); a parameter whose admissible values cannot be listed is judged by its
 * constraints (MinValue/MaxValue, AllowedValues); anything the resolver cannot know is UNKNOWN, never a pass.
 */
public final class GuardResolverIntrinsics implements GuardIntrinsics {
    private static final int MAX_WITNESSES = 3;

    private final Resolver resolver;
    private final GuardTemplateData data;
    private int branchGaps;
    private final java.util.Set<QueryResult> gaps = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());

    @Override
    public void noteBranchGap(QueryResult gap) {
        gaps.add(gap);
    }

    private int ignoring;

    @Override
    public List<QueryResult> clauseValues(List<QueryResult> values) {
        boolean met = false;
        for (QueryResult q : values) {
            met |= gaps.contains(q);
        }
        if (!met) {
            return values;
        }
        branchGaps++;
        return ignoring == 0 ? values : values.stream().filter(q -> !gaps.contains(q)).toList();
    }

    @Override
    public void ignoreGaps(boolean on) {
        ignoring += on ? 1 : -1;
    }

    @Override
    public int branchGaps() {
        return branchGaps;
    }

    /** The deployments in which a query went into each branch value it reached (by the value's pointer). */
    private final Map<String, List<Scenario>> reached = new java.util.HashMap<>();

    /** Intrinsic awareness over a template's resolver and its Guard data. */
    public GuardResolverIntrinsics(Resolver resolver, GuardTemplateData data) {
        this.resolver = resolver;
        this.data = data;
    }

    private Node intrinsicNode(GuardValue v) {
        if (!(v instanceof GuardValue.MapV m) || m.values().size() != 1) {
            return null;
        }
        String key = m.values().keySet().iterator().next();
        if (!key.equals("Ref") && !key.startsWith("Fn::")) {
            return null;
        }
        Node n = data.nodeOf(v);
        if (n == null) {
            n = data.nodeAt(v.path().pointer());
        }
        if (n instanceof MapNode mn && mn.intrinsicName().isPresent() && !mn.intrinsicName().get().equals("Condition")) {
            return n;
        }
        return null;
    }

    /**
     * The deployments in which a value is reached: a value inside a branch a query went into (an {@code Fn::If}
     * branch of a whole Properties, say) is reached only in that branch's deployments, so a function nested in it is
     * resolved from them (the two levels stay consistent); any deployment elsewhere.
     */
    private List<Scenario> reachedIn(GuardValue v) {
        String p = v.path().pointer();
        while (!p.isEmpty()) {
            List<Scenario> s = reached.get(p);
            if (s != null) {
                return s;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return List.of(Scenario.ANY);
    }

    private List<Outcome> outcomes(GuardValue value, Node node, ResourceInstance r) {
        List<Outcome> out = new ArrayList<>();
        for (Scenario s : reachedIn(value)) {
            out.addAll(r == null ? resolver.resolve(node, s) : resolver.resolve(r, node, s));
        }
        return out;
    }

    private ResourceInstance resourceOf(GuardValue v) {
        String p = v.path().pointer();
        if (!p.startsWith("/Resources/")) {
            return null;
        }
        String rest = p.substring("/Resources/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return resolver.resource(id).orElse(null);
    }

    /** One judged alternative. */
    private record Judged(GuardIntrinsics.Kind kind, String witness, GuardWitness evidence) {
    }

    @Override
    public Verdict compare(GuardValue value, Cmp cmp, List<QueryResult> rhs, boolean strict) {
        Node node = intrinsicNode(value);
        if (node == null) {
            return null;
        }
        ResourceInstance r = resourceOf(value);
        List<Outcome> outcomes = outcomes(value, node, r);
        List<Judged> judged = new ArrayList<>();
        for (Outcome o : outcomes) {
            judge(o.value(), o.scenario(), value, cmp, rhs, strict, r, judged, 0);
        }
        return verdict(judged, ", which is not " + expectation(cmp, rhs));
    }

    /** Folds judged alternatives: any failure fails (with witnesses), else any unknown is unknown, else a pass. */
    private static Verdict verdict(List<Judged> judged, String failSuffix) {
        List<String> failures = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        Map<String, GuardWitness> evidence = new LinkedHashMap<>();
        for (Judged j : judged) {
            if (j.kind() == GuardIntrinsics.Kind.FAIL && !failures.contains(j.witness())) {
                failures.add(j.witness());
                if (j.evidence() != null) {
                    evidence.putIfAbsent(j.evidence().message(), j.evidence());
                }
            } else if (j.kind() == GuardIntrinsics.Kind.UNKNOWN && !unknowns.contains(j.witness())) {
                unknowns.add(j.witness());
                if (j.evidence() != null) {
                    evidence.putIfAbsent(j.evidence().message(), j.evidence());
                }
            }
        }
        if (!failures.isEmpty()) {
            return new Verdict(GuardIntrinsics.Kind.FAIL, limit(failures) + failSuffix,
                    List.copyOf(evidence.values()));
        }
        if (!unknowns.isEmpty()) {
            return new Verdict(GuardIntrinsics.Kind.UNKNOWN, "is unresolved: " + limit(unknowns),
                    List.copyOf(evidence.values()));
        }
        return new Verdict(GuardIntrinsics.Kind.PASS, "", List.of());
    }

    @Override
    public Verdict unary(GuardValue value, CmpOp op, boolean expected) {
        Node node = intrinsicNode(value);
        if (node == null) {
            return null;
        }
        ResourceInstance r = resourceOf(value);
        List<Outcome> outcomes = outcomes(value, node, r);
        List<Judged> judged = new ArrayList<>();
        for (Outcome o : outcomes) {
            judgeUnary(o.value(), o.scenario(), value, op, expected, r, judged, 0);
        }
        String keyword = op == CmpOp.IS_MAP ? "is_struct" : op.name().toLowerCase(java.util.Locale.ROOT);
        return verdict(judged, ", so " + (expected ? "" : "!") + keyword + " does not hold");
    }

    @Override
    public List<Alternative> alternatives(GuardValue value) {
        Node node = intrinsicNode(value);
        if (node == null) {
            return null;
        }
        ResourceInstance r = resourceOf(value);
        List<Outcome> outcomes = outcomes(value, node, r);
        List<Alternative> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!alternative(o.value(), o.scenario(), r, node, value, out, 0)) {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }

    private boolean alternative(Value v, Scenario s, ResourceInstance r, Node function, GuardValue near,
                                List<Alternative> out, int depth) {
        if (v instanceof Value.Lazy) {
            if (depth >= 4) {
                return false;
            }
            for (Outcome o : resolver.force(r, v, s)) {
                if (!alternative(o.value(), o.scenario(), r, function, near, out, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Value.Absent) {
            if (out.stream().noneMatch(a -> a.value() == null)) { // one removal, with its first witness
                out.add(new Alternative(null, s.describe().isEmpty() ? "every deployment" : s.describe(),
                        data.isListItem(function), false));
            }
            return true;
        }
        Node origin = v.origin();
        if (v instanceof Value.Unknown) {
            // known only at deploy time: the query stops at the function that blocks it, which compares as unknown
            GuardValue blocked = origin instanceof MapNode m && m.intrinsicName().isPresent()
                    ? data.valueOf(origin, near) : null;
            GuardValue at = blocked != null ? blocked : data.valueOf(function, near);
            if (at == null) {
                return false;
            }
            out.add(new Alternative(at, null, false, true));
            return true;
        }
        boolean written = v instanceof Value.Struct
                || (v instanceof Value.Items && origin instanceof io.github.cfnvalidator.template.ListNode)
                || (v instanceof Value.Text t && t.parameter() == null
                        && origin instanceof io.github.cfnvalidator.template.ScalarNode);
        if (!written || origin == function) {
            return false;
        }
        GuardValue converted = data.valueOf(origin, near);
        if (converted == null) {
            return false;
        }
        List<Scenario> in = reached.computeIfAbsent(converted.path().pointer(), k -> new ArrayList<>());
        if (!in.contains(s)) {
            in.add(s);
        }
        if (out.stream().noneMatch(a -> a.value() == converted)) { // one value written once is gone into once
            out.add(new Alternative(converted, null, false, false));
        }
        return true;
    }

    /** The unary check on one concrete value ({@code null}: the property is absent); {@code null} if undefined. */
    private static Boolean test(CmpOp op, GuardValue v) {
        try {
            return GuardUnaryChecks.unaryTest(op, v == null
                    ? new QueryResult.UnResolved(null, "", null) : new QueryResult.Resolved(v));
        } catch (GuardEvalException e) {
            return null;
        }
    }

    private void judgeUnary(Value v, Scenario s, GuardValue at, CmpOp op, boolean expected, ResourceInstance r,
                            List<Judged> out, int depth) {
        if (v instanceof Value.Lazy && depth < 4) {
            for (Outcome o : resolver.force(r, v, s)) {
                judgeUnary(o.value(), o.scenario(), at, op, expected, r, out, depth + 1);
            }
            return;
        }
        if (v instanceof Value.Text t) {
            ParameterDomain d = t.parameter() == null ? null : resolver.domain(t.parameter()).orElse(null);
            Boolean result = t.parameter() != null ? parameterText(op, t.text(), at.path())
                    : test(op, typed(t.text(), t.kind(), t.kind() == ScalarKind.STRING, at.path(), List.of()));
            out.add(judgedUnary(result, expected, gives(s, t.describe()), op, declaration(d)));
            return;
        }
        if (v instanceof Value.Struct || v instanceof Value.Items) {
            GuardValue converted = data.valueOf(v.origin(), at);
            if (converted == null) {
                out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, gives(s, v.describe()) + " that cannot be checked "
                        + "before deploy", null));
                return;
            }
            out.add(judgedUnary(test(op, converted), expected, gives(s, v.describe()), op, null));
            return;
        }
        if (v instanceof Value.Symbolic sym) {
            ParameterDomain d = sym.domain();
            GuardWitness decl = declaration(d);
            if (d.kind() == ParameterDomain.Kind.UNKNOWN) {
                out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, d.unknownReason(), decl));
                return;
            }
            Optional<List<String>> finite = d.finiteValues();
            if (finite.isPresent()) {
                for (String value : finite.get()) {
                    if (!sym.excluded().contains(value)) {
                        out.add(judgedUnary(parameterText(op, value, at.path()), expected,
                                gives(s.fix(d.name(), value), value), op, decl));
                    }
                }
                return;
            }
            if (op == CmpOp.EMPTY && d.kind() != ParameterDomain.Kind.LIST) {
                Set<String> others = new java.util.HashSet<>(sym.excluded());
                others.add("");
                if (!expected && d.admits("") && !sym.excluded().contains("")) {
                    out.add(new Judged(GuardIntrinsics.Kind.FAIL, (s.describe().isEmpty() ? "" : s.describe() + ", ")
                            + d.name() + " may be \"\"", decl));
                } else if (expected && d.admitsOtherThan(others)) {
                    out.add(new Judged(GuardIntrinsics.Kind.FAIL, (s.describe().isEmpty() ? "" : s.describe() + ", ")
                            + d.name() + " may be any value" + d.describeConstraints(others), decl));
                } else {
                    out.add(new Judged(GuardIntrinsics.Kind.PASS, "", decl));
                }
                return;
            }
            Boolean result = symbolicTest(op, d);
            String any = (s.describe().isEmpty() ? "" : s.describe() + ", ") + d.name() + " may be any value"
                    + d.describeConstraints(sym.excluded());
            if (result == null) {
                out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, any + ", which cannot be checked before deploy", decl));
            } else {
                out.add(judgedUnary(result, expected, any, op, decl));
            }
            return;
        }
        if (v instanceof Value.Absent) {
            out.add(judgedUnary(test(op, null), expected, (s.describe().isEmpty() ? "every deployment"
                    : s.describe()) + " removes the property (AWS::NoValue)", op, null));
            return;
        }
        if (v instanceof Value.Unknown u) {
            String w = s.describe();
            out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, u.reason() + (w.isEmpty() ? "" : " (when " + w + ")"),
                    null));
            return;
        }
        out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, gives(s, v.describe()) + ", known only at deploy time",
                null));
    }

    private static Judged judgedUnary(Boolean result, boolean expected, String witness, CmpOp op,
                                      GuardWitness evidence) {
        if (result == null) {
            return new Judged(GuardIntrinsics.Kind.FAIL, witness + ", on which the check is not defined",
                    evidence);
        }
        return new Judged(result == expected ? GuardIntrinsics.Kind.PASS : GuardIntrinsics.Kind.FAIL, witness,
                evidence);
    }

    /**
     * A unary check on a parameter's value: CloudFormation passes parameters as strings and converts them where a
     * number or boolean is expected, so a value that reads as an integer is both a string and an int.
     */
    private static Boolean parameterText(CmpOp op, String text, ValuePath path) {
        switch (op) {
            case IS_INT:
                return GuardDataReader.rustI64(text) != null;
            case IS_FLOAT:
                return GuardDataReader.rustF64(text) != null;
            case IS_BOOL:
                return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            default:
                return test(op, new GuardValue.Str(path, text));
        }
    }

    /** A unary check on any value of a parameter whose values are not listed; {@code null} if it depends. */
    private static Boolean symbolicTest(CmpOp op, ParameterDomain d) {
        boolean list = d.kind() == ParameterDomain.Kind.LIST;
        switch (op) {
            case EXISTS:
                return true;
            case IS_STRING:
                return !list;
            case IS_LIST:
                return list;
            case IS_MAP:
            case IS_NULL:
                return false;
            default:
                return null;
        }
    }

    private static String limit(List<String> items) {
        List<String> shown = new ArrayList<>(items.subList(0, Math.min(MAX_WITNESSES, items.size())));
        if (items.size() > MAX_WITNESSES) {
            shown.add("and " + (items.size() - MAX_WITNESSES) + " more");
        }
        return String.join("; ", shown);
    }

    private static String expectation(Cmp cmp, List<QueryResult> rhs) {
        List<String> shown = new ArrayList<>();
        for (QueryResult q : rhs) {
            GuardValue v = q.valueOrNull();
            shown.add(v == null ? "?" : GuardJson.valueOnly(v));
        }
        String r = shown.size() == 1 ? shown.get(0) : shown.toString();
        String op;
        switch (cmp.op()) {
            case EQ:
                op = cmp.not() ? "!=" : "==";
                break;
            case IN:
                op = cmp.not() ? "not in" : "in";
                break;
            case GT:
                op = ">";
                break;
            case GE:
                op = ">=";
                break;
            case LT:
                op = "<";
                break;
            default:
                op = "<=";
        }
        return op + " " + r;
    }

    private static String gives(Scenario s, String value) {
        String w = s.describe();
        return (w.isEmpty() ? "every deployment" : w) + " gives " + value;
    }

    private GuardWitness declaration(ParameterDomain d) {
        if (d == null || d.isPseudo()) {
            return null;
        }
        return new GuardWitness("parameter " + d.name() + d.describeConstraints(Set.of()), d.location());
    }

    private void judge(Value v, Scenario s, GuardValue at, Cmp cmp, List<QueryResult> rhs, boolean strict,
                       ResourceInstance r, List<Judged> out, int depth) {
        if (v instanceof Value.Lazy && depth < 4) {
            for (Outcome o : resolver.force(r, v, s)) {
                judge(o.value(), o.scenario(), at, cmp, rhs, strict, r, out, depth + 1);
            }
            return;
        }
        if (v instanceof Value.Text t) {
            ParameterDomain d = t.parameter() == null ? null : resolver.domain(t.parameter()).orElse(null);
            GuardValue typed = typed(t.text(), t.kind(), t.parameter() != null || t.kind() == ScalarKind.STRING,
                    at.path(), rhs);
            out.add(new Judged(holds(typed, cmp, rhs, strict) ? GuardIntrinsics.Kind.PASS : GuardIntrinsics.Kind.FAIL,
                    gives(s, t.describe()), declaration(d)));
            return;
        }
        if (v instanceof Value.Struct || v instanceof Value.Items) {
            GuardValue converted = data.valueOf(v.origin(), at);
            if (converted == null) {
                out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, gives(s, v.describe()) + " that cannot be compared "
                        + "before deploy", null));
                return;
            }
            out.add(new Judged(holds(converted, cmp, rhs, strict) ? GuardIntrinsics.Kind.PASS
                    : GuardIntrinsics.Kind.FAIL, gives(s, v.describe()), null));
            return;
        }
        if (v instanceof Value.Symbolic sym) {
            symbolic(sym, s, at, cmp, rhs, strict, out);
            return;
        }
        if (v instanceof Value.Absent) {
            out.add(new Judged(GuardIntrinsics.Kind.FAIL, (s.describe().isEmpty() ? "every deployment" : s.describe())
                    + " removes the property (AWS::NoValue)", null));
            return;
        }
        if (v instanceof Value.Unknown u) {
            String w = s.describe();
            out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, u.reason() + (w.isEmpty() ? "" : " (when " + w + ")"),
                    null));
            return;
        }
        out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, gives(s, v.describe()) + ", known only at deploy time",
                null));
    }

    /** Whether one concrete alternative satisfies the comparison (every value check a success). */
    private static boolean holds(GuardValue value, Cmp cmp, List<QueryResult> rhs, boolean strict) {
        List<GuardOperators.Outcome> outcomes = GuardOperators.compare(cmp, List.of(new QueryResult.Resolved(value)),
                rhs, strict);
        if (outcomes == null) {
            return true;
        }
        for (GuardOperators.Outcome o : outcomes) {
            if (!(o instanceof GuardOperators.Success)) {
                return false;
            }
        }
        return true;
    }

    /** The first literal on the right, or {@code null}. */
    private static GuardValue literal(List<QueryResult> rhs) {
        return rhs.size() == 1 ? rhs.get(0).valueOrNull() : null;
    }

    /**
     * A resolved text as a Guard value: literals keep their written type; parameter values (always strings to
     * CloudFormation) take the type of what they are compared with, as CloudFormation converts them.
     */
    static GuardValue typed(String text, ScalarKind kind, boolean coerce, ValuePath path, List<QueryResult> rhs) {
        if (!coerce) {
            switch (kind) {
                case INTEGER:
                case DECIMAL: {
                    Long i = GuardDataReader.rustI64(text);
                    if (i != null) {
                        return new GuardValue.Int(path, i);
                    }
                    Double d = GuardDataReader.rustF64(text);
                    return d != null ? new GuardValue.Flt(path, d) : new GuardValue.Str(path, text);
                }
                case BOOLEAN:
                    return new GuardValue.Bool(path, text.equalsIgnoreCase("true"));
                case NULL:
                    return new GuardValue.Null(path);
                default:
                    return new GuardValue.Str(path, text);
            }
        }
        GuardValue target = literal(rhs);
        if (target instanceof GuardValue.ListV l && !l.items().isEmpty()) {
            target = l.items().get(0);
        }
        if (target instanceof GuardValue.Int || target instanceof GuardValue.RangeInt) {
            Long i = GuardDataReader.rustI64(text);
            if (i != null) {
                return new GuardValue.Int(path, i);
            }
        }
        if (target instanceof GuardValue.Flt || target instanceof GuardValue.RangeFloat) {
            Double d = GuardDataReader.rustF64(text);
            if (d != null) {
                return new GuardValue.Flt(path, d);
            }
        }
        if (target instanceof GuardValue.Bool && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return new GuardValue.Bool(path, text.equalsIgnoreCase("true"));
        }
        return new GuardValue.Str(path, text);
    }

    private static BigDecimal number(GuardValue v) {
        if (v instanceof GuardValue.Int i) {
            return BigDecimal.valueOf(i.value());
        }
        if (v instanceof GuardValue.Flt f && Double.isFinite(f.value())) {
            return new BigDecimal(Double.toString(f.value()));
        }
        return null;
    }

    private void symbolic(Value.Symbolic sym, Scenario s, GuardValue at, Cmp cmp, List<QueryResult> rhs,
                          boolean strict, List<Judged> out) {
        ParameterDomain d = sym.domain();
        GuardWitness decl = declaration(d);
        if (d.kind() == ParameterDomain.Kind.UNKNOWN) {
            out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, d.unknownReason(), decl));
            return;
        }
        Optional<List<String>> finite = d.finiteValues();
        if (finite.isPresent()) {
            for (String value : finite.get()) {
                if (sym.excluded().contains(value)) {
                    continue;
                }
                GuardValue typed = typed(value, ScalarKind.STRING, true, at.path(), rhs);
                Scenario w = s.fix(d.name(), value);
                out.add(new Judged(holds(typed, cmp, rhs, strict) ? GuardIntrinsics.Kind.PASS
                        : GuardIntrinsics.Kind.FAIL, gives(w, value), decl));
            }
            return;
        }
        GuardValue lit = literal(rhs);
        BigDecimal t = lit == null ? null : number(lit);
        CmpOp op = cmp.op();
        if (d.kind() == ParameterDomain.Kind.NUMBER && t != null
                && (op == CmpOp.GE || op == CmpOp.GT || op == CmpOp.LE || op == CmpOp.LT)) {
            Optional<String> bad;
            String edge = Numbers.format(t);
            boolean edgeAdmitted = d.admits(edge) && !sym.excluded().contains(edge);
            switch (op) {
                case GE:
                    bad = d.valueBelow(t, sym.excluded());
                    break;
                case GT:
                    bad = edgeAdmitted ? Optional.of(edge) : d.valueBelow(t, sym.excluded());
                    break;
                case LE:
                    bad = d.valueAbove(t, sym.excluded());
                    break;
                default:
                    bad = edgeAdmitted ? Optional.of(edge) : d.valueAbove(t, sym.excluded());
            }
            if (bad.isPresent()) {
                out.add(new Judged(GuardIntrinsics.Kind.FAIL, gives(s.fix(d.name(), bad.get()), bad.get()), decl));
            } else {
                out.add(new Judged(GuardIntrinsics.Kind.PASS, "", decl));
            }
            return;
        }
        if (op == CmpOp.EQ && lit != null && lit.isScalar() && !(lit instanceof GuardValue.Regex)) {
            String text = lit instanceof GuardValue.Str str ? str.value() : GuardJson.valueOnly(lit);
            if (cmp.not()) {
                if (d.admits(text) && !sym.excluded().contains(text)) {
                    out.add(new Judged(GuardIntrinsics.Kind.FAIL, gives(s.fix(d.name(), text), text), decl));
                } else {
                    out.add(new Judged(GuardIntrinsics.Kind.PASS, "", decl));
                }
            } else {
                Set<String> ex = new java.util.HashSet<>(sym.excluded());
                ex.add(text);
                if (d.admitsOtherThan(ex)) {
                    out.add(new Judged(GuardIntrinsics.Kind.FAIL, (s.describe().isEmpty() ? "" : s.describe() + ", ")
                            + d.name() + " may be any value" + d.describeConstraints(ex), decl));
                } else {
                    out.add(new Judged(GuardIntrinsics.Kind.PASS, "", decl));
                }
            }
            return;
        }
        if (op == CmpOp.IN && !cmp.not() && lit instanceof GuardValue.ListV) {
            out.add(new Judged(GuardIntrinsics.Kind.FAIL, (s.describe().isEmpty() ? "" : s.describe() + ", ")
                    + d.name() + " may be any value" + d.describeConstraints(sym.excluded()), decl));
            return;
        }
        out.add(new Judged(GuardIntrinsics.Kind.UNKNOWN, "any value of " + d.name()
                + d.describeConstraints(sym.excluded()) + " cannot be compared before deploy", decl));
    }
}
