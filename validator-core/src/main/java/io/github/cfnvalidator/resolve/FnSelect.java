package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code Fn::Select}: one item of a list; an index out of range means CloudFormation refuses the deployment. */
final class FnSelect implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        if (!(call.arg() instanceof ListNode l) || l.size() != 2) {
            return call.unknown("Fn::Select needs an index and a list");
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome idx : call.eval(l.get(0), call.scenario())) {
            Optional<BigDecimal> n = idx.value() instanceof Value.Text t ? t.number() : Optional.empty();
            if (n.isEmpty()) {
                out.add(new Outcome(new Value.Unknown("the Fn::Select index is " + idx.value().describe(),
                        call.node()), idx.scenario()));
                continue;
            }
            for (Outcome list : call.eval(l.get(1), idx.scenario())) {
                if (list.value() instanceof Value.Items items) {
                    int i = n.get().intValue();
                    if (i >= 0 && i < items.items().size()) {
                        out.addAll(call.force(items.items().get(i), list.scenario()));
                    } // else CloudFormation refuses the deployment
                } else if (list.value() instanceof Value.Unknown u) {
                    out.add(new Outcome(new Value.Unknown("an item of a list that is unknown before deploy ("
                            + u.reason() + ")", call.node(), u.resource(), u.attribute()), list.scenario()));
                } else {
                    out.add(new Outcome(new Value.Unknown("Fn::Select from " + list.value().describe(),
                            call.node()), list.scenario()));
                }
            }
        }
        return out;
    }
}
