package io.github.cfnvalidator.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbolic equality of strings. Each side is resolved (forking on parameters and conditions as everywhere else) and
 * normalised into a canonical form: literal text runs merged, and opaque atoms for what is known only at deploy time
 * (a parameter or pseudo-parameter by name, {@code Ref}/{@code Fn::GetAtt} of a resource attribute, an
 * {@code Fn::ImportValue} of a literal export name). Two forms are then compared: the same sequence is EQUAL; literal
 * text that cannot line up, a length no value of the atoms can make up, or an ARN against a name that cannot hold a
 * colon is DIFFERENT; a single free parameter against literal text forks into the value that makes them equal and the
 * rest; anything else (two independent atoms) is UNDECIDED, with the atoms named. One instance serves one comparison.
 */
final class Equalities {
    private static final int MAX_NAME_DEPTH = 8;

    private final Resolver resolver;
    private final int max;
    /** Unknowns without identity, numbered per object: two evaluations of one node may differ (loop variables). */
    private final Map<Value, Integer> opaque = new java.util.IdentityHashMap<>();

    Equalities(Resolver resolver, int max) {
        this.resolver = resolver;
        this.max = max;
    }

    // ------------------------------------------------------------------------------------------------ forms

    /** A part of a canonical string. */
    private sealed interface Part {
    }

    /** Literal text (never empty in a merged form). */
    private record Lit(String text) implements Part {
    }

    /** Whether an atom's value can contain a colon (an ARN always does; a SageMaker name never does). */
    private enum Colon { YES, NO, MAYBE }

    /**
     * A value known only at deploy time; two atoms are the same value when their keys are equal.
     *
     * @param key      what it is, e.g. {@code Ref Env}, {@code Fn::GetAtt Api.EndpointName}
     * @param symbolic the parameter's admissible values, for a parameter; else null
     * @param colon    whether its value contains a colon
     * @param nonEmpty whether its value is known not to be empty
     * @param origin   FREE for a value that may be anything (a parameter, an import, an unknown, an attribute of
     *                 a resource nothing is documented about), GENERATED for a name CloudFormation generates, FIXED
     *                 for a pseudo-parameter or an ARN
     */
    private record Atom(String key, Value.Symbolic symbolic, Colon colon, boolean nonEmpty, Origin origin)
            implements Part {
        @Override
        public boolean equals(Object o) {
            return o instanceof Atom a && a.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    /** What is known about an atom's value. */
    private enum Origin { FREE, GENERATED, FIXED }

    /** What a resolved side is: a string, not set at all, or a value that is not a string. */
    private enum Kind { STRING, ABSENT, OTHER }

    /** One side in one class of deployments. */
    private record Form(List<Part> parts, Scenario scenario, Kind kind) {
        Form plus(Form next) {
            List<Part> p = new ArrayList<>(parts);
            p.addAll(next.parts);
            return new Form(p, next.scenario, kind == Kind.STRING ? next.kind : kind);
        }
    }

    private static final class TooMany extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooMany() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------------------ entry

    Equality equal(List<Operand> a, List<Operand> b, Scenario s) {
        List<Equality.Case> cases = new ArrayList<>();
        try {
            for (Form fa : forms(a, s)) {
                for (Form fb : forms(b, fa.scenario())) {
                    cases.addAll(decide(fa, fb));
                    check(cases.size());
                }
            }
        } catch (TooMany e) {
            return new Equality(List.of(new Equality.Case(Equality.Verdict.UNDECIDED, s, "the comparison depends on "
                    + "more than " + max + " combinations of parameter values and conditions")));
        }
        return new Equality(cases);
    }

    private void check(int n) {
        if (n > max) {
            throw new TooMany();
        }
    }

    private List<Form> forms(List<Operand> ops, Scenario s) {
        List<Form> acc = List.of(new Form(List.of(), s, Kind.STRING));
        for (Operand op : ops) {
            List<Form> next = new ArrayList<>();
            for (Form f : acc) {
                for (Form g : operand(op, f.scenario())) {
                    next.add(f.plus(g));
                }
            }
            check(next.size());
            acc = next;
        }
        return acc;
    }

    private List<Form> operand(Operand op, Scenario s) {
        if (op instanceof Operand.Literal l) {
            return List.of(string(new Lit(l.text()), s));
        }
        if (op instanceof Operand.Written w) {
            List<Outcome> outcomes = w.context() == null ? resolver.resolve(w.node(), s)
                    : resolver.resolve(w.context(), w.node(), s);
            return values(outcomes, 0);
        }
        if (op instanceof Operand.Attribute at) {
            return attribute(at.resource(), at.attribute(), s, 0);
        }
        return value(((Operand.Resolved) op).value(), s, 0);
    }

    private List<Form> values(List<Outcome> outcomes, int depth) {
        List<Form> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            out.addAll(value(o.value(), o.scenario(), depth));
        }
        check(out.size());
        return out;
    }

    private static Form string(Part p, Scenario s) {
        return new Form(List.of(p), s, Kind.STRING);
    }

    private List<Form> value(Value v, Scenario s, int depth) {
        if (v instanceof Value.Text t) {
            return List.of(string(new Lit(t.text()), s));
        }
        if (v instanceof Value.Symbolic p) {
            String name = p.domain().name();
            boolean pseudo = p.domain().isPseudo();
            return List.of(string(new Atom("Ref " + name, p, pseudoColon(name), pseudo,
                    pseudo ? Origin.FIXED : Origin.FREE), s));
        }
        if (v instanceof Value.Concat c) {
            List<Form> acc = List.of(new Form(List.of(), s, Kind.STRING));
            for (Value part : c.parts()) {
                List<Form> next = new ArrayList<>();
                for (Form f : acc) {
                    for (Form g : value(part, f.scenario(), depth)) {
                        next.add(f.plus(g));
                    }
                }
                check(next.size());
                acc = next;
            }
            return acc;
        }
        if (v instanceof Value.Unknown u) {
            return unknown(u, s, depth);
        }
        if (v instanceof Value.Absent) {
            return List.of(new Form(List.of(), s, Kind.ABSENT));
        }
        if (v instanceof Value.Lazy) {
            return values(resolver.force(null, v, s), depth);
        }
        return List.of(new Form(List.of(opaqueAtom(v)), s, Kind.OTHER));
    }

    private List<Form> unknown(Value.Unknown u, Scenario s, int depth) {
        if (u.identity() != null && u.resource() != null) {
            var r = resolver.resource(u.resource());
            if (r.isPresent()) {
                return attribute(r.get(), u.attribute(), s, depth);
            }
        }
        if (u.identity() != null) {
            return List.of(string(new Atom(u.identity(), null, Colon.MAYBE, false, Origin.FREE), s));
        }
        return List.of(string(opaqueAtom(u), s));
    }

    /** An atom equal to nothing else: a value nothing is known to equal. */
    private Atom opaqueAtom(Value v) {
        int n = opaque.computeIfAbsent(v, k -> opaque.size() + 1);
        return new Atom("#" + n + " " + v.describe(), null, Colon.MAYBE, false, Origin.FREE);
    }

    /**
     * What {@code Ref}/{@code Fn::GetAtt} of a resource gives: the resource's own name property where CloudFormation
     * documents the attribute as that name and the template sets it, else an atom.
     */
    private List<Form> attribute(ResourceInstance r, String attribute, Scenario s, int depth) {
        Known known = known(r.type(), attribute);
        String key = attribute == null ? "Ref " + r.logicalId() : "Fn::GetAtt " + r.logicalId() + "." + attribute;
        boolean named = known != null && known.property() != null;
        Origin origin = named && depth < MAX_NAME_DEPTH ? Origin.GENERATED : known != null ? Origin.FIXED
                : Origin.FREE; // an attribute nothing is documented about may hold any value
        Atom atom = new Atom(key, null, known == null ? Colon.MAYBE : known.colon(), known != null, origin);
        if (!named || depth >= MAX_NAME_DEPTH) {
            return List.of(string(atom, s));
        }
        List<Form> out = new ArrayList<>();
        // the name property through intrinsics at every level (a whole Properties written as Fn::If included)
        for (Resolver.Reached o : resolver.walk(r, s, known.property())) {
            if (o.value() instanceof Value.Absent) {
                out.add(string(atom, o.scenario())); // a name CloudFormation generates
            } else {
                out.addAll(value(o.value(), o.scenario(), depth + 1));
            }
        }
        check(out.size());
        return out;
    }

    /**
     * What CloudFormation documents for a resource attribute (attribute null: {@code Ref}).
     *
     * @param property the resource property the attribute returns when set, or null
     * @param colon    whether the value contains a colon
     */
    private record Known(String property, Colon colon) {
    }

    private static Known known(String type, String attribute) {
        String key = type + (attribute == null ? "" : "." + attribute);
        switch (key) {
            case "AWS::SageMaker::Endpoint.EndpointName":
                return new Known("EndpointName", Colon.NO);
            case "AWS::SageMaker::EndpointConfig.EndpointConfigName":
                return new Known("EndpointConfigName", Colon.NO);
            case "AWS::SageMaker::Model.ModelName":
                return new Known("ModelName", Colon.NO);
            case "AWS::CloudWatch::Alarm":
                return new Known("AlarmName", Colon.MAYBE);
            case "AWS::SageMaker::Endpoint":
            case "AWS::SageMaker::EndpointConfig":
            case "AWS::SageMaker::Model":
            case "AWS::CloudWatch::Alarm.Arn":
                return new Known(null, Colon.YES); // an ARN
            default:
                return null;
        }
    }

    private static Colon pseudoColon(String name) {
        switch (name) {
            case "AWS::StackId":
                return Colon.YES;
            case "AWS::Region":
            case "AWS::AccountId":
            case "AWS::StackName":
            case "AWS::URLSuffix":
            case "AWS::Partition":
                return Colon.NO;
            default:
                return Colon.MAYBE;
        }
    }

    // ------------------------------------------------------------------------------------------------ decide

    private List<Equality.Case> decide(Form a, Form b) {
        Scenario s = b.scenario();
        if (a.kind() != Kind.STRING || b.kind() != Kind.STRING) {
            if (a.kind() == Kind.ABSENT && b.kind() == Kind.ABSENT) {
                return List.of(equal(s, "neither is set"));
            }
            if (a.kind() == Kind.OTHER && b.kind() == Kind.OTHER) {
                return List.of(undecided(s, "comparing " + show(a.parts()) + " with " + show(b.parts())
                        + " is not modelled"));
            }
            return List.of(different(s, (a.kind() == Kind.STRING ? "only the first" : "only the second")
                    + " is a string that is set"));
        }
        List<Part> x = merge(a.parts());
        List<Part> y = merge(b.parts());
        String both = show(x) + " and " + show(y);
        if (x.equals(y)) {
            return List.of(equal(s, "both are " + show(x)));
        }
        if (!stripPrefix(x, y) || !stripSuffix(x, y)) {
            return List.of(different(s, both + " differ in literal text"));
        }
        return rest(x, y, s, both);
    }

    /** Decides what is left once the common start and end are removed. */
    private List<Equality.Case> rest(List<Part> x, List<Part> y, Scenario s, String both) {
        if (x.isEmpty() && y.isEmpty()) {
            return List.of(equal(s, both + " are built of the same parts"));
        }
        if (allLiteral(x) && allLiteral(y)) {
            return List.of(different(s, both + " differ in literal text"));
        }
        if (colon(x) == Colon.YES && colon(y) == Colon.NO || colon(y) == Colon.YES && colon(x) == Colon.NO) {
            return List.of(different(s, both + " differ: only one of them contains a colon (an ARN)"));
        }
        if (allLiteral(x) || allLiteral(y)) {
            String text = allLiteral(x) ? text(x) : text(y);
            List<Part> other = allLiteral(x) ? y : x;
            for (Part p : other) {
                if (p instanceof Lit l && !text.contains(l.text())) {
                    return List.of(different(s, both + " differ in literal text"));
                }
            }
            if (literalLength(other) > text.length() || text.isEmpty() && other.stream()
                    .anyMatch(p -> p instanceof Atom at && at.nonEmpty())) {
                return List.of(different(s, both + " cannot have the same length"));
            }
            if (other.size() == 1 && other.get(0) instanceof Atom at && at.symbolic() != null) {
                return split(at.symbolic(), text, s, both);
            }
        } else if (atomKeys(x).equals(atomKeys(y)) && literalLength(x) != literalLength(y)) {
            return List.of(different(s, both + " are built of the same values with literal text of different "
                    + "lengths"));
        }
        if (generatedAgainstFixed(x, y) || generatedAgainstFixed(y, x)) {
            return List.of(different(s, both + " differ: a name CloudFormation generates at deploy time ends in a "
                    + "random suffix that nothing else in the template spells"));
        }
        return List.of(undecided(s, "whether " + show(x) + " equals " + show(y) + " depends on "
                + String.join(" and ", atomNames(x, y)) + ", known only at deploy time"));
    }

    /** A free parameter against literal text: equal when it takes that value, different otherwise. */
    private static List<Equality.Case> split(Value.Symbolic p, String text, Scenario s, String both) {
        String name = p.domain().name();
        List<Equality.Case> out = new ArrayList<>(2);
        if (p.domain().admits(text) && !p.excluded().contains(text)) {
            out.add(equal(s.fix(name, text), both + " are equal when " + name + "=" + text));
        }
        Set<String> without = new LinkedHashSet<>(p.excluded());
        without.add(text);
        if (p.domain().admitsOtherThan(without)) {
            out.add(different(s.exclude(name, text), both + " differ when " + name + "\u2260" + text));
        }
        return out;
    }

    private static Equality.Case equal(Scenario s, String why) {
        return new Equality.Case(Equality.Verdict.EQUAL, s, why);
    }

    private static Equality.Case different(Scenario s, String why) {
        return new Equality.Case(Equality.Verdict.DIFFERENT, s, why);
    }

    private static Equality.Case undecided(Scenario s, String why) {
        return new Equality.Case(Equality.Verdict.UNDECIDED, s, why);
    }

    // ------------------------------------------------------------------------------------------------ parts

    private static List<Part> merge(List<Part> parts) {
        List<Part> out = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Lit l) {
                if (l.text().isEmpty()) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof Lit prev) {
                    out.set(out.size() - 1, new Lit(prev.text() + l.text()));
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    /** Removes the common start; false when literal text at the start cannot line up. */
    private static boolean stripPrefix(List<Part> x, List<Part> y) {
        while (!x.isEmpty() && !y.isEmpty()) {
            Part p = x.get(0);
            Part q = y.get(0);
            if (p instanceof Lit lp && q instanceof Lit lq) {
                int n = Math.min(lp.text().length(), lq.text().length());
                if (!lp.text().regionMatches(0, lq.text(), 0, n)) {
                    return false;
                }
                replace(x, 0, lp.text().substring(n));
                replace(y, 0, lq.text().substring(n));
            } else if (p.equals(q)) {
                x.remove(0);
                y.remove(0);
            } else {
                break;
            }
        }
        return true;
    }

    /** Removes the common end; false when literal text at the end cannot line up. */
    private static boolean stripSuffix(List<Part> x, List<Part> y) {
        while (!x.isEmpty() && !y.isEmpty()) {
            int i = x.size() - 1;
            int j = y.size() - 1;
            Part p = x.get(i);
            Part q = y.get(j);
            if (p instanceof Lit lp && q instanceof Lit lq) {
                String a = lp.text();
                String b = lq.text();
                int n = Math.min(a.length(), b.length());
                if (!a.regionMatches(a.length() - n, b, b.length() - n, n)) {
                    return false;
                }
                replace(x, i, a.substring(0, a.length() - n));
                replace(y, j, b.substring(0, b.length() - n));
            } else if (p.equals(q)) {
                x.remove(i);
                y.remove(j);
            } else {
                break;
            }
        }
        return true;
    }

    private static void replace(List<Part> parts, int i, String text) {
        if (text.isEmpty()) {
            parts.remove(i);
        } else {
            parts.set(i, new Lit(text));
        }
    }

    /** One side is a generated name alone, the other holds no value that may be anything. */
    private static boolean generatedAgainstFixed(List<Part> x, List<Part> y) {
        return x.size() == 1 && x.get(0) instanceof Atom g && g.origin() == Origin.GENERATED
                && y.stream().noneMatch(p -> p instanceof Atom a && a.origin() == Origin.FREE);
    }

    private static boolean allLiteral(List<Part> parts) {
        return parts.stream().allMatch(p -> p instanceof Lit);
    }

    private static String text(List<Part> parts) {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(((Lit) p).text()));
        return sb.toString();
    }

    private static int literalLength(List<Part> parts) {
        return parts.stream().mapToInt(p -> p instanceof Lit l ? l.text().length() : 0).sum();
    }

    /** The atoms' keys as a multiset (key -> count). */
    private static Map<String, Integer> atomKeys(List<Part> parts) {
        Map<String, Integer> out = new HashMap<>();
        for (Part p : parts) {
            if (p instanceof Atom a) {
                out.merge(a.key(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static List<String> atomNames(List<Part> x, List<Part> y) {
        Set<String> out = new LinkedHashSet<>();
        for (Part p : x) {
            if (p instanceof Atom a) {
                out.add(a.key());
            }
        }
        for (Part p : y) {
            if (p instanceof Atom a) {
                out.add(a.key());
            }
        }
        return List.copyOf(out);
    }

    /** YES when the string surely holds a colon, NO when it surely does not. */
    private static Colon colon(List<Part> parts) {
        boolean maybe = false;
        for (Part p : parts) {
            if (p instanceof Lit l ? l.text().indexOf(':') >= 0 : ((Atom) p).colon() == Colon.YES) {
                return Colon.YES;
            }
            maybe |= p instanceof Atom a && a.colon() == Colon.MAYBE;
        }
        return maybe ? Colon.MAYBE : Colon.NO;
    }

    /** E.g. {@code "${AWS::StackName}-fraud"}. */
    private static String show(List<Part> parts) {
        StringBuilder sb = new StringBuilder("\"");
        for (Part p : parts) {
            sb.append(p instanceof Lit l ? l.text() : "${" + label((Atom) p) + "}");
        }
        return sb.append('"').toString();
    }

    private static String label(Atom a) {
        String k = a.key();
        if (k.startsWith("#")) {
            return k.substring(k.indexOf(' ') + 1);
        }
        if (k.startsWith("Ref ")) {
            return k.substring(4);
        }
        return k.startsWith("Fn::GetAtt ") ? k.substring("Fn::GetAtt ".length()) : k;
    }

    static boolean isString(Value v) {
        return v instanceof Value.Text || v instanceof Value.Symbolic || v instanceof Value.Concat
                || v instanceof Value.Unknown;
    }
}
