package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The recursion at the heart of the resolver: a node to its outcomes. Scalars and lists are values as written (list
 * items stay lazy), a plain map is a {@link Value.Struct}, and an intrinsic function is looked up in the
 * {@link FunctionTable}; conditions are decided by {@link Conditions}. Holds what every function needs to know about
 * the template: its parameters' domains, the values pinned for them, and which names are resources.
 */
final class Evaluator {
    /** How deeply expressions (and conditions) may nest before the answer becomes unknown. */
    static final int MAX_DEPTH = 200;

    private final Template template;
    private final Map<String, ParameterDomain> domains;
    private final ParameterValues pinned;
    private final Predicate<String> isResource;
    private final Conditions conditions;

    /**
     * An evaluator over one template.
     *
     * @param isResource whether a name is a resource's logical id (loop instances included)
     * @param equality   symbolic equality of two strings, for {@code Fn::Equals} of values that are not literals
     */
    Evaluator(Template template, Map<String, ParameterDomain> domains, ParameterValues pinned,
              Predicate<String> isResource, Conditions.SymbolicEquality equality) {
        this.template = template;
        this.domains = domains;
        this.pinned = pinned;
        this.isResource = isResource;
        this.conditions = new Conditions(this, equality);
    }

    Template template() {
        return template;
    }

    /** A declared parameter's domain, or a pseudo-parameter's ({@code AWS::Region}); empty for other names. */
    Optional<ParameterDomain> parameter(String name, Node at) {
        ParameterDomain d = domains.get(name);
        if (d == null && name.startsWith("AWS::")) {
            d = ParameterDomain.pseudo(name, pinned.values().get(name), at).orElse(null);
        }
        return Optional.ofNullable(d);
    }

    boolean isResource(String name) {
        return isResource.test(name);
    }

    static List<Outcome> one(Value v, Scenario s) {
        return List.of(new Outcome(v, s));
    }

    /** A possibly lazy value (an item of a literal list) resolved. */
    List<Outcome> force(Value v, Scenario s, Context ctx, int depth) {
        if (v instanceof Value.Lazy lazy) {
            return eval(lazy.origin(), s, ctx, depth + 1);
        }
        return one(v, s);
    }

    /** A node's outcomes, starting from a scenario. */
    List<Outcome> eval(Node n, Scenario s, Context ctx, int depth) {
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
        List<Outcome> out = FunctionTable.apply(fn.get(), new Call(this, m, m.get(fn.get()), s, ctx, depth));
        ctx.budget().spend(out.size());
        return out;
    }

    /** The decisions of a named condition (see {@link Conditions#condition}). */
    List<Resolver.Decision> condition(String name, Node at, Scenario s, Context ctx) {
        return conditions.condition(name, at, s, ctx);
    }
}
