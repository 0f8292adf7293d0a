package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.guard.GuardValue;
import java.util.function.Function;

/** Supplies the intrinsic-aware transformation for {@code guard validate --resolve}. */
final class GuardResolveSupport {
    private GuardResolveSupport() {
    }

    static Function<GuardValue, GuardValue> transform() {
        return Function.identity();
    }
}
