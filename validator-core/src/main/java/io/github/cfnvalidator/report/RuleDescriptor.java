package io.github.cfnvalidator.report;

import java.util.Objects;

/**
 * What a report says about a rule that ran: its id, default severity, one-line summary and documentation. Writers use
 * it to list every rule that was applied, including rules that found nothing (SARIF {@code tool.driver.rules}, one
 * JUnit test case per template and rule).
 *
 * @param id              the rule's id, as in {@link Finding#ruleId()}
 * @param defaultSeverity the severity of its findings unless configured otherwise
 * @param summary         one sentence saying what the rule requires
 * @param docs            where its documentation lives: a project-relative path such as
 *                        {@code docs/rules/<id>.md}, or an absolute URL
 */
public record RuleDescriptor(String id, Severity defaultSeverity, String summary, String docs) {
    public RuleDescriptor {
        Objects.requireNonNull(id);
        Objects.requireNonNull(defaultSeverity);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(docs);
    }

    /** Whether {@link #docs()} is an absolute http(s) URL (then SARIF writes it as {@code helpUri}). */
    public boolean docsIsUrl() {
        return docs.startsWith("https://") || docs.startsWith("http://");
    }
}
