package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import java.util.List;

/**
 * One call of an intrinsic function being evaluated: the map that writes it ({@code {"Fn::Join": [...]}}), its
 * argument, the scenario it is evaluated in, and the evaluation it is part of (bindings, budget, depth).
 *
 * @param evaluator the evaluator, to resolve the argument's parts
 * @param node      the call as written (where an unknown result points)
 * @param arg       the function's argument
 * @param scenario  the deployments the call is evaluated in
 * @param ctx       the evaluation's bindings, budget and conditions
 * @param depth     how deeply the call is nested
 */
record Call(Evaluator evaluator, MapNode node, Node arg, Scenario scenario, Context ctx, int depth) {
    /** A part of the argument resolved, one level deeper. */
    List<Outcome> eval(Node n, Scenario s) {
        return evaluator.eval(n, s, ctx, depth + 1);
    }

    /** A (possibly lazy) list item resolved, one level deeper. */
    List<Outcome> force(Value v, Scenario s) {
        return evaluator.force(v, s, ctx, depth + 1);
    }

    /** One outcome in the call's scenario. */
    List<Outcome> one(Value v) {
        return Evaluator.one(v, scenario);
    }

    /** An unknown outcome at the call, in the call's scenario. */
    List<Outcome> unknown(String reason) {
        return one(new Value.Unknown(reason, node));
    }

    /** Counts intermediate results against the call's budget. */
    void spend(int n) {
        ctx.budget().spend(n);
    }
}
