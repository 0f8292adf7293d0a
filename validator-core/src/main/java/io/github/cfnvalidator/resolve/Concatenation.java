package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The string and list functions' shared pieces: a partial result (the parts built so far, in a scenario) and the
 * joining of parts into one string value.
 */
final class Concatenation {
    private Concatenation() {
    }

    /** Parts built so far in one class of deployments. */
    record Partial(List<Value> parts, Scenario scenario) {
        /** An empty start. */
        static List<Partial> start(Scenario s) {
            return List.of(new Partial(List.of(), s));
        }

        /** Each partial result joined into one string value ({@link #concat}), written at {@code at}. */
        static List<Outcome> concatenated(List<Partial> partials, Node at) {
            List<Outcome> out = new ArrayList<>();
            for (Partial p : partials) {
                out.add(new Outcome(concat(p.parts(), at), p.scenario()));
            }
            return out;
        }

        /** These parts and one more, in scenario {@code s}. */
        Partial plus(Value v, Scenario s) {
            List<Value> l = new ArrayList<>(parts);
            l.add(v);
            return new Partial(l, s);
        }
    }

    /** Joins parts into one string value: text when every part is concrete, else a {@link Value.Concat}. */
    static Value concat(List<Value> parts, Node at) {
        StringBuilder sb = new StringBuilder();
        List<Value> flat = new ArrayList<>();
        boolean concrete = true;
        for (Value v : parts) {
            if (v instanceof Value.Text t) {
                sb.append(t.text());
                flat.add(v);
            } else if (v instanceof Value.Concat c) {
                concrete = false;
                flat.addAll(c.parts());
            } else if (v instanceof Value.Symbolic || v instanceof Value.Unknown) {
                concrete = false;
                flat.add(v);
            } else {
                return new Value.Unknown("a joined value is " + v.describe() + ", not a string", at);
            }
        }
        if (concrete) {
            if (parts.size() == 1 && parts.get(0) instanceof Value.Text only) {
                return only; // "${Count}" is Count itself: keep where the value comes from
            }
            return new Value.Text(sb.toString(), ScalarKind.STRING, at, null);
        }
        List<Value> nonEmpty = flat.stream().filter(v -> !(v instanceof Value.Text t && t.text().isEmpty())).toList();
        if (nonEmpty.size() == 1 && nonEmpty.get(0) instanceof Value.Symbolic sym) {
            return sym;
        }
        return new Value.Concat(flat, at);
    }
}
