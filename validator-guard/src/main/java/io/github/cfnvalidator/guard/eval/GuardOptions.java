package io.github.cfnvalidator.guard.eval;

/**
 * How Guard rules are evaluated.
 *
 * @param compatible     reproduce cfn-guard 3.1.1 exactly, quirks included (the default); when {@code false}, the
 *                       quirks listed in docs/guard-compatibility.md are fixed: {@code not} in front of a binary
 *                       clause or of a parameterized rule call negates it, and {@code !=} between values of
 *                       different types holds
 * @param keepAllRecords keep every record of the evaluation (for verbose output); by default passing sub-trees are
 *                       pruned, since no report shows them
 */
public record GuardOptions(boolean compatible, boolean keepAllRecords) {
    /** cfn-guard 3.1.1's semantics, pruned records. */
    public static final GuardOptions DEFAULT = new GuardOptions(true, false);

    /** The same options with compatibility on or off. */
    public GuardOptions withCompatible(boolean c) {
        return new GuardOptions(c, keepAllRecords);
    }

    /** The same options keeping every record. */
    public GuardOptions withAllRecords(boolean keep) {
        return new GuardOptions(compatible, keep);
    }
}
