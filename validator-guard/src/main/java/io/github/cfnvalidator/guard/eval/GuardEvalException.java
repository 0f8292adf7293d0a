package io.github.cfnvalidator.guard.eval;

/**
 * An evaluation that cannot go on, in the cases where cfn-guard stops with an error (exit code 255): a missing rule
 * or variable, an operation on a type that does not support it, a function given bad arguments. The message follows
 * cfn-guard's.
 */
public final class GuardEvalException extends Exception {
    private static final long serialVersionUID = 1L;

    /** cfn-guard's error kinds that matter to the evaluator. */
    enum Kind {
        /** a key, index or variable that cannot be retrieved. */
        RETRIEVAL,
        /** a retrieval on a value of the wrong type. */
        INCOMPATIBLE_RETRIEVAL,
        /** incompatible types. */
        INCOMPATIBLE,
        /** values that cannot be compared. */
        NOT_COMPARABLE,
        /** a missing rule, variable or value. */
        MISSING_VALUE,
        /** a parse error at evaluation time (functions). */
        PARSE,
        /** anything else. */
        OTHER
    }

    private final Kind kind;

    GuardEvalException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** The kind of failure. */
    Kind kind() {
        return kind;
    }

    /** The message in cfn-guard's words, prefixed as its error display does. */
    public String describe() {
        switch (kind) {
            case RETRIEVAL:
                return "Could not retrieve data from incoming context. Error = `" + getMessage() + "`";
            case INCOMPATIBLE_RETRIEVAL:
                return "Types or variable assignments have incompatible types to retrieve `" + getMessage() + "`";
            case INCOMPATIBLE:
                return "Types or variable assignments are incompatible `" + getMessage() + "`";
            case NOT_COMPARABLE:
                return "Comparing incoming context with literals or dynamic results wasn't possible `"
                        + getMessage() + "`";
            case MISSING_VALUE:
                return "There was no variable or value object to resolve. Error = `" + getMessage() + "`";
            case PARSE:
                return "Parser Error when parsing `" + getMessage() + "`";
            default:
                return getMessage();
        }
    }
}
