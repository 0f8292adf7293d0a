package io.github.cfnvalidator.report;

import java.util.Locale;

/** How serious a finding is; the build's threshold ({@code --fail-on}) compares against it. */
public enum Severity {
    /** Must be fixed: the template can deploy something the rule forbids. */
    ERROR,
    /** Should be fixed, or cannot be verified before deploy. */
    WARNING,
    /** For information only; never fails a build. */
    INFO;

    /** Whether this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** The lower-case name used in output: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error}, {@code warning} or {@code info} in any case. */
    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (expected error, warning or info)", e);
        }
    }
}
