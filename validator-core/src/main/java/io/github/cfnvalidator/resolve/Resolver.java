package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Parameter;
import io.github.cfnvalidator.template.Resource;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates template values over every deployment the template admits. A value resolves to a list of
 * {@link Outcome}s: each a {@link Value} and the {@link Scenario} (parameter choices, conditions) that gives it.
 *
 * <p>Parameters are split lazily into the classes the template distinguishes: when a condition compares a parameter
 * with a literal, the resolver forks into "the parameter is that literal" and "it is something else"; when a
 * parameter with a short list of admissible values is used, it forks per value. Conditions are therefore decided by
 * the parameters behind them (two conditions over one parameter stay consistent), and every outcome carries its
 * witness. The number of outcomes of one call is bounded ({@link #MAX_OUTCOMES}); beyond it the answer is an
 * {@link Value.Unknown} that says so, never a silent pass.
 *
 * <p>This class is the public API; the work is done by package-private parts: {@code Evaluator} (a node to its
 * outcomes) with {@code FunctionTable} (one class per intrinsic function), {@code Conditions} (condition
 * functions, splitting parameters), {@code Paths} (walking into values), {@code ForEachLoops} ({@code Fn::ForEach}
 * expansion) and {@code Equalities} (symbolic equality).
 *
 * <p>Immutable after construction; one resolver serves every rule checking one template.
 */
public final class Resolver {
    /** The most outcomes one call may produce before the answer becomes unknown. */
    public static final int MAX_OUTCOMES = 4096;

    /** The path step that goes into every item of a list ({@code ProductionVariants -> * -> InstanceType}). */
    public static final String EACH = "*";

    private final Template template;
    private final Map<String, ParameterDomain> domains;
    private final int maxOutcomes;
    private final Evaluator evaluator;
    private final Paths paths;
    private final List<ResourceInstance> resources;
    private final Map<String, ResourceInstance> byId;

    private Resolver(Template template, ParameterValues pinned, int maxOutcomes) {
        this.template = template;
        this.maxOutcomes = maxOutcomes;
        Map<String, ParameterDomain> d = new LinkedHashMap<>();
        for (Parameter p : template.parameters().values()) {
            d.put(p.name(), ParameterDomain.of(p, pinned.values().get(p.name()), pinned.source()));
        }
        this.domains = Collections.unmodifiableMap(d);
        this.evaluator = new Evaluator(template, domains, pinned, this::isResource, this::equal);
        ForEachLoops loops = new ForEachLoops(evaluator, maxOutcomes);
        this.paths = new Paths(evaluator, loops, maxOutcomes);
        List<ResourceInstance> list = new ArrayList<>();
        for (Resource r : template.resources().values()) {
            list.add(new ResourceInstance(r, Map.of(), null));
        }
        for (MapNode.Entry loop : template.resourceLoops()) {
            loops.expand(loop, Map.of(), list);
        }
        this.resources = List.copyOf(list);
        Map<String, ResourceInstance> ids = new LinkedHashMap<>();
        for (ResourceInstance r : resources) {
            ids.putIfAbsent(r.logicalId(), r);
        }
        this.byId = Collections.unmodifiableMap(ids);
    }

    /** A resolver for a template with deploy-time values pinned (may be empty). */
    public static Resolver of(Template template, ParameterValues pinned) {
        return new Resolver(template, pinned, MAX_OUTCOMES);
    }

    /** A resolver with a custom outcome bound (for tests of the bound). */
    public static Resolver of(Template template, ParameterValues pinned, int maxOutcomes) {
        return new Resolver(template, pinned, maxOutcomes);
    }

    /** The template. */
    public Template template() {
        return template;
    }

    /** Every resource, loop instances included. */
    public List<ResourceInstance> resources() {
        return resources;
    }

    /** Resources of one type. */
    public List<ResourceInstance> resourcesOfType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** A resource by logical id. */
    public Optional<ResourceInstance> resource(String logicalId) {
        return Optional.ofNullable(byId.get(logicalId));
    }

    /** Whether a name is a resource's logical id (loop instances included). */
    private boolean isResource(String name) {
        Map<String, ResourceInstance> ids = byId; // null while the constructor expands Fn::ForEach loops
        return ids != null ? ids.containsKey(name) : template.resources().containsKey(name);
    }

    /** The domain of a declared parameter. */
    public Optional<ParameterDomain> domain(String parameter) {
        return Optional.ofNullable(domains.get(parameter));
    }

    // ------------------------------------------------------------------------------------------------ conditions

    /**
     * A condition's truth in one class of deployments.
     *
     * @param value    whether the condition holds
     * @param scenario the choices under which it does
     */
    public record Decision(boolean value, Scenario scenario) {
    }

    /** The scenarios in which a resource exists: its Condition is true ({@link Scenario#ANY} without one). */
    public List<Scenario> whenExists(ResourceInstance r) {
        Optional<String> c = r.resource().condition();
        if (c.isEmpty()) {
            return List.of(Scenario.ANY);
        }
        try {
            List<Scenario> out = new ArrayList<>();
            for (Decision d : evaluator.condition(c.get(), r.resource().node().get("Condition"), Scenario.ANY,
                    Context.start(r.bindings(), maxOutcomes))) {
                if (d.value()) {
                    out.add(d.scenario());
                }
            }
            return out;
        } catch (Budget.Exhausted e) {
            return List.of(Scenario.ANY.note("condition " + c.get() + " has too many parameter combinations to "
                    + "decide (more than " + maxOutcomes + "), so it is assumed true"));
        }
    }

    /** The outcomes of a named condition. */
    public List<Decision> condition(ResourceInstance r, String name, Scenario scenario) {
        try {
            return evaluator.condition(name, null, scenario, Context.start(r == null ? Map.of() : r.bindings(),
                    maxOutcomes));
        } catch (Budget.Exhausted e) {
            return List.of(new Decision(true, scenario.note("condition " + name + " assumed true (too many "
                    + "combinations)")), new Decision(false, scenario.note("condition " + name
                    + " assumed false (too many combinations)")));
        }
    }

    // ------------------------------------------------------------------------------------------------ values

    /** Resolves a node in the context of a resource (its loop variables), starting from a scenario. */
    public List<Outcome> resolve(ResourceInstance r, Node node, Scenario scenario) {
        return guarded(node, scenario, r, ctx -> evaluator.eval(node, scenario, ctx, 0));
    }

    /** Resolves a node with no resource context. */
    public List<Outcome> resolve(Node node, Scenario scenario) {
        return guarded(node, scenario, null, ctx -> evaluator.eval(node, scenario, ctx, 0));
    }

    /** Resolves a possibly lazy value (an item of a literal list) into outcomes. */
    public List<Outcome> force(ResourceInstance r, Value value, Scenario scenario) {
        return guarded(value.origin(), scenario, r, ctx -> evaluator.force(value, scenario, ctx, 0));
    }

    /** One evaluation with its own budget; past the budget, one unknown outcome that says so. */
    private List<Outcome> guarded(Node at, Scenario scenario, ResourceInstance r,
                                  Function<Context, List<Outcome>> evaluation) {
        try {
            return evaluation.apply(Context.start(r == null ? Map.of() : r.bindings(), maxOutcomes));
        } catch (Budget.Exhausted x) {
            return List.of(new Outcome(new Value.Unknown("the value depends on more than " + maxOutcomes
                    + " combinations of parameter values and conditions, more than the resolver enumerates", at),
                    scenario));
        }
    }

    // ------------------------------------------------------------------------------------------------ paths

    /**
     * A value reached by walking a path into a resource's Properties, in one class of deployments.
     *
     * @param value    what is there: a value, {@link Value.Absent} where a key is missing or removed, or
     *                 {@link Value.Unknown} naming what blocked the walk (its origin is the blocking intrinsic)
     * @param scenario the deployments that give it (the witness)
     * @param written  the node written at that place of its parent map or list, before resolving (a literal, or the
     *                 intrinsic function that produces the value; for an absent key, the map that lacks it)
     * @param indices  the positions, as written, of the list items the path went through
     */
    public record Reached(Value value, Scenario scenario, Node written, List<Integer> indices) {
        public Reached {
            indices = List.copyOf(indices);
        }

        /** The value and its scenario. */
        public Outcome outcome() {
            return new Outcome(value, scenario);
        }

        /** The position of the last list item the path went through, or -1. */
        public int index() {
            return indices.isEmpty() ? -1 : indices.get(indices.size() - 1);
        }
    }

    /**
     * A resource's Properties in every deployment in which it exists under {@code scenario}: the {@code Properties}
     * node itself resolved through intrinsic functions ({@code Properties: !If [...]}), {@link Value.Absent} where it
     * is missing or {@code AWS::NoValue}, {@link Value.Unknown} (with the reason) where it cannot be known.
     */
    public List<Reached> properties(ResourceInstance r, Scenario scenario) {
        return walk(r, scenario);
    }

    /**
     * The one way rules reach a value inside a resource: walks {@code steps} (property names, or {@link #EACH} for
     * every item of a list) from the resource's Properties, resolving an intrinsic function at any step (the whole
     * Properties, a property's value, a list item, a nested map), forking the scenarios it depends on, treating
     * {@code AWS::NoValue} as absent (a removed list item is left out) and turning anything undecidable into a
     * {@link Value.Unknown} that names what blocked it. An absent value stays absent along key steps and has no
     * items.
     */
    public List<Reached> walk(ResourceInstance r, Scenario scenario, String... steps) {
        Node props = r.resource().node().get("Properties");
        List<Reached> start;
        if (props == null) {
            start = List.of(new Reached(new Value.Absent(r.resource().node()), scenario, r.resource().node(),
                    List.of()));
        } else {
            start = new ArrayList<>();
            for (Outcome o : resolve(r, props, scenario)) {
                start.add(new Reached(o.value(), o.scenario(), props, List.of()));
            }
        }
        return paths.walk(r, start, steps);
    }

    /** Walks on from values already reached (see {@link #walk(ResourceInstance, Scenario, String...)}). */
    public List<Reached> walk(ResourceInstance r, Reached from, String... steps) {
        return paths.walk(r, List.of(from), steps);
    }

    /**
     * One key step of {@link #walk} from a value already resolved: {@link Value.Absent} where the key is missing or
     * removed with {@code AWS::NoValue}; passes an unknown value through. Rules use {@link #walk}.
     */
    public List<Outcome> property(ResourceInstance r, Value map, String key, Scenario scenario) {
        return walk(r, new Reached(map, scenario, map.origin(), List.of()), key).stream().map(Reached::outcome)
                .toList();
    }

    /**
     * One list item in the deployments where it exists.
     *
     * @param index    the item's position in the list as written
     * @param outcomes its values (never {@link Value.Absent}: removed items are left out)
     */
    public record Item(int index, List<Outcome> outcomes) {
    }

    /**
     * One {@link #EACH} step of {@link #walk} from a list value already resolved, grouped by item (an item removed by
     * {@code AWS::NoValue} in some deployments is absent from them). A value that is not a list yields no items.
     * Rules use {@link #walk}.
     */
    public List<Item> items(ResourceInstance r, Value list, Scenario scenario) {
        if (!(list instanceof Value.Items)) {
            return List.of();
        }
        Map<Integer, List<Outcome>> byIndex = new LinkedHashMap<>();
        for (Reached item : walk(r, new Reached(list, scenario, list.origin(), List.of()), EACH)) {
            byIndex.computeIfAbsent(item.index(), i -> new ArrayList<>()).add(item.outcome());
        }
        List<Item> out = new ArrayList<>();
        byIndex.forEach((i, outcomes) -> out.add(new Item(i, outcomes)));
        return out;
    }

    /**
     * The items of a list in one class of deployments (items {@code AWS::NoValue} removes there are left out).
     *
     * @param items    the items present, each with its position as written
     * @param scenario the deployments that give exactly these items
     */
    public record Listing(List<Reached> items, Scenario scenario) {
        public Listing {
            items = List.copyOf(items);
        }
    }

    /**
     * A list reached by {@link #walk}, item by item per class of deployments, so that a list that is empty in some
     * deployments (every item removed there) shows as such. An absent list is one empty listing; a value that is not
     * a list (or is unknown) has none.
     */
    public List<Listing> listings(ResourceInstance r, Reached list) {
        if (list.value() instanceof Value.Absent) {
            return List.of(new Listing(List.of(), list.scenario()));
        }
        if (!(list.value() instanceof Value.Items items)) {
            return List.of();
        }
        return paths.listings(r, list, items);
    }

    // ------------------------------------------------------------------------------------------------ equality

    /**
     * Whether two strings are equal, class of deployments by class of deployments: each side is a concatenation of
     * {@link Operand}s (literal text, nodes in their resources' context, resolved values, {@code Ref} or
     * {@code Fn::GetAtt} of a resource). Equal when built of the same parts in every deployment, different when no
     * deployment can make them equal, forked with witnesses where a parameter decides, and UNDECIDED (with the
     * reason) where two values chosen independently at deploy time do.
     */
    public Equality equal(List<Operand> a, List<Operand> b, Scenario scenario) {
        return new Equalities(this, maxOutcomes).equal(a, b, scenario);
    }

    /** Whether two nodes, each resolved in the context of its resource (either may be null), are equal. */
    public Equality equal(ResourceInstance ra, Node a, ResourceInstance rb, Node b, Scenario scenario) {
        return equal(List.of(Operand.written(ra, a)), List.of(Operand.written(rb, b)), scenario);
    }

    /** Whether two resolved values are equal. */
    public Equality equal(Value a, Value b, Scenario scenario) {
        return equal(List.of(Operand.resolved(a)), List.of(Operand.resolved(b)), scenario);
    }
}
