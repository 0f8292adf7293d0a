package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.resolve.Concatenation.Partial;
import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Fn::Sub}, inline or with a variable map: each {@code ${Name}} is a variable of the map, a reference (as
 * {@code Ref}) or, for {@code ${Resource.Attribute}}, an attribute known only after deploy.
 */
final class FnSub implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        Node text = call.arg();
        Map<String, Node> vars = new LinkedHashMap<>();
        if (call.arg() instanceof ListNode l) {
            if (l.size() < 1) {
                return call.unknown("Fn::Sub needs a string");
            }
            text = l.get(0);
            if (l.size() > 1 && l.get(1) instanceof MapNode m) {
                for (MapNode.Entry e : m.entries()) {
                    vars.put(e.key(), e.value());
                }
            }
        }
        if (!(text instanceof ScalarNode str)) {
            return call.unknown("the Fn::Sub string is not a literal");
        }
        List<Partial> acc = Partial.start(call.scenario());
        for (Object seg : SubString.parse(str.text())) {
            List<Partial> next = new ArrayList<>();
            for (Partial p : acc) {
                if (seg instanceof String lit) {
                    next.add(p.plus(new Value.Text(lit, ScalarKind.STRING, str, null), p.scenario()));
                    continue;
                }
                for (Outcome o : variable(call, (SubString.Variable) seg, vars, str, p.scenario())) {
                    next.add(p.plus(o.value(), o.scenario()));
                }
            }
            call.spend(next.size());
            acc = next;
        }
        return Partial.concatenated(acc, call.node());
    }

    private static List<Outcome> variable(Call call, SubString.Variable var, Map<String, Node> vars, ScalarNode str,
                                          Scenario s) {
        if (vars.containsKey(var.name())) {
            return call.eval(vars.get(var.name()), s);
        }
        if (var.attribute() != null) {
            return Evaluator.one(new Value.Unknown("${" + var.name() + "." + var.attribute() + "} is an attribute "
                    + "of resource " + var.name() + ", known only after deploy", str, var.name(), var.attribute(),
                    "Fn::GetAtt " + var.name() + "." + var.attribute()), s);
        }
        return Ref.reference(call.evaluator(), var.name(), str, s, call.ctx());
    }
}
