package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.report.Severity;
import java.util.Objects;

/**
 * What a rule is: its id, default severity, one-line summary and where its documentation lives.
 *
 * @param id              stable id, lower snake case, e.g. {@code sagemaker_variant_min_instances}
 * @param defaultSeverity severity of its findings unless configured otherwise
 * @param summary         one sentence
 * @param docs            the documentation page, relative to the project (e.g. {@code docs/rules/<id>.md}) or a URL
 */
public record RuleMetadata(String id, Severity defaultSeverity, String summary, String docs) {
    public RuleMetadata {
        Objects.requireNonNull(id);
        Objects.requireNonNull(defaultSeverity);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(docs);
    }

    /**
     * The metadata a class declares with {@link RuleInfo}; its page is {@code docs/rules/<id>.md}.
     *
     * @throws IllegalArgumentException if the class carries no {@code @RuleInfo}
     */
    public static RuleMetadata of(Class<?> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " declares no @RuleInfo");
        }
        return builtIn(info.id(), info.severity(), info.summary());
    }

    /**
     * Metadata of a rule whose page is {@code docs/rules/<id>.md}, for rules made in code; a built-in rule declares
     * its metadata with {@link RuleInfo} instead.
     */
    public static RuleMetadata builtIn(String id, Severity severity, String summary) {
        return new RuleMetadata(id, severity, summary, "docs/rules/" + id + ".md");
    }
}
