package io.github.cfnvalidator.run;

import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import java.util.Objects;

/**
 * Something a run was given that it could not use, with its file and position: the configuration file, a parameter
 * file, the baseline, a Guard rule file or a template. Any of them makes the run's verdict
 * {@link Verdict#INPUT_ERROR}.
 *
 * @param kind    which input it is
 * @param file    the file as the run names it (relative to the project folder when the run has one)
 * @param problem what is wrong and where (its location names the same file)
 */
public record InputProblem(Kind kind, String file, ParseProblem problem) {
    /** The kinds of input a run reads. */
    public enum Kind {
        /** The project configuration file ({@code cfn-validator.yaml}); a run cannot go on without it. */
        CONFIG,
        /** A deploy-time parameter file. */
        PARAMETERS,
        /** The baseline file read to hide known findings. */
        BASELINE,
        /** A Guard rule file or folder. */
        RULES,
        /** A template: unreadable, malformed, not a template although named directly, or a folder not searchable. */
        TEMPLATE
    }

    public InputProblem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(file);
        Objects.requireNonNull(problem);
    }

    /** Where the problem is. */
    public Location location() {
        return problem.location();
    }

    /** What the problem is. */
    public String message() {
        return problem.message();
    }
}
