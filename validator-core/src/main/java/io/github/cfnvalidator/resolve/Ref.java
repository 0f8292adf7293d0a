package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Ref}: a loop variable's value, {@code AWS::NoValue} (absent), a parameter or pseudo-parameter (split into
 * the values it may take when there are few, else symbolic), or a resource's physical id (known only after deploy).
 */
final class Ref implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        if (!(call.arg() instanceof ScalarNode name) || !name.isString()) {
            return call.unknown("Ref needs the name of a parameter or resource");
        }
        return reference(call.evaluator(), name.text(), call.node(), call.scenario(), call.ctx());
    }

    /** What a name refers to ({@code Ref Name}, {@code ${Name}} in {@code Fn::Sub}), written at {@code at}. */
    static List<Outcome> reference(Evaluator ev, String name, Node at, Scenario s, Context ctx) {
        Value bound = ctx.bindings().get(name);
        if (bound != null) {
            return ev.force(bound, s, ctx, 0);
        }
        if (name.equals("AWS::NoValue")) {
            return Evaluator.one(new Value.Absent(at), s);
        }
        Optional<ParameterDomain> d = ev.parameter(name, at);
        if (d.isPresent()) {
            return parameter(d.get(), at, s);
        }
        if (ev.isResource(name)) {
            return Evaluator.one(new Value.Unknown("Ref " + name + " is the physical id of resource " + name
                    + ", assigned at deploy time", at, name, null, "Ref " + name), s);
        }
        return Evaluator.one(new Value.Unknown("Ref " + name + " names no parameter or resource of this template",
                at), s);
    }

    /**
     * A parameter's value: the one the scenario (or a parameter file) fixes, each admissible value when there are
     * few (each forking the scenario), else a {@link Value.Symbolic} for all of them.
     */
    private static List<Outcome> parameter(ParameterDomain d, Node at, Scenario s) {
        String name = d.name();
        if (d.kind() == ParameterDomain.Kind.UNKNOWN) {
            return Evaluator.one(new Value.Unknown(d.unknownReason(), at, null, null, "Ref " + name), s);
        }
        if (d.kind() == ParameterDomain.Kind.LIST) {
            return list(d, at, s);
        }
        Optional<String> fixed = s.fixedValue(name);
        ScalarKind kind = d.kind() == ParameterDomain.Kind.NUMBER ? ScalarKind.DECIMAL : ScalarKind.STRING;
        if (fixed.isPresent()) {
            return Evaluator.one(new Value.Text(fixed.get(), kind, d.nodeOf(fixed.get()), name), s);
        }
        Set<String> excluded = s.excludedValues(name);
        Optional<List<String>> finite = d.finiteValues();
        if (finite.isPresent() && finite.get().size() <= ParameterDomain.MAX_ENUMERATED) {
            List<Outcome> out = new ArrayList<>();
            for (String v : finite.get()) {
                if (!excluded.contains(v)) {
                    out.add(new Outcome(new Value.Text(v, kind, d.nodeOf(v), name),
                            d.pinned().isPresent() ? s : s.fix(name, v)));
                }
            }
            return out;
        }
        return Evaluator.one(new Value.Symbolic(d, excluded, at), s);
    }

    /** A list parameter: its items when its value is fixed, else unknown. */
    private static List<Outcome> list(ParameterDomain d, Node at, Scenario s) {
        Optional<String> v = s.fixedValue(d.name()).or(d::pinned);
        if (v.isPresent()) {
            List<Value> items = new ArrayList<>();
            for (String part : v.get().split(",", -1)) {
                items.add(new Value.Text(part.strip(), ScalarKind.STRING, d.declaration(), d.name()));
            }
            return Evaluator.one(new Value.Items(items, at), s);
        }
        return Evaluator.one(new Value.Unknown("list parameter " + d.name() + " is chosen at deploy time", at), s);
    }
}
