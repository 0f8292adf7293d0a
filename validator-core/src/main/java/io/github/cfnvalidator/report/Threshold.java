package io.github.cfnvalidator.report;

import java.util.Locale;

/**
 * The lowest severity that fails a run: the CLI's {@code --fail-on}, the Maven plugin's {@code failOnSeverity} and
 * {@code failOn} in {@code cfn-validator.yaml} all take these four values. Input errors fail a run whatever the
 * threshold is.
 */
public enum Threshold {
    /** Fail on errors only. */
    ERROR(Severity.ERROR),
    /** Fail on warnings and errors. */
    WARNING(Severity.WARNING),
    /** Fail on every finding. */
    INFO(Severity.INFO),
    /** Never fail on findings. */
    NONE(null);

    private final Severity severity;

    Threshold(Severity severity) {
        this.severity = severity;
    }

    /** The lowest severity that fails, or {@code null} for {@link #NONE} (the form report writers take). */
    public Severity severity() {
        return severity;
    }

    /** The lower-case name used in options and output: {@code error}, {@code warning}, {@code info}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many of a report's findings are at or above this threshold. */
    public int violations(Summary summary) {
        return summary.atOrAbove(severity);
    }

    /**
     * Parses {@code error}, {@code warning}, {@code info} or {@code none}, in any case, surrounding blanks ignored.
     *
     * @throws IllegalArgumentException {@code must be error, warning, info or none, not 'x'}; callers put the name of
     *                                  their option in front
     */
    public static Threshold parse(String text) {
        String v = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Threshold t : values()) {
            if (t.name().equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("must be error, warning, info or none, not '" + text + "'");
    }
}
