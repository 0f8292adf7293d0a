package io.github.cfnvalidator.resolve;

/**
 * Bounds one call of the resolver: no intermediate result may hold more than {@code max} outcomes, and the total work
 * (outcomes produced at every level) stays below a multiple of it, so the cost is bounded whatever the template.
 * Past the bound, {@link #spend} throws {@link Exhausted}, which the public entry points turn into a
 * {@link Value.Unknown} that says so.
 */
final class Budget {
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

    /** The bound was passed; caught where a call started (no stack trace: it is control flow). */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }
}
