package io.github.cfnvalidator.run;

/** The outcome of a run against its threshold; front ends map it to exit codes or build results. */
public enum Verdict {
    /** No input problem, and nothing at or above the threshold (or today's findings were recorded as a baseline). */
    PASS,
    /** Findings at or above the threshold. */
    VIOLATIONS,
    /**
     * An input could not be used (see {@link RunResult#problems()}) or the baseline could not be written; wins over
     * {@link #VIOLATIONS}.
     */
    INPUT_ERROR
}
