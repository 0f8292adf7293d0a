package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.resolve.Concatenation.Partial;
import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.ScalarKind;
import java.util.ArrayList;
import java.util.List;

/** {@code Fn::Join}: a literal delimiter between the list's items (items {@code AWS::NoValue} removes left out). */
final class FnJoin implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        if (!(call.arg() instanceof ListNode l) || l.size() != 2) {
            return call.unknown("Fn::Join needs a delimiter and a list");
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome d : call.eval(l.get(0), call.scenario())) {
            if (!(d.value() instanceof Value.Text delim)) {
                out.add(new Outcome(new Value.Unknown("the Fn::Join delimiter is not a literal", call.node()),
                        d.scenario()));
                continue;
            }
            for (Outcome list : call.eval(l.get(1), d.scenario())) {
                if (list.value() instanceof Value.Items items) {
                    out.addAll(join(call, delim, items, list.scenario()));
                } else {
                    out.add(new Outcome(list.value() instanceof Value.Unknown u ? u.derived()
                            : new Value.Unknown("Fn::Join of " + list.value().describe(), call.node()),
                            list.scenario()));
                }
            }
        }
        return out;
    }

    private static List<Outcome> join(Call call, Value.Text delim, Value.Items items, Scenario s) {
        List<Partial> acc = Partial.start(s);
        for (Value item : items.items()) {
            List<Partial> next = new ArrayList<>();
            for (Partial p : acc) {
                for (Outcome o : call.force(item, p.scenario())) {
                    if (o.value() instanceof Value.Absent) {
                        next.add(new Partial(p.parts(), o.scenario()));
                        continue;
                    }
                    List<Value> parts = new ArrayList<>(p.parts());
                    if (!parts.isEmpty() && !delim.text().isEmpty()) {
                        parts.add(new Value.Text(delim.text(), ScalarKind.STRING, delim.origin(), null));
                    }
                    parts.add(o.value());
                    next.add(new Partial(parts, o.scenario()));
                }
            }
            call.spend(next.size());
            acc = next;
        }
        return Partial.concatenated(acc, call.node());
    }
}
