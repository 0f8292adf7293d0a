package io.github.cfnvalidator.resolve;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one evaluation carries down: the loop variables (and {@code Fn::Sub} variables) bound, the budget of the call,
 * and the conditions being evaluated (a cycle guard).
 */
record Context(Map<String, Value> bindings, Budget budget, Deque<String> conditions) {
    /** A fresh evaluation with its own budget. */
    static Context start(Map<String, Value> bindings, int maxOutcomes) {
        return new Context(bindings, new Budget(maxOutcomes), new ArrayDeque<>());
    }

    /** The same evaluation with more variables bound. */
    Context with(Map<String, Value> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, Value> b = new LinkedHashMap<>(bindings);
        b.putAll(more);
        return new Context(b, budget, conditions);
    }
}
