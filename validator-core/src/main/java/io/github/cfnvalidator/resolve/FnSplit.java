package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code Fn::Split}: a literal string cut at a literal delimiter; anything else is unknown. */
final class FnSplit implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        if (!(call.arg() instanceof ListNode l) || l.size() != 2) {
            return call.unknown("Fn::Split needs a delimiter and a string");
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome d : call.eval(l.get(0), call.scenario())) {
            for (Outcome src : call.eval(l.get(1), d.scenario())) {
                if (d.value() instanceof Value.Text delim && src.value() instanceof Value.Text text
                        && !delim.text().isEmpty()) {
                    List<Value> items = new ArrayList<>();
                    for (String part : text.text().split(Pattern.quote(delim.text()), -1)) {
                        items.add(new Value.Text(part, ScalarKind.STRING, text.origin(), text.parameter()));
                    }
                    out.add(new Outcome(new Value.Items(items, call.node()), src.scenario()));
                } else {
                    String why = src.value() instanceof Value.Unknown u ? u.reason()
                            : "Fn::Split of " + src.value().describe();
                    out.add(new Outcome(new Value.Unknown(why, call.node()), src.scenario()));
                }
            }
        }
        return out;
    }
}
