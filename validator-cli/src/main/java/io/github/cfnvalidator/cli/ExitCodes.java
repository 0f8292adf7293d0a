package io.github.cfnvalidator.cli;

/** The exit codes of {@code cfn-validator validate}: distinct for violations and for invalid input. */
public final class ExitCodes {
    /** Nothing at or above the --fail-on threshold. */
    public static final int OK = 0;
    /** Findings at or above the threshold. */
    public static final int VIOLATIONS = 1;
    /** An input error: unreadable or malformed template, parameter file or rule file, or a bad option. */
    public static final int INPUT_ERROR = 2;

    private ExitCodes() {
    }
}
