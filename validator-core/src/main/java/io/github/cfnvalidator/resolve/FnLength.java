package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.resolve.Concatenation.Partial;
import io.github.cfnvalidator.template.ScalarKind;
import java.util.ArrayList;
import java.util.List;

/** {@code Fn::Length}: the number of a list's items, per class of deployments (removed items not counted). */
final class FnLength implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome o : call.eval(call.arg(), call.scenario())) {
            if (!(o.value() instanceof Value.Items items)) {
                out.add(new Outcome(new Value.Unknown("Fn::Length of " + o.value().describe(), call.node()),
                        o.scenario()));
                continue;
            }
            List<Partial> acc = Partial.start(o.scenario());
            for (Value item : items.items()) {
                List<Partial> next = new ArrayList<>();
                for (Partial p : acc) {
                    for (Outcome io : call.force(item, p.scenario())) {
                        next.add(io.value() instanceof Value.Absent ? new Partial(p.parts(), io.scenario())
                                : p.plus(io.value(), io.scenario()));
                    }
                }
                call.spend(next.size());
                acc = next;
            }
            for (Partial p : acc) {
                out.add(new Outcome(new Value.Text(Integer.toString(p.parts().size()), ScalarKind.INTEGER,
                        call.node(), null), p.scenario()));
            }
        }
        return out;
    }
}
