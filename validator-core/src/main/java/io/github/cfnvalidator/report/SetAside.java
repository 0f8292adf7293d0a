package io.github.cfnvalidator.report;

import java.util.Objects;

/**
 * A finding that was made but is not reported: suppressed in the template's {@code Metadata}, or known from a
 * baseline. Writers for people (the HTML report) list these apart, with the reason; the other formats leave them out.
 *
 * @param finding the finding as the rule made it
 * @param reason  why it is not reported, e.g. {@code suppressed (cfn-validator Metadata on Config): reason "..."}
 */
public record SetAside(Finding finding, String reason) {
    public SetAside {
        Objects.requireNonNull(finding);
        Objects.requireNonNull(reason);
    }
}
