package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.resolve.Resolver.Listing;
import io.github.cfnvalidator.resolve.Resolver.Reached;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Walking paths into values already reached ({@link Resolver#walk}, {@link Resolver#listings}): a key step resolves
 * the property's value (or the key an {@code Fn::ForEach} loop produces), an {@link Resolver#EACH} step each list
 * item, forking scenarios as the values demand; absent and unknown values pass through as the public API documents.
 */
final class Paths {
    private final Evaluator evaluator;
    private final ForEachLoops loops;
    private final int maxOutcomes;

    Paths(Evaluator evaluator, ForEachLoops loops, int maxOutcomes) {
        this.evaluator = evaluator;
        this.loops = loops;
        this.maxOutcomes = maxOutcomes;
    }

    /** Walks {@code steps} from every value of {@code start}, in the context of resource {@code r}. */
    List<Reached> walk(ResourceInstance r, List<Reached> start, String... steps) {
        Context ctx = Context.start(r.bindings(), maxOutcomes);
        List<Reached> acc = start;
        try {
            for (String step : steps) {
                List<Reached> next = new ArrayList<>();
                for (Reached at : acc) {
                    if (step.equals(Resolver.EACH)) {
                        eachItem(at, ctx, next);
                    } else {
                        key(at, step, ctx, next);
                    }
                }
                ctx.budget().spend(next.size());
                acc = next;
            }
        } catch (Budget.Exhausted x) {
            Reached first = start.get(0);
            return List.of(new Reached(new Value.Unknown("the value depends on more than " + maxOutcomes
                    + " combinations of parameter values and conditions, more than the resolver enumerates",
                    first.written()), first.scenario(), first.written(), first.indices()));
        }
        return acc;
    }

    /** The items of a list value per class of deployments (see {@link Resolver#listings}). */
    List<Listing> listings(ResourceInstance r, Reached list, Value.Items items) {
        Context ctx = Context.start(r.bindings(), maxOutcomes);
        List<Listing> acc = List.of(new Listing(List.of(), list.scenario()));
        try {
            for (int i = 0; i < items.items().size(); i++) {
                Value item = items.items().get(i);
                Node written = item instanceof Value.Lazy lazy ? lazy.origin() : item.origin();
                List<Integer> indices = new ArrayList<>(list.indices());
                indices.add(i);
                List<Listing> next = new ArrayList<>();
                for (Listing l : acc) {
                    for (Outcome o : evaluator.force(item, l.scenario(), ctx, 0)) {
                        List<Reached> present = new ArrayList<>(l.items());
                        if (!(o.value() instanceof Value.Absent)) {
                            present.add(new Reached(o.value(), o.scenario(), written, indices));
                        }
                        next.add(new Listing(present, o.scenario()));
                    }
                }
                ctx.budget().spend(next.size());
                acc = next;
            }
        } catch (Budget.Exhausted x) {
            return List.of(new Listing(List.of(new Reached(new Value.Unknown("the list's items depend on more than "
                    + maxOutcomes + " combinations of parameter values and conditions, more than the resolver "
                    + "enumerates", list.written()), list.scenario(), list.written(), list.indices())),
                    list.scenario()));
        }
        return acc;
    }

    private void key(Reached at, String key, Context ctx, List<Reached> out) {
        Value v = at.value();
        if (v instanceof Value.Unknown || v instanceof Value.Absent) {
            out.add(at);
            return;
        }
        if (!(v instanceof Value.Struct struct)) {
            out.add(new Reached(new Value.Unknown("expected a map holding " + key + " but found " + v.describe(),
                    v.origin()), at.scenario(), at.written(), at.indices()));
            return;
        }
        Node written = struct.map().get(key);
        for (Outcome o : member(struct, key, at.scenario(), ctx)) {
            out.add(new Reached(o.value(), o.scenario(), written == null ? struct.map() : written, at.indices()));
        }
    }

    private void eachItem(Reached at, Context ctx, List<Reached> out) {
        Value v = at.value();
        if (v instanceof Value.Absent) {
            return;
        }
        if (v instanceof Value.Unknown) {
            out.add(at);
            return;
        }
        if (!(v instanceof Value.Items items)) {
            out.add(new Reached(new Value.Unknown("expected a list but found " + v.describe(), v.origin()),
                    at.scenario(), at.written(), at.indices()));
            return;
        }
        for (int i = 0; i < items.items().size(); i++) {
            Value item = items.items().get(i);
            List<Integer> indices = new ArrayList<>(at.indices());
            indices.add(i);
            Node written = item instanceof Value.Lazy lazy ? lazy.origin() : item.origin();
            for (Outcome o : evaluator.force(item, at.scenario(), ctx, 0)) {
                if (!(o.value() instanceof Value.Absent)) {
                    out.add(new Reached(o.value(), o.scenario(), written, indices));
                }
            }
        }
    }

    /** A key of a map: its value resolved, the value an {@code Fn::ForEach} loop produces for it, or absent. */
    private List<Outcome> member(Value.Struct struct, String key, Scenario s, Context ctx) {
        Node v = struct.map().get(key);
        if (v == null) {
            for (MapNode.Entry loop : struct.map().entries()) {
                if (loop.key().startsWith(Template.FOR_EACH_PREFIX)) {
                    List<Outcome> produced = loops.producedKey(loop, key, s, ctx);
                    if (produced != null) {
                        return produced;
                    }
                }
            }
            return Evaluator.one(new Value.Absent(struct.map()), s);
        }
        return evaluator.eval(v, s, ctx, 0);
    }
}
