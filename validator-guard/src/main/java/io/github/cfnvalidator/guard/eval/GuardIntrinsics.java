package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import java.util.List;

/**
 * Intrinsic awareness for Guard comparisons: where the data gives a value by an intrinsic function ({@code Ref},
 * {@code Fn::If}, {@code Fn::FindInMap}, ...), a comparison is decided over the set of values that function can take
 * in every deployment the template admits, instead of comparing the function's map as cfn-guard does.
 */
public interface GuardIntrinsics {
    /** The outcome of a comparison over every deployment. */
    enum Kind {
        /** It holds in every deployment. */
        PASS,
        /** Some deployment breaks it (the detail names a witness). */
        FAIL,
        /** It cannot be decided before deploy (the detail says why). */
        UNKNOWN
    }

    /**
     * A decided comparison.
     *
     * @param kind     the outcome
     * @param detail   the witness(es) or the reason, e.g. {@code Count=1 gives 1}
     * @param evidence places that explain it
     */
    record Verdict(Kind kind, String detail, List<GuardWitness> evidence) {
        public Verdict {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * Decides a binary comparison for a left-hand value given by an intrinsic function.
     *
     * @param value  the left-hand value as the data holds it (the function's map)
     * @param cmp    the comparison
     * @param rhs    the right-hand values
     * @param strict whether cfn-guard's quirks are fixed
     * @return the verdict, or {@code null} if the value is not an intrinsic function call this mode decides
     */
    Verdict compare(GuardValue value, GuardAst.Cmp cmp, List<QueryResult> rhs, boolean strict);

    /**
     * Decides a unary check ({@code exists}, {@code empty}, {@code is_string}, ...) for a value given by an intrinsic
     * function: it holds when, in every deployment, the check's result is {@code expected}.
     *
     * @param value    the value as the data holds it (the function's map)
     * @param op       the check
     * @param expected the result the check must give for the clause to pass ({@code false} for {@code !exists} etc.)
     * @return the verdict, or {@code null} if the value is not an intrinsic function call this mode decides
     */
    Verdict unary(GuardValue value, GuardAst.CmpOp op, boolean expected);

    /**
     * One value an intrinsic function can take, for queries that go through it.
     *
     * @param value       the value as written in the template, or {@code null} if this choice removes the property
     * @param absentWhen  for a removed property, the deployments that remove it (e.g. {@code Encrypt=false})
     * @param removesItem whether the removed value is a list item (then the list simply lacks it there)
     * @param opaque      whether {@code value} is a function whose value is known only at deploy time: a query
     *                    stops there and the comparison on it is undecided (never a silent pass)
     */
    record Alternative(GuardValue value, String absentWhen, boolean removesItem, boolean opaque) {
    }

    /**
     * The values a value given by an intrinsic function can take, when each is written in the template (a map, a
     * list, a literal) or removes the property ({@code AWS::NoValue}), so that a query can go on into each.
     *
     * @param value the value as the data holds it (the function's map)
     * @return the alternatives, or {@code null} if the value is not such a function or some choice is not written out
     */
    List<Alternative> alternatives(GuardValue value);

    /**
     * Notes a result of a query that went on into one value of a function and could not reach what it asks for
     * there (a gap that exists only in the deployments that choose that value).
     */
    void noteBranchGap(QueryResult gap);

    /**
     * Counts the clauses that met such a gap among their values so far, and gives the values a clause judges: all of
     * them, or those that are not gaps while gaps are ignored.
     */
    List<QueryResult> clauseValues(List<QueryResult> values);

    /** Starts ({@code true}) or ends leaving gaps out of clauses (nested calls count). */
    void ignoreGaps(boolean on);

    /**
     * How many clauses met a gap so far: a {@code when} condition that fails while one does holds in some
     * deployments and not in others, so its rule or block is evaluated rather than skipped.
     */
    int branchGaps();
}
