package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Numbers;
import io.github.cfnvalidator.template.Parameter;
import io.github.cfnvalidator.template.Resource;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * <p>Immutable after construction; one resolver serves every rule checking one template.
 */
public final class Resolver {
    /** The most outcomes one call may produce before the answer becomes unknown. */
    public static final int MAX_OUTCOMES = 4096;
    private static final int MAX_DEPTH = 200;

    private final Template template;
    private final Map<String, ParameterDomain> domains;
    private final ParameterValues pinned;
    private final List<ResourceInstance> resources;
    private final Map<String, ResourceInstance> byId;
    private final int maxOutcomes;

    private Resolver(Template template, ParameterValues pinned, int maxOutcomes) {
        this.template = template;
        this.pinned = pinned;
        this.maxOutcomes = maxOutcomes;
        Map<String, ParameterDomain> d = new LinkedHashMap<>();
        for (Parameter p : template.parameters().values()) {
            d.put(p.name(), ParameterDomain.of(p, pinned.values().get(p.name()), pinned.source()));
        }
        this.domains = Collections.unmodifiableMap(d);
        List<ResourceInstance> list = new ArrayList<>();
        for (Resource r : template.resources().values()) {
            list.add(new ResourceInstance(r, Map.of(), null));
        }
        for (MapNode.Entry loop : template.resourceLoops()) {
            expandLoop(loop, Map.of(), list);
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

    /** The domain of a declared parameter. */
    public Optional<ParameterDomain> domain(String parameter) {
        return Optional.ofNullable(domains.get(parameter));
    }

    // ------------------------------------------------------------------------------------------------ public API

    /** The scenarios in which a resource exists: its Condition is true ({@link Scenario#ANY} without one). */
    public List<Scenario> whenExists(ResourceInstance r) {
        Optional<String> c = r.resource().condition();
        if (c.isEmpty()) {
            return List.of(Scenario.ANY);
        }
        Budget budget = new Budget(maxOutcomes);
        try {
            List<Scenario> out = new ArrayList<>();
            for (Decision d : condition(c.get(), r.resource().node().get("Condition"), Scenario.ANY,
                    new Ctx(r.bindings(), budget, new ArrayDeque<>()))) {
                if (d.value()) {
                    out.add(d.scenario());
                }
            }
            return out;
        } catch (Exhausted e) {
            return List.of(Scenario.ANY.note("condition " + c.get() + " has too many parameter combinations to "
                    + "decide (more than " + maxOutcomes + "), so it is assumed true"));
        }
    }

    /** Resolves a node in the context of a resource (its loop variables), starting from a scenario. */
    public List<Outcome> resolve(ResourceInstance r, Node node, Scenario scenario) {
        return guarded(node, scenario, ctx -> eval(node, scenario, ctx, 0), r);
    }

    /** Resolves a node with no resource context. */
    public List<Outcome> resolve(Node node, Scenario scenario) {
        return guarded(node, scenario, ctx -> eval(node, scenario, ctx, 0), null);
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

    /** Resolves a possibly lazy value (an item of a literal list) into outcomes. */
    public List<Outcome> force(ResourceInstance r, Value value, Scenario scenario) {
        return guarded(value.origin(), scenario, ctx -> force(value, scenario, ctx, 0), r);
    }

    // ------------------------------------------------------------------------------------------------ paths

    /** The path step that goes into every item of a list ({@code ProductionVariants -> * -> InstanceType}). */
    public static final String EACH = "*";

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
        return walk(r, start, steps);
    }

    /** Walks on from values already reached (see {@link #walk(ResourceInstance, Scenario, String...)}). */
    public List<Reached> walk(ResourceInstance r, Reached from, String... steps) {
        return walk(r, List.of(from), steps);
    }

    private List<Reached> walk(ResourceInstance r, List<Reached> start, String... steps) {
        Budget budget = new Budget(maxOutcomes);
        Ctx ctx = new Ctx(r.bindings(), budget, new ArrayDeque<>());
        List<Reached> acc = start;
        try {
            for (String step : steps) {
                List<Reached> next = new ArrayList<>();
                for (Reached at : acc) {
                    if (step.equals(EACH)) {
                        eachItem(at, ctx, next);
                    } else {
                        key(at, step, ctx, next);
                    }
                }
                budget.spend(next.size());
                acc = next;
            }
        } catch (Exhausted x) {
            Reached first = start.get(0);
            return List.of(new Reached(new Value.Unknown("the value depends on more than " + maxOutcomes
                    + " combinations of parameter values and conditions, more than the resolver enumerates",
                    first.written()), first.scenario(), first.written(), first.indices()));
        }
        return acc;
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
        Budget budget = new Budget(maxOutcomes);
        Ctx ctx = new Ctx(r.bindings(), budget, new ArrayDeque<>());
        List<Listing> acc = List.of(new Listing(List.of(), list.scenario()));
        try {
            for (int i = 0; i < items.items().size(); i++) {
                Value item = items.items().get(i);
                Node written = item instanceof Value.Lazy lazy ? lazy.origin() : item.origin();
                List<Integer> indices = new ArrayList<>(list.indices());
                indices.add(i);
                List<Listing> next = new ArrayList<>();
                for (Listing l : acc) {
                    for (Outcome o : force(item, l.scenario(), ctx, 0)) {
                        List<Reached> present = new ArrayList<>(l.items());
                        if (!(o.value() instanceof Value.Absent)) {
                            present.add(new Reached(o.value(), o.scenario(), written, indices));
                        }
                        next.add(new Listing(present, o.scenario()));
                    }
                }
                budget.spend(next.size());
                acc = next;
            }
        } catch (Exhausted x) {
            return List.of(new Listing(List.of(new Reached(new Value.Unknown("the list's items depend on more than "
                    + maxOutcomes + " combinations of parameter values and conditions, more than the resolver "
                    + "enumerates", list.written()), list.scenario(), list.written(), list.indices())),
                    list.scenario()));
        }
        return acc;
    }

    private void key(Reached at, String key, Ctx ctx, List<Reached> out) {
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
        for (Outcome o : member(v, key, at.scenario(), ctx)) {
            out.add(new Reached(o.value(), o.scenario(), written == null ? struct.map() : written, at.indices()));
        }
    }

    private void eachItem(Reached at, Ctx ctx, List<Reached> out) {
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
            for (Outcome o : force(item, at.scenario(), ctx, 0)) {
                if (!(o.value() instanceof Value.Absent)) {
                    out.add(new Reached(o.value(), o.scenario(), written, indices));
                }
            }
        }
    }

    /** The outcomes of a named condition. */
    public List<Decision> condition(ResourceInstance r, String name, Scenario scenario) {
        Budget budget = new Budget(maxOutcomes);
        try {
            return condition(name, null, scenario, new Ctx(r == null ? Map.of() : r.bindings(), budget,
                    new ArrayDeque<>()));
        } catch (Exhausted e) {
            return List.of(new Decision(true, scenario.note("condition " + name + " assumed true (too many "
                    + "combinations)")), new Decision(false, scenario.note("condition " + name
                    + " assumed false (too many combinations)")));
        }
    }

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

    /**
     * A condition's truth in one class of deployments.
     *
     * @param value    whether the condition holds
     * @param scenario the choices under which it does
     */
    public record Decision(boolean value, Scenario scenario) {
    }

    // ------------------------------------------------------------------------------------------------ machinery

    private interface Evaluation {
        List<Outcome> run(Ctx ctx);
    }

    private List<Outcome> guarded(Node at, Scenario scenario, Evaluation e, ResourceInstance r) {
        Budget budget = new Budget(maxOutcomes);
        try {
            return e.run(new Ctx(r == null ? Map.of() : r.bindings(), budget, new ArrayDeque<>()));
        } catch (Exhausted x) {
            return List.of(new Outcome(new Value.Unknown("the value depends on more than " + maxOutcomes
                    + " combinations of parameter values and conditions, more than the resolver enumerates", at),
                    scenario));
        }
    }

    /**
     * Bounds one call: no intermediate result may hold more than {@code max} outcomes, and the total work (outcomes
     * produced at every level) stays below a multiple of it, so the cost is bounded whatever the template.
     */
    private static final class Budget {
        private static final long WORK_PER_OUTCOME = 500;
        private final int max;
        private final long maxWork;
        private long work;

        Budget(int max) {
            this.max = max;
            this.maxWork = Math.max(100_000L, max * WORK_PER_OUTCOME);
        }

        void spend(int n) {
            work += n;
            if (n > max || work > maxWork) {
                throw new Exhausted();
            }
        }
    }

    private static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }

    /** Loop variables (and Fn::Sub variables), the budget, and the conditions being evaluated (cycle guard). */
    private record Ctx(Map<String, Value> bindings, Budget budget, Deque<String> conditions) {
        Ctx with(Map<String, Value> more) {
            if (more.isEmpty()) {
                return this;
            }
            Map<String, Value> b = new LinkedHashMap<>(bindings);
            b.putAll(more);
            return new Ctx(b, budget, conditions);
        }
    }

    private static List<Outcome> one(Value v, Scenario s) {
        return List.of(new Outcome(v, s));
    }

    private List<Outcome> force(Value v, Scenario s, Ctx ctx, int depth) {
        if (v instanceof Value.Lazy lazy) {
            return eval(lazy.origin(), s, ctx, depth + 1);
        }
        return one(v, s);
    }

    private List<Outcome> eval(Node n, Scenario s, Ctx ctx, int depth) {
        if (depth > MAX_DEPTH) {
            return one(new Value.Unknown("the expression is nested too deeply to evaluate", n), s);
        }
        if (n instanceof ScalarNode sc) {
            return one(Value.Text.of(sc), s);
        }
        if (n instanceof ListNode l) {
            return one(Value.Items.of(l), s);
        }
        MapNode m = (MapNode) n;
        Optional<String> fn = m.intrinsicName();
        if (fn.isEmpty() || fn.get().startsWith(Template.FOR_EACH_PREFIX)) {
            return one(new Value.Struct(m), s); // a map, possibly filled by an Fn::ForEach loop
        }
        Node arg = m.get(fn.get());
        List<Outcome> out = function(fn.get(), m, arg, s, ctx, depth);
        ctx.budget().spend(out.size());
        return out;
    }

    private List<Outcome> function(String fn, MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        switch (fn) {
            case "Ref":
                return ref(call, arg, s, ctx, depth);
            case "Fn::If":
                return fnIf(call, arg, s, ctx, depth);
            case "Fn::FindInMap":
                return findInMap(call, arg, s, ctx, depth);
            case "Fn::Sub":
                return sub(call, arg, s, ctx, depth);
            case "Fn::Join":
                return join(call, arg, s, ctx, depth);
            case "Fn::Select":
                return select(call, arg, s, ctx, depth);
            case "Fn::Split":
                return split(call, arg, s, ctx, depth);
            case "Fn::Base64":
                return base64(call, arg, s, ctx, depth);
            case "Fn::Length":
                return length(call, arg, s, ctx, depth);
            case "Fn::GetAtt":
                return getAtt(call, arg, s);
            case "Fn::ImportValue":
                return one(new Value.Unknown("Fn::ImportValue" + literalSuffix(arg)
                        + " is read from another stack's exports at deploy time", call, null, null,
                        arg instanceof ScalarNode sc ? "Fn::ImportValue " + sc.text() : null), s);
            case "Fn::GetAZs":
                return one(new Value.Unknown("Fn::GetAZs lists the region's Availability Zones at deploy time",
                        call), s);
            case "Fn::Cidr":
                return one(new Value.Unknown("Fn::Cidr address blocks are not computed before deploy", call), s);
            case "Fn::Transform":
                return one(new Value.Unknown("Fn::Transform runs a macro at deploy time", call), s);
            case "Fn::ToJsonString":
                return one(new Value.Unknown("Fn::ToJsonString is not modelled before deploy", call), s);
            case "Condition":
                return one(new Value.Unknown("a Condition reference is not a value", call), s);
            default:
                return one(new Value.Unknown(fn + " is not modelled before deploy", call), s);
        }
    }

    private static String literalSuffix(Node arg) {
        return arg instanceof ScalarNode sc ? " " + sc.text() : "";
    }

    // ------------------------------------------------------------------------------------------------ Ref

    private List<Outcome> ref(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ScalarNode name) || !name.isString()) {
            return one(new Value.Unknown("Ref needs the name of a parameter or resource", call), s);
        }
        return refName(name.text(), call, s, ctx);
    }

    private List<Outcome> refName(String name, Node at, Scenario s, Ctx ctx) {
        Value bound = ctx.bindings().get(name);
        if (bound != null) {
            return force(bound, s, ctx, 0);
        }
        if (name.equals("AWS::NoValue")) {
            return one(new Value.Absent(at), s);
        }
        ParameterDomain d = domains.get(name);
        if (d == null && name.startsWith("AWS::")) {
            d = ParameterDomain.pseudo(name, pinned.values().get(name), at).orElse(null);
        }
        if (d != null) {
            return parameter(d, at, s);
        }
        if (byId.containsKey(name)) {
            return one(new Value.Unknown("Ref " + name + " is the physical id of resource " + name
                    + ", assigned at deploy time", at, name, null, "Ref " + name), s);
        }
        return one(new Value.Unknown("Ref " + name + " names no parameter or resource of this template", at), s);
    }

    private List<Outcome> parameter(ParameterDomain d, Node at, Scenario s) {
        String name = d.name();
        if (d.kind() == ParameterDomain.Kind.UNKNOWN) {
            return one(new Value.Unknown(d.unknownReason(), at, null, null, "Ref " + name), s);
        }
        if (d.kind() == ParameterDomain.Kind.LIST) {
            Optional<String> v = s.fixedValue(name).or(d::pinned);
            if (v.isPresent()) {
                List<Value> items = new ArrayList<>();
                for (String part : v.get().split(",", -1)) {
                    items.add(new Value.Text(part.strip(), ScalarKind.STRING, d.declaration(), name));
                }
                return one(new Value.Items(items, at), s);
            }
            return one(new Value.Unknown("list parameter " + name + " is chosen at deploy time", at), s);
        }
        Optional<String> fixed = s.fixedValue(name);
        ScalarKind kind = d.kind() == ParameterDomain.Kind.NUMBER ? ScalarKind.DECIMAL : ScalarKind.STRING;
        if (fixed.isPresent()) {
            return one(new Value.Text(fixed.get(), kind, d.nodeOf(fixed.get()), name), s);
        }
        Set<String> excluded = s.excludedValues(name);
        Optional<List<String>> finite = d.finiteValues();
        if (finite.isPresent() && finite.get().size() <= ParameterDomain.MAX_ENUMERATED) {
            List<Outcome> out = new ArrayList<>();
            for (String v : finite.get()) {
                if (!excluded.contains(v)) {
                    out.add(new Outcome(new Value.Text(v, kind, d.nodeOf(v), name),
                            d.pinned().isPresent() ? s : s.fix(name, v)));
                }
            }
            return out;
        }
        return one(new Value.Symbolic(d, excluded, at), s);
    }

    // ------------------------------------------------------------------------------------------------ conditions

    private List<Decision> condition(String name, Node at, Scenario s, Ctx ctx) {
        Node body = template.conditions().get(name);
        if (body == null) {
            return undecided(s, "condition " + name, "it is not defined");
        }
        if (ctx.conditions().contains(name)) {
            return undecided(s, "condition " + name, "it refers to itself");
        }
        ctx.conditions().push(name);
        try {
            return cond(body, s, ctx, 0);
        } finally {
            ctx.conditions().pop();
        }
    }

    /** Both truth values, each noted as an assumption: "X is true (cannot be decided before deploy: why)". */
    private static List<Decision> undecided(Scenario s, String what, String why) {
        return List.of(new Decision(true, s.note(what + " is true (undecidable before deploy: " + why + ")")),
                new Decision(false, s.note(what + " is false (undecidable before deploy: " + why + ")")));
    }

    private List<Decision> cond(Node n, Scenario s, Ctx ctx, int depth) {
        if (depth > MAX_DEPTH) {
            return undecided(s, "a condition at line " + n.location().line(), "it is nested too deeply");
        }
        if (n instanceof ScalarNode sc) {
            if (sc.kind() == ScalarKind.BOOLEAN || sc.text().equals("true") || sc.text().equals("false")) {
                return List.of(new Decision(sc.text().equalsIgnoreCase("true"), s));
            }
            return condition(sc.text(), sc, s, ctx);
        }
        MapNode m = n.asMap();
        Optional<String> fn = m == null ? Optional.empty() : m.intrinsicName();
        if (fn.isEmpty()) {
            return undecided(s, "the condition at line " + n.location().line(), "it is not a condition function");
        }
        Node arg = m.get(fn.get());
        List<Decision> out;
        switch (fn.get()) {
            case "Condition":
                out = arg instanceof ScalarNode name ? condition(name.text(), arg, s, ctx)
                        : undecided(s, "the condition at line " + m.location().line(), "a Condition reference without a name");
                break;
            case "Fn::Not": {
                Node inner = arg instanceof ListNode l && l.size() == 1 ? l.get(0) : arg;
                out = new ArrayList<>();
                for (Decision d : cond(inner, s, ctx, depth + 1)) {
                    out.add(new Decision(!d.value(), d.scenario()));
                }
                break;
            }
            case "Fn::And":
            case "Fn::Or": {
                boolean and = fn.get().equals("Fn::And");
                List<Decision> acc = List.of(new Decision(and, s));
                List<Node> parts = arg instanceof ListNode l ? l.items() : List.of(arg);
                for (Node part : parts) {
                    List<Decision> next = new ArrayList<>();
                    for (Decision d : acc) {
                        if (d.value() != and) {
                            next.add(d); // already decided: false for And, true for Or
                        } else {
                            next.addAll(cond(part, d.scenario(), ctx, depth + 1));
                        }
                    }
                    ctx.budget().spend(next.size());
                    acc = next;
                }
                out = acc;
                break;
            }
            case "Fn::Equals":
                out = equals(m, arg, s, ctx, depth);
                break;
            default:
                out = undecided(s, fn.get() + " at line " + m.location().line(), "it is not a condition function");
        }
        ctx.budget().spend(out.size());
        return out;
    }

    private List<Decision> equals(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return undecided(s, "Fn::Equals at line " + call.location().line(), "it does not have two arguments");
        }
        List<Decision> out = new ArrayList<>();
        for (Outcome a : eval(l.get(0), s, ctx, depth + 1)) {
            for (Outcome b : eval(l.get(1), a.scenario(), ctx, depth + 1)) {
                out.addAll(compare(a.value(), b.value(), b.scenario(), call));
            }
        }
        return out;
    }

    private List<Decision> compare(Value a, Value b, Scenario s, MapNode call) {
        if (a instanceof Value.Text ta && b instanceof Value.Text tb) {
            return List.of(new Decision(sameText(ta, tb), s));
        }
        if (a instanceof Value.Symbolic sa && b instanceof Value.Text tb) {
            return splitOn(sa, tb.text(), s);
        }
        if (b instanceof Value.Symbolic sb && a instanceof Value.Text ta) {
            return splitOn(sb, ta.text(), s);
        }
        if (a instanceof Value.Symbolic sa && b instanceof Value.Symbolic sb
                && sa.domain().name().equals(sb.domain().name())) {
            return List.of(new Decision(true, s));
        }
        if (a instanceof Value.Absent && b instanceof Value.Absent) {
            return List.of(new Decision(true, s));
        }
        if (Equalities.isString(a) && Equalities.isString(b)) {
            return equal(a, b, s).decisions("Fn::Equals at line " + call.location().line());
        }
        String why = a instanceof Value.Unknown u ? u.reason() : b instanceof Value.Unknown u2 ? u2.reason()
                : "its values are only known at deploy time";
        return undecided(s, "Fn::Equals at line " + call.location().line(), why);
    }

    private static boolean sameText(Value.Text a, Value.Text b) {
        if (a.text().equals(b.text())) {
            return true;
        }
        Optional<BigDecimal> x = a.number();
        Optional<BigDecimal> y = b.number();
        return x.isPresent() && y.isPresent() && x.get().compareTo(y.get()) == 0;
    }

    /** Splits a symbolic parameter on a literal: equal to it, or different. */
    private static List<Decision> splitOn(Value.Symbolic p, String literal, Scenario s) {
        String name = p.domain().name();
        List<Decision> out = new ArrayList<>(2);
        if (p.domain().admits(literal) && !p.excluded().contains(literal)) {
            out.add(new Decision(true, s.fix(name, literal)));
        }
        Set<String> without = new HashSet<>(p.excluded());
        without.add(literal);
        if (p.domain().admitsOtherThan(without)) {
            out.add(new Decision(false, s.exclude(name, literal)));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ Fn::If

    private List<Outcome> fnIf(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 3 || !(l.get(0) instanceof ScalarNode name)) {
            return one(new Value.Unknown("Fn::If needs a condition name and two values", call), s);
        }
        List<Outcome> out = new ArrayList<>();
        for (Decision d : condition(name.text(), name, s, ctx)) {
            out.addAll(eval(l.get(d.value() ? 1 : 2), d.scenario(), ctx, depth + 1));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ mappings

    private List<Outcome> findInMap(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() < 3) {
            return one(new Value.Unknown("Fn::FindInMap needs a map name and two keys", call), s);
        }
        Node defaultValue = null;
        if (l.size() >= 4 && l.get(3) instanceof MapNode opts) {
            defaultValue = opts.get("DefaultValue");
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome mapName : eval(l.get(0), s, ctx, depth + 1)) {
            if (!(mapName.value() instanceof Value.Text t)) {
                out.add(new Outcome(unknownKey(mapName.value(), call), mapName.scenario()));
                continue;
            }
            Node mapping = template.mappings().get(t.text());
            if (!(mapping instanceof MapNode top)) {
                out.add(new Outcome(new Value.Unknown("mapping " + t.text() + " is not defined", call),
                        mapName.scenario()));
                continue;
            }
            for (Keyed first : lookup(top, l.get(1), mapName.scenario(), ctx, depth)) {
                if (first.node() == null) {
                    out.addAll(fallback(defaultValue, first.scenario(), ctx, depth, first.unknown()));
                    continue;
                }
                if (!(first.node() instanceof MapNode second)) {
                    continue;
                }
                for (Keyed leaf : lookup(second, l.get(2), first.scenario(), ctx, depth)) {
                    if (leaf.node() == null) {
                        out.addAll(fallback(defaultValue, leaf.scenario(), ctx, depth, leaf.unknown()));
                    } else {
                        out.addAll(eval(leaf.node(), leaf.scenario(), ctx, depth + 1));
                    }
                }
            }
        }
        return out;
    }

    private List<Outcome> fallback(Node defaultValue, Scenario s, Ctx ctx, int depth, Value.Unknown unknown) {
        if (unknown != null) {
            return one(unknown.derived(), s);
        }
        if (defaultValue != null) {
            return eval(defaultValue, s, ctx, depth + 1);
        }
        return List.of(); // CloudFormation refuses the deployment: a missing key without DefaultValue
    }

    private static Value.Unknown unknownKey(Value v, Node at) {
        if (v instanceof Value.Unknown u) {
            return u;
        }
        return new Value.Unknown("the Fn::FindInMap key is " + v.describe(), at);
    }

    /** A key looked up in one level of a mapping: the node found, or null for a miss (or an unknown key). */
    private record Keyed(Node node, Scenario scenario, Value.Unknown unknown) {
    }

    private List<Keyed> lookup(MapNode level, Node keyExpr, Scenario s, Ctx ctx, int depth) {
        List<Keyed> out = new ArrayList<>();
        for (Outcome k : eval(keyExpr, s, ctx, depth + 1)) {
            Value v = k.value();
            if (v instanceof Value.Text t) {
                out.add(new Keyed(level.get(t.text()), k.scenario(), null));
            } else if (v instanceof Value.Symbolic p) {
                String name = p.domain().name();
                Set<String> excluded = new LinkedHashSet<>(p.excluded());
                for (String key : level.keys()) {
                    if (p.domain().admits(key) && !p.excluded().contains(key)) {
                        out.add(new Keyed(level.get(key), k.scenario().fix(name, key), null));
                    }
                    excluded.add(key);
                }
                if (p.domain().admitsOtherThan(excluded)) {
                    Scenario other = k.scenario();
                    for (String key : level.keys()) {
                        other = other.exclude(name, key);
                    }
                    out.add(new Keyed(null, other, null));
                }
            } else {
                out.add(new Keyed(null, k.scenario(), unknownKey(v, keyExpr)));
            }
        }
        ctx.budget().spend(out.size());
        return out;
    }

    // ------------------------------------------------------------------------------------------------ strings

    private List<Outcome> sub(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        Node text = arg;
        Map<String, Node> vars = new LinkedHashMap<>();
        if (arg instanceof ListNode l) {
            if (l.size() < 1) {
                return one(new Value.Unknown("Fn::Sub needs a string", call), s);
            }
            text = l.get(0);
            if (l.size() > 1 && l.get(1) instanceof MapNode m) {
                for (MapNode.Entry e : m.entries()) {
                    vars.put(e.key(), e.value());
                }
            }
        }
        if (!(text instanceof ScalarNode str)) {
            return one(new Value.Unknown("the Fn::Sub string is not a literal", call), s);
        }
        List<Object> segments = SubString.parse(str.text());
        // partial results: parts built so far, in a scenario
        List<Partial> acc = List.of(new Partial(List.of(), s));
        for (Object seg : segments) {
            List<Partial> next = new ArrayList<>();
            for (Partial p : acc) {
                if (seg instanceof String lit) {
                    next.add(p.plus(new Value.Text(lit, ScalarKind.STRING, str, null), p.scenario()));
                    continue;
                }
                SubString.Variable var = (SubString.Variable) seg;
                List<Outcome> values;
                if (vars.containsKey(var.name())) {
                    values = eval(vars.get(var.name()), p.scenario(), ctx, depth + 1);
                } else if (var.attribute() != null) {
                    values = one(new Value.Unknown("${" + var.name() + "." + var.attribute() + "} is an attribute "
                            + "of resource " + var.name() + ", known only after deploy", str, var.name(),
                            var.attribute(), "Fn::GetAtt " + var.name() + "." + var.attribute()), p.scenario());
                } else {
                    values = refName(var.name(), str, p.scenario(), ctx);
                }
                for (Outcome o : values) {
                    next.add(p.plus(o.value(), o.scenario()));
                }
            }
            ctx.budget().spend(next.size());
            acc = next;
        }
        List<Outcome> out = new ArrayList<>();
        for (Partial p : acc) {
            out.add(new Outcome(concat(p.parts(), call), p.scenario()));
        }
        return out;
    }

    private record Partial(List<Value> parts, Scenario scenario) {
        Partial plus(Value v, Scenario s) {
            List<Value> l = new ArrayList<>(parts);
            l.add(v);
            return new Partial(l, s);
        }
    }

    /** Joins parts into one string value: text when every part is concrete, else a {@link Value.Concat}. */
    private static Value concat(List<Value> parts, Node at) {
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

    private List<Outcome> join(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return one(new Value.Unknown("Fn::Join needs a delimiter and a list", call), s);
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome d : eval(l.get(0), s, ctx, depth + 1)) {
            if (!(d.value() instanceof Value.Text delim)) {
                out.add(new Outcome(new Value.Unknown("the Fn::Join delimiter is not a literal", call),
                        d.scenario()));
                continue;
            }
            for (Outcome list : eval(l.get(1), d.scenario(), ctx, depth + 1)) {
                if (!(list.value() instanceof Value.Items items)) {
                    out.add(new Outcome(list.value() instanceof Value.Unknown u ? u.derived()
                            : new Value.Unknown("Fn::Join of " + list.value().describe(), call), list.scenario()));
                    continue;
                }
                List<Partial> acc = List.of(new Partial(List.of(), list.scenario()));
                for (Value item : items.items()) {
                    List<Partial> next = new ArrayList<>();
                    for (Partial p : acc) {
                        for (Outcome o : force(item, p.scenario(), ctx, depth + 1)) {
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
                    ctx.budget().spend(next.size());
                    acc = next;
                }
                for (Partial p : acc) {
                    out.add(new Outcome(concat(p.parts(), call), p.scenario()));
                }
            }
        }
        return out;
    }

    private List<Outcome> select(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return one(new Value.Unknown("Fn::Select needs an index and a list", call), s);
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome idx : eval(l.get(0), s, ctx, depth + 1)) {
            Optional<BigDecimal> n = idx.value() instanceof Value.Text t ? t.number() : Optional.empty();
            if (n.isEmpty()) {
                out.add(new Outcome(new Value.Unknown("the Fn::Select index is " + idx.value().describe(), call),
                        idx.scenario()));
                continue;
            }
            for (Outcome list : eval(l.get(1), idx.scenario(), ctx, depth + 1)) {
                if (list.value() instanceof Value.Items items) {
                    int i = n.get().intValue();
                    if (i >= 0 && i < items.items().size()) {
                        out.addAll(force(items.items().get(i), list.scenario(), ctx, depth + 1));
                    } // else CloudFormation refuses the deployment
                } else if (list.value() instanceof Value.Unknown u) {
                    out.add(new Outcome(new Value.Unknown("an item of a list that is unknown before deploy ("
                            + u.reason() + ")", call, u.resource(), u.attribute()), list.scenario()));
                } else {
                    out.add(new Outcome(new Value.Unknown("Fn::Select from " + list.value().describe(), call),
                            list.scenario()));
                }
            }
        }
        return out;
    }

    private List<Outcome> split(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return one(new Value.Unknown("Fn::Split needs a delimiter and a string", call), s);
        }
        List<Outcome> out = new ArrayList<>();
        for (Outcome d : eval(l.get(0), s, ctx, depth + 1)) {
            for (Outcome src : eval(l.get(1), d.scenario(), ctx, depth + 1)) {
                if (d.value() instanceof Value.Text delim && src.value() instanceof Value.Text text
                        && !delim.text().isEmpty()) {
                    List<Value> items = new ArrayList<>();
                    for (String part : text.text().split(java.util.regex.Pattern.quote(delim.text()), -1)) {
                        items.add(new Value.Text(part, ScalarKind.STRING, text.origin(), text.parameter()));
                    }
                    out.add(new Outcome(new Value.Items(items, call), src.scenario()));
                } else {
                    String why = src.value() instanceof Value.Unknown u ? u.reason()
                            : "Fn::Split of " + src.value().describe();
                    out.add(new Outcome(new Value.Unknown(why, call), src.scenario()));
                }
            }
        }
        return out;
    }

    private List<Outcome> base64(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome o : eval(arg, s, ctx, depth + 1)) {
            if (o.value() instanceof Value.Text t) {
                String enc = Base64.getEncoder().encodeToString(t.text().getBytes(StandardCharsets.UTF_8));
                out.add(new Outcome(new Value.Text(enc, ScalarKind.STRING, call, null), o.scenario()));
            } else {
                out.add(new Outcome(new Value.Unknown("Fn::Base64 of " + o.value().describe(), call),
                        o.scenario()));
            }
        }
        return out;
    }

    private List<Outcome> length(MapNode call, Node arg, Scenario s, Ctx ctx, int depth) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome o : eval(arg, s, ctx, depth + 1)) {
            if (!(o.value() instanceof Value.Items items)) {
                out.add(new Outcome(new Value.Unknown("Fn::Length of " + o.value().describe(), call),
                        o.scenario()));
                continue;
            }
            List<Partial> acc = List.of(new Partial(List.of(), o.scenario()));
            for (Value item : items.items()) {
                List<Partial> next = new ArrayList<>();
                for (Partial p : acc) {
                    for (Outcome io : force(item, p.scenario(), ctx, depth + 1)) {
                        next.add(io.value() instanceof Value.Absent ? new Partial(p.parts(), io.scenario())
                                : p.plus(io.value(), io.scenario()));
                    }
                }
                ctx.budget().spend(next.size());
                acc = next;
            }
            for (Partial p : acc) {
                out.add(new Outcome(new Value.Text(Integer.toString(p.parts().size()), ScalarKind.INTEGER, call,
                        null), p.scenario()));
            }
        }
        return out;
    }

    private List<Outcome> getAtt(MapNode call, Node arg, Scenario s) {
        String resource = null;
        String attribute = null;
        if (arg instanceof ListNode l && l.size() >= 1 && l.get(0) instanceof ScalarNode r) {
            resource = r.text();
            if (l.size() >= 2 && l.get(1) instanceof ScalarNode a) {
                attribute = a.text();
            }
        } else if (arg instanceof ScalarNode sc) {
            int dot = sc.text().indexOf('.');
            resource = dot < 0 ? sc.text() : sc.text().substring(0, dot);
            attribute = dot < 0 ? null : sc.text().substring(dot + 1);
        }
        String what = resource == null ? "Fn::GetAtt" : "Fn::GetAtt " + resource + (attribute == null ? ""
                : "." + attribute);
        String identity = resource == null || attribute == null ? null
                : "Fn::GetAtt " + resource + "." + attribute;
        return one(new Value.Unknown(what + " is known only after deploy", call, resource, attribute, identity), s);
    }

    // ------------------------------------------------------------------------------------------------ maps

    private List<Outcome> member(Value map, String key, Scenario s, Ctx ctx) {
        if (map instanceof Value.Unknown u) {
            return one(u.derived(), s);
        }
        if (!(map instanceof Value.Struct struct)) {
            return one(new Value.Unknown("expected a map but found " + map.describe(), map.origin()), s);
        }
        Node v = struct.map().get(key);
        if (v == null) {
            for (MapNode.Entry loop : struct.map().entries()) {
                if (loop.key().startsWith(Template.FOR_EACH_PREFIX)) {
                    List<Outcome> produced = producedKey(loop, key, s, ctx);
                    if (produced != null) {
                        return produced;
                    }
                }
            }
            return one(new Value.Absent(struct.map()), s);
        }
        return eval(v, s, ctx, 0);
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

    /**
     * A key an {@code Fn::ForEach} loop inside a map produces: its value with the loop variable bound, or an
     * {@link Value.Unknown} when the loop cannot be expanded exactly (a collection known only at deploy time, a
     * nested loop); {@code null} when the loop does not produce the key.
     */
    private List<Outcome> producedKey(MapNode.Entry loop, String key, Scenario s, Ctx ctx) {
        Value.Unknown unexpanded = new Value.Unknown(key + " may be produced by " + loop.key() + ", which is not "
                + "expanded inside properties", loop.value());
        if (!(loop.value() instanceof ListNode args) || args.size() != 3 || !(args.get(0) instanceof ScalarNode id)
                || !(args.get(2) instanceof MapNode body)) {
            return one(unexpanded, s);
        }
        List<Outcome> collection = eval(args.get(1), s, ctx, 0);
        if (collection.size() != 1 || !(collection.get(0).value() instanceof Value.Items items)) {
            return one(unexpanded, s);
        }
        List<Outcome> found = null;
        for (Value item : items.items()) {
            List<Outcome> forced = force(item, s, ctx, 0);
            if (forced.size() != 1 || !(forced.get(0).value() instanceof Value.Text t)) {
                return one(unexpanded, s);
            }
            for (MapNode.Entry e : body.entries()) {
                if (e.key().startsWith(Template.FOR_EACH_PREFIX)) {
                    return one(unexpanded, s);
                }
                String produced = substituteKey(e.key(), id.text(), t.text());
                for (Map.Entry<String, Value> b : ctx.bindings().entrySet()) {
                    if (b.getValue() instanceof Value.Text bt) {
                        produced = substituteKey(produced, b.getKey(), bt.text());
                    }
                }
                if (produced.equals(key)) {
                    if (found != null) {
                        return one(new Value.Unknown(loop.key() + " produces " + key + " more than once",
                                loop.value()), s);
                    }
                    found = eval(e.value(), s, ctx.with(Map.of(id.text(), t)), 0);
                    boolean lazy = found.stream().anyMatch(o -> o.value() instanceof Value.Struct
                            || o.value() instanceof Value.Items);
                    if (lazy && mentions(e.value(), id.text())) {
                        // a map or list resolves lazily, outside the loop: its use of the variable stays unexpanded
                        return one(unexpanded, s);
                    }
                }
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------ Fn::ForEach

    private void expandLoop(MapNode.Entry loop, Map<String, Value> outer, List<ResourceInstance> out) {
        String loopName = loop.key();
        if (!(loop.value() instanceof ListNode args) || args.size() != 3
                || !(args.get(0) instanceof ScalarNode id) || !(args.get(2) instanceof MapNode body)) {
            return;
        }
        List<Value> values = loopCollection(args.get(1), outer, loopName, id.text());
        for (Value v : values) {
            Map<String, Value> bindings = new LinkedHashMap<>(outer);
            bindings.put(id.text(), v);
            String text = v instanceof Value.Text t ? t.text() : null;
            for (MapNode.Entry e : body.entries()) {
                if (e.key().startsWith(Template.FOR_EACH_PREFIX)) {
                    expandLoop(e, bindings, out);
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

    private List<Value> loopCollection(Node collection, Map<String, Value> outer, String loopName, String id) {
        Budget budget = new Budget(maxOutcomes);
        List<Outcome> outcomes;
        try {
            outcomes = eval(collection, Scenario.ANY, new Ctx(outer, budget, new ArrayDeque<>()), 0);
        } catch (Exhausted e) {
            outcomes = List.of();
        }
        if (outcomes.size() == 1 && outcomes.get(0).value() instanceof Value.Items items) {
            List<Value> values = new ArrayList<>();
            boolean concrete = true;
            for (Value item : items.items()) {
                List<Outcome> forced;
                try {
                    forced = force(item, Scenario.ANY, new Ctx(outer, new Budget(maxOutcomes), new ArrayDeque<>()),
                            0);
                } catch (Exhausted e) {
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
}
