package io.github.cfnvalidator.guard.syntax;

/** A rule file that is not valid Guard: the message names the rule file, line and column. */
public final class GuardParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file    the rule file's name
     * @param line    1-based line
     * @param column  1-based column
     * @param problem what is wrong
     */
    public GuardParseException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem, null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The rule file's name. */
    public String file() {
        return file;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
