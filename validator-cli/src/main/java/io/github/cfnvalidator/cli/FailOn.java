package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.report.Severity;

/** The {@code --fail-on} threshold. */
public enum FailOn {
    /** Fail on errors only. */
    ERROR(Severity.ERROR),
    /** Fail on warnings and errors. */
    WARNING(Severity.WARNING),
    /** Never fail on findings (input errors still exit 2). */
    NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The lowest severity that fails, or {@code null} for none. */
    public Severity threshold() {
        return threshold;
    }
}
