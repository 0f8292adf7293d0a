package io.github.cfnvalidator.rules;

/**
 * A check over one template. Implementations are stateless (or immutable) so one instance serves every template and
 * thread; they report through the {@link RuleContext}.
 */
public interface Rule {
    /**
     * The rule's id, severity, summary and docs: by default what the class declares with {@link RuleInfo} (built-in
     * rules do not override this).
     */
    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }

    /** Checks one template and reports findings to the context. */
    void check(RuleContext context);
}
