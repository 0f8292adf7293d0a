package io.github.cfnvalidator.guard.eval;

/** A Guard verdict: the rule holds, does not hold, or does not apply. */
public enum GuardStatus {
    /** The rule holds. */
    PASS,
    /** The rule does not hold. */
    FAIL,
    /** The rule does not apply (nothing to check, or a {@code when} guard was false). */
    SKIP;

    /** cfn-guard's combination of file statuses: FAIL wins, then PASS, SKIP is neutral. */
    public GuardStatus and(GuardStatus other) {
        switch (this) {
            case FAIL:
                return FAIL;
            case PASS:
                return other == FAIL ? FAIL : PASS;
            default:
                return other;
        }
    }
}
