package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;

/**
 * One answer of a query: a literal from the rule file, a value found in the data, or the place where the query could
 * not go on (a missing key, an index out of bounds) with the query that remained and the reason.
 */
public sealed interface QueryResult permits QueryResult.Literal, QueryResult.Resolved, QueryResult.UnResolved {

    /** A literal value. */
    record Literal(GuardValue value) implements QueryResult {
    }

    /** A value found in the data. */
    record Resolved(GuardValue value) implements QueryResult {
    }

    /** Where the query stopped, what remained of it and why (both texts computed only when a report needs them). */
    final class UnResolved implements QueryResult {
        private final GuardValue traversedTo;
        private java.util.function.Supplier<String> remainingSource;
        private java.util.function.Supplier<String> reasonSource;
        private String remaining;
        private String reason;

        UnResolved(GuardValue traversedTo, java.util.function.Supplier<String> remaining,
                   java.util.function.Supplier<String> reason) {
            this.traversedTo = traversedTo;
            this.remainingSource = remaining;
            this.reasonSource = reason;
        }

        UnResolved(GuardValue traversedTo, String remaining, String reason) {
            this.traversedTo = traversedTo;
            this.remaining = remaining;
            this.reason = reason;
        }

        /** The value the query reached before it stopped. */
        public GuardValue traversedTo() {
            return traversedTo;
        }

        /** The part of the query that remained. */
        public String remainingQuery() {
            if (remaining == null && remainingSource != null) {
                remaining = remainingSource.get();
                remainingSource = null;
            }
            return remaining;
        }

        /** Why it stopped, or null. */
        public String reason() {
            if (reason == null && reasonSource != null) {
                reason = reasonSource.get();
                reasonSource = null;
            }
            return reason;
        }
    }

    /** The value of a literal or resolved result, else {@code null}. */
    default GuardValue valueOrNull() {
        if (this instanceof Literal l) {
            return l.value();
        }
        if (this instanceof Resolved r) {
            return r.value();
        }
        return null;
    }

    /** cfn-guard's display of a result. */
    static String display(QueryResult r) {
        if (r instanceof Literal l) {
            return "literal, " + l.value();
        }
        if (r instanceof Resolved x) {
            return "(resolved, " + x.value() + ")";
        }
        return "(unresolved, " + ((UnResolved) r).traversedTo() + ")";
    }
}
