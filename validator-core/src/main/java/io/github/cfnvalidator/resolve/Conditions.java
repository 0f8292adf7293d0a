package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides conditions by the parameter values behind them, never by their names: {@code Condition},
 * {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or} and {@code Fn::Equals}, each to the list of truth values it takes
 * with the scenario of each. Comparing a parameter with a literal splits the parameter into "equal" and "different";
 * what cannot be decided before deploy gives both truth values, each noted as an assumption.
 */
final class Conditions {
    /** Symbolic equality of two strings (the resolver's {@link Resolver#equal(Value, Value, Scenario)}). */
    interface SymbolicEquality {
        Equality equal(Value a, Value b, Scenario s);
    }

    private final Evaluator evaluator;
    private final SymbolicEquality equality;

    Conditions(Evaluator evaluator, SymbolicEquality equality) {
        this.evaluator = evaluator;
        this.equality = equality;
    }

    /** The decisions of a named condition ({@code at}: where the name is written, or null). */
    List<Resolver.Decision> condition(String name, Node at, Scenario s, Context ctx) {
        Node body = evaluator.template().conditions().get(name);
        if (body == null) {
            return undecided(s, "condition " + name, "it is not defined");
        }
        if (ctx.conditions().contains(name)) {
            return undecided(s, "condition " + name, "it refers to itself");
        }
        ctx.conditions().push(name);
        try {
            return decide(body, s, ctx, 0);
        } finally {
            ctx.conditions().pop();
        }
    }

    /** Both truth values, each noted as an assumption: "X is true (cannot be decided before deploy: why)". */
    private static List<Resolver.Decision> undecided(Scenario s, String what, String why) {
        return List.of(new Resolver.Decision(true, s.note(what + " is true (undecidable before deploy: " + why + ")")),
                new Resolver.Decision(false, s.note(what + " is false (undecidable before deploy: " + why + ")")));
    }

    private List<Resolver.Decision> decide(Node n, Scenario s, Context ctx, int depth) {
        if (depth > Evaluator.MAX_DEPTH) {
            return undecided(s, "a condition at line " + n.location().line(), "it is nested too deeply");
        }
        if (n instanceof ScalarNode sc) {
            if (sc.kind() == ScalarKind.BOOLEAN || sc.text().equals("true") || sc.text().equals("false")) {
                return List.of(new Resolver.Decision(sc.text().equalsIgnoreCase("true"), s));
            }
            return condition(sc.text(), sc, s, ctx);
        }
        MapNode m = n.asMap();
        Optional<String> fn = m == null ? Optional.empty() : m.intrinsicName();
        if (fn.isEmpty()) {
            return undecided(s, "the condition at line " + n.location().line(), "it is not a condition function");
        }
        Node arg = m.get(fn.get());
        List<Resolver.Decision> out = switch (fn.get()) {
            case "Condition" -> arg instanceof ScalarNode name ? condition(name.text(), arg, s, ctx)
                    : undecided(s, "the condition at line " + m.location().line(),
                    "a Condition reference without a name");
            case "Fn::Not" -> not(arg, s, ctx, depth);
            case "Fn::And", "Fn::Or" -> andOr(fn.get().equals("Fn::And"), arg, s, ctx, depth);
            case "Fn::Equals" -> equals(m, arg, s, ctx, depth);
            default -> undecided(s, fn.get() + " at line " + m.location().line(), "it is not a condition function");
        };
        ctx.budget().spend(out.size());
        return out;
    }

    private List<Resolver.Decision> not(Node arg, Scenario s, Context ctx, int depth) {
        Node inner = arg instanceof ListNode l && l.size() == 1 ? l.get(0) : arg;
        List<Resolver.Decision> out = new ArrayList<>();
        for (Resolver.Decision d : decide(inner, s, ctx, depth + 1)) {
            out.add(new Resolver.Decision(!d.value(), d.scenario()));
        }
        return out;
    }

    private List<Resolver.Decision> andOr(boolean and, Node arg, Scenario s, Context ctx, int depth) {
        List<Resolver.Decision> acc = List.of(new Resolver.Decision(and, s));
        List<Node> parts = arg instanceof ListNode l ? l.items() : List.of(arg);
        for (Node part : parts) {
            List<Resolver.Decision> next = new ArrayList<>();
            for (Resolver.Decision d : acc) {
                if (d.value() != and) {
                    next.add(d); // already decided: false for And, true for Or
                } else {
                    next.addAll(decide(part, d.scenario(), ctx, depth + 1));
                }
            }
            ctx.budget().spend(next.size());
            acc = next;
        }
        return acc;
    }

    private List<Resolver.Decision> equals(MapNode call, Node arg, Scenario s, Context ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return undecided(s, "Fn::Equals at line " + call.location().line(), "it does not have two arguments");
        }
        List<Resolver.Decision> out = new ArrayList<>();
        for (Outcome a : evaluator.eval(l.get(0), s, ctx, depth + 1)) {
            for (Outcome b : evaluator.eval(l.get(1), a.scenario(), ctx, depth + 1)) {
                out.addAll(compare(a.value(), b.value(), b.scenario(), call));
            }
        }
        return out;
    }

    private List<Resolver.Decision> compare(Value a, Value b, Scenario s, MapNode call) {
        if (a instanceof Value.Text ta && b instanceof Value.Text tb) {
            return List.of(new Resolver.Decision(sameText(ta, tb), s));
        }
        if (a instanceof Value.Symbolic sa && b instanceof Value.Text tb) {
            return splitOn(sa, tb.text(), s);
        }
        if (b instanceof Value.Symbolic sb && a instanceof Value.Text ta) {
            return splitOn(sb, ta.text(), s);
        }
        if (a instanceof Value.Symbolic sa && b instanceof Value.Symbolic sb
                && sa.domain().name().equals(sb.domain().name())) {
            return List.of(new Resolver.Decision(true, s));
        }
        if (a instanceof Value.Absent && b instanceof Value.Absent) {
            return List.of(new Resolver.Decision(true, s));
        }
        if (Equalities.isString(a) && Equalities.isString(b)) {
            return equality.equal(a, b, s).decisions("Fn::Equals at line " + call.location().line());
        }
        String why = a instanceof Value.Unknown u ? u.reason() : b instanceof Value.Unknown u2 ? u2.reason()
                : "its values are only known at deploy time";
        return undecided(s, "Fn::Equals at line " + call.location().line(), why);
    }

    private static boolean sameText(Value.Text a, Value.Text b) {
        if (a.text().equals(b.text())) {
            return true;
        }
        Optional<BigDecimal> x = a.number();
        Optional<BigDecimal> y = b.number();
        return x.isPresent() && y.isPresent() && x.get().compareTo(y.get()) == 0;
    }

    /** Splits a symbolic parameter on a literal: equal to it, or different. */
    private static List<Resolver.Decision> splitOn(Value.Symbolic p, String literal, Scenario s) {
        String name = p.domain().name();
        List<Resolver.Decision> out = new ArrayList<>(2);
        if (p.domain().admits(literal) && !p.excluded().contains(literal)) {
            out.add(new Resolver.Decision(true, s.fix(name, literal)));
        }
        Set<String> without = new HashSet<>(p.excluded());
        without.add(literal);
        if (p.domain().admitsOtherThan(without)) {
            out.add(new Resolver.Decision(false, s.exclude(name, literal)));
        }
        return out;
    }
}
