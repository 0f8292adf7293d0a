package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Fn::FindInMap} (with the {@code DefaultValue} option): a key that is a parameter with a large domain forks
 * over the mapping's keys (and "any other value"); a missing key without a default means CloudFormation refuses the
 * deployment, which therefore gives no outcome.
 */
final class FnFindInMap implements Intrinsic {
    /** A key looked up in one level of a mapping: the node found, or null for a miss (or an unknown key). */
    private record Keyed(Node node, Scenario scenario, Value.Unknown unknown) {
    }

    @Override
    public List<Outcome> apply(Call call) {
        if (!(call.arg() instanceof ListNode l) || l.size() < 3) {
            return call.unknown("Fn::FindInMap needs a map name and two keys");
        }
        Node defaultValue = null;
        if (l.size() >= 4 && l.get(3) instanceof MapNode opts) {
            defaultValue = opts.get("DefaultValue");
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome mapName : call.eval(l.get(0), call.scenario())) {
            if (!(mapName.value() instanceof Value.Text t)) {
                out.add(new Outcome(unknownKey(mapName.value(), call.node()), mapName.scenario()));
                continue;
            }
            Node mapping = call.evaluator().template().mappings().get(t.text());
            if (!(mapping instanceof MapNode top)) {
                out.add(new Outcome(new Value.Unknown("mapping " + t.text() + " is not defined", call.node()),
                        mapName.scenario()));
                continue;
            }
            for (Keyed first : lookup(call, top, l.get(1), mapName.scenario())) {
                if (first.node() == null) {
                    out.addAll(fallback(call, defaultValue, first.scenario(), first.unknown()));
                } else if (first.node() instanceof MapNode second) {
                    for (Keyed leaf : lookup(call, second, l.get(2), first.scenario())) {
                        out.addAll(leaf.node() == null ? fallback(call, defaultValue, leaf.scenario(), leaf.unknown())
                                : call.eval(leaf.node(), leaf.scenario()));
                    }
                }
            }
        }
        return out;
    }

    private static List<Outcome> fallback(Call call, Node defaultValue, Scenario s, Value.Unknown unknown) {
        if (unknown != null) {
            return Evaluator.one(unknown.derived(), s);
        }
        if (defaultValue != null) {
            return call.eval(defaultValue, s);
        }
        return List.of(); // CloudFormation refuses the deployment: a missing key without DefaultValue
    }

    private static Value.Unknown unknownKey(Value v, Node at) {
        if (v instanceof Value.Unknown u) {
            return u;
        }
        return new Value.Unknown("the Fn::FindInMap key is " + v.describe(), at);
    }

    private static List<Keyed> lookup(Call call, MapNode level, Node keyExpr, Scenario s) {
        List<Keyed> out = new ArrayList<>();
        for (Outcome k : call.eval(keyExpr, s)) {
            Value v = k.value();
            if (v instanceof Value.Text t) {
                out.add(new Keyed(level.get(t.text()), k.scenario(), null));
            } else if (v instanceof Value.Symbolic p) {
                split(level, p, k.scenario(), out);
            } else {
                out.add(new Keyed(null, k.scenario(), unknownKey(v, keyExpr)));
            }
        }
        call.spend(out.size());
        return out;
    }

    /** A parameter as a key: one case per key of the level it admits, and a miss for any other value. */
    private static void split(MapNode level, Value.Symbolic p, Scenario s, List<Keyed> out) {
        String name = p.domain().name();
        Set<String> excluded = new LinkedHashSet<>(p.excluded());
        for (String key : level.keys()) {
            if (p.domain().admits(key) && !p.excluded().contains(key)) {
                out.add(new Keyed(level.get(key), s.fix(name, key), null));
            }
            excluded.add(key);
        }
        if (p.domain().admitsOtherThan(excluded)) {
            Scenario other = s;
            for (String key : level.keys()) {
                other = other.exclude(name, key);
            }
            out.add(new Keyed(null, other, null));
        }
    }
}
