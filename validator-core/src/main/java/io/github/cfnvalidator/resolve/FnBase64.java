package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ScalarKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** {@code Fn::Base64}: the encoding of a literal string (UTF-8); anything else is unknown. */
final class FnBase64 implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome o : call.eval(call.arg(), call.scenario())) {
            if (o.value() instanceof Value.Text t) {
                String enc = Base64.getEncoder().encodeToString(t.text().getBytes(StandardCharsets.UTF_8));
                out.add(new Outcome(new Value.Text(enc, ScalarKind.STRING, call.node(), null), o.scenario()));
            } else {
                out.add(new Outcome(new Value.Unknown("Fn::Base64 of " + o.value().describe(), call.node()),
                        o.scenario()));
            }
        }
        return out;
    }
}
