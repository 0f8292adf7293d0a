package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/** {@code Fn::If}: the condition decided per class of deployments, and the branch each decision picks. */
final class FnIf implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        if (!(call.arg() instanceof ListNode l) || l.size() != 3 || !(l.get(0) instanceof ScalarNode name)) {
            return call.unknown("Fn::If needs a condition name and two values");
        }
        List<Outcome> out = new ArrayList<>();
        for (Resolver.Decision d : call.evaluator().condition(name.text(), name, call.scenario(), call.ctx())) {
            out.addAll(call.eval(l.get(d.value() ? 1 : 2), d.scenario()));
        }
        return out;
    }
}
