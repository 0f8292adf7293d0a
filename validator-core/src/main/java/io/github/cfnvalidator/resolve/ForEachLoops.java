package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Resource;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Fn::ForEach} ({@code AWS::LanguageExtensions}): loops in Resources expanded into {@link ResourceInstance}s
 * with their loop variables bound (a collection known only at deploy time binds the variable to an
 * {@link Value.Unknown}), and a key a loop inside a properties map produces, found when the key is read.
 */
final class ForEachLoops {
    private final Evaluator evaluator;
    private final int maxOutcomes;

    ForEachLoops(Evaluator evaluator, int maxOutcomes) {
        this.evaluator = evaluator;
        this.maxOutcomes = maxOutcomes;
    }

    // ------------------------------------------------------------------------------------------------ in Resources

    /** Adds the resources a loop of Resources (and the loops nested in it) declares, under {@code outer}'s bindings. */
    void expand(MapNode.Entry loop, Map<String, Value> outer, List<ResourceInstance> out) {
        String loopName = loop.key();
        if (!(loop.value() instanceof ListNode args) || args.size() != 3
                || !(args.get(0) instanceof ScalarNode id) || !(args.get(2) instanceof MapNode body)) {
            return;
        }
        List<Value> values = collection(args.get(1), outer, loopName, id.text());
        for (Value v : values) {
            Map<String, Value> bindings = new LinkedHashMap<>(outer);
            bindings.put(id.text(), v);
            String text = v instanceof Value.Text t ? t.text() : null;
            for (MapNode.Entry e : body.entries()) {
                if (e.key().startsWith(Template.FOR_EACH_PREFIX)) {
                    expand(e, bindings, out);
                    continue;
                }
                if (!(e.value() instanceof MapNode decl)) {
                    continue;
                }
                String logicalId = text == null ? e.key() : substituteKey(e.key(), id.text(), text);
                for (Map.Entry<String, Value> b : outer.entrySet()) {
                    if (b.getValue() instanceof Value.Text bt) {
                        logicalId = substituteKey(logicalId, b.getKey(), bt.text());
                    }
                }
                out.add(new ResourceInstance(Resource.of(logicalId, e.keyLocation(), decl), bindings, loopName));
            }
        }
    }

    /** The values a loop variable takes: the collection's items when all are literal, else one unknown. */
    private List<Value> collection(Node collection, Map<String, Value> outer, String loopName, String id) {
        List<Outcome> outcomes;
        try {
            outcomes = evaluator.eval(collection, Scenario.ANY, Context.start(outer, maxOutcomes), 0);
        } catch (Budget.Exhausted e) {
            outcomes = List.of();
        }
        if (outcomes.size() == 1 && outcomes.get(0).value() instanceof Value.Items items) {
            List<Value> values = new ArrayList<>();
            boolean concrete = true;
            for (Value item : items.items()) {
                List<Outcome> forced;
                try {
                    forced = evaluator.force(item, Scenario.ANY, Context.start(outer, maxOutcomes), 0);
                } catch (Budget.Exhausted e) {
                    forced = List.of();
                }
                if (forced.size() == 1 && forced.get(0).value() instanceof Value.Text t) {
                    values.add(t);
                } else {
                    concrete = false;
                }
            }
            if (concrete) {
                return values;
            }
        }
        return List.of(new Value.Unknown("loop variable " + id + " of " + loopName
                + " ranges over a collection that is known only at deploy time", collection));
    }

    private static String substituteKey(String key, String id, String value) {
        String alnum = value.replaceAll("[^A-Za-z0-9]", "");
        return key.replace("${" + id + "}", value).replace("&{" + id + "}", alnum);
    }

    // ------------------------------------------------------------------------------------------------ in properties

    /**
     * A key an {@code Fn::ForEach} loop inside a map produces: its value with the loop variable bound, or an
     * {@link Value.Unknown} when the loop cannot be expanded exactly (a collection known only at deploy time, a
     * nested loop); {@code null} when the loop does not produce the key.
     */
    List<Outcome> producedKey(MapNode.Entry loop, String key, Scenario s, Context ctx) {
        Value.Unknown unexpanded = new Value.Unknown(key + " may be produced by " + loop.key() + ", which is not "
                + "expanded inside properties", loop.value());
        if (!(loop.value() instanceof ListNode args) || args.size() != 3 || !(args.get(0) instanceof ScalarNode id)
                || !(args.get(2) instanceof MapNode body)) {
            return Evaluator.one(unexpanded, s);
        }
        List<Outcome> collection = evaluator.eval(args.get(1), s, ctx, 0);
        if (collection.size() != 1 || !(collection.get(0).value() instanceof Value.Items items)) {
            return Evaluator.one(unexpanded, s);
        }
        List<Outcome> found = null;
        for (Value item : items.items()) {
            List<Outcome> forced = evaluator.force(item, s, ctx, 0);
            if (forced.size() != 1 || !(forced.get(0).value() instanceof Value.Text t)) {
                return Evaluator.one(unexpanded, s);
            }
            for (MapNode.Entry e : body.entries()) {
                if (e.key().startsWith(Template.FOR_EACH_PREFIX)) {
                    return Evaluator.one(unexpanded, s);
                }
                if (!produces(e.key(), id.text(), t, ctx).equals(key)) {
                    continue;
                }
                if (found != null) {
                    return Evaluator.one(new Value.Unknown(loop.key() + " produces " + key + " more than once",
                            loop.value()), s);
                }
                found = evaluator.eval(e.value(), s, ctx.with(Map.of(id.text(), t)), 0);
                boolean lazy = found.stream().anyMatch(o -> o.value() instanceof Value.Struct
                        || o.value() instanceof Value.Items);
                if (lazy && mentions(e.value(), id.text())) {
                    // a map or list resolves lazily, outside the loop: its use of the variable stays unexpanded
                    return Evaluator.one(unexpanded, s);
                }
            }
        }
        return found;
    }

    /** The key a loop body's key becomes for one value of the loop variable (and the text bindings around it). */
    private static String produces(String bodyKey, String id, Value.Text value, Context ctx) {
        String produced = substituteKey(bodyKey, id, value.text());
        for (Map.Entry<String, Value> b : ctx.bindings().entrySet()) {
            if (b.getValue() instanceof Value.Text bt) {
                produced = substituteKey(produced, b.getKey(), bt.text());
            }
        }
        return produced;
    }

    /** Whether any text in a subtree contains a name (conservatively: a loop variable may be used there). */
    private static boolean mentions(Node n, String name) {
        if (n instanceof ScalarNode sc) {
            return sc.text().contains(name);
        }
        if (n instanceof ListNode l) {
            return l.items().stream().anyMatch(i -> mentions(i, name));
        }
        MapNode m = (MapNode) n;
        return m.entries().stream().anyMatch(e -> e.key().contains(name) || mentions(e.value(), name));
    }
}
