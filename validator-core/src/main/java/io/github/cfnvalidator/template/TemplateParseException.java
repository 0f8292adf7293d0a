package io.github.cfnvalidator.template;

import java.util.List;

/**
 * The one exception type the readers throw: the file is not a readable document or not a template. It carries the
 * problems, each with a location; it never wraps a stack trace meant for users.
 */
public final class TemplateParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ParseProblem> problems;

    /** Creates the exception from one or more problems. */
    public TemplateParseException(List<ParseProblem> problems) {
        super(problems.isEmpty() ? "unreadable template" : problems.get(0).toString(), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Creates the exception from one problem. */
    public TemplateParseException(ParseProblem problem) {
        this(List.of(problem));
    }

    /** The problems, first one first. */
    public List<ParseProblem> problems() {
        return problems;
    }
}
