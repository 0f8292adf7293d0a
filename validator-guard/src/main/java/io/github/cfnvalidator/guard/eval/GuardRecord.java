package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the record tree the evaluator produces: what was checked (its context, e.g. the clause as written), with
 * what result, and the checks it is made of. Every reporter is a view over this tree, as in cfn-guard.
 */
public final class GuardRecord {
    private final String context;
    private Type type;
    private List<GuardRecord> children;
    private boolean hadChildren;

    GuardRecord(String context) {
        this.context = context;
    }

    /** What was checked, in cfn-guard's words. */
    public String context() {
        return context;
    }

    /** The outcome and its details. */
    public Type type() {
        return type;
    }

    void type(Type t) {
        this.type = t;
    }

    /** The checks this one is made of. */
    public List<GuardRecord> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    void addChild(GuardRecord r) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(r);
        hadChildren = true;
    }

    /** Notes that a check ran under this record, even if its record was not kept. */
    void touch() {
        hadChildren = true;
    }

    /** Whether any check ran under this record (kept in the tree or not). */
    public boolean hadChildren() {
        return hadChildren;
    }

    void dropChildren() {
        children = null;
    }

    /** The status this record carries, if any. */
    public GuardStatus status() {
        return type == null ? null : type.status();
    }

    @Override
    public String toString() {
        return (type == null ? "?" : type.describe()) + "[Context=" + context + "]";
    }

    /** The kinds of record. */
    public sealed interface Type permits FileCheck, RuleCheck, RuleCondition, TypeCondition, WhenCondition, Filter,
            TypeBlockRec, TypeCheck, WhenCheck, Disjunction, BlockGuardCheck, GuardClauseBlockCheck,
            ClauseValueCheck {
        /** The status of this record. */
        GuardStatus status();

        /** cfn-guard's display of the record type (verbose output). */
        String describe();
    }

    /** The outcome of a block-like check. */
    record BlockCheck(boolean atLeastOneMatches, GuardStatus status, String message) {
    }

    /** A rule file over one data file. */
    record FileCheck(String name, GuardStatus status) implements Type {
        @Override
        public String describe() {
            return "File(" + name + ", Status=" + status + ")";
        }
    }

    /** A rule. */
    public record RuleCheck(String name, GuardStatus status, String message) implements Type {
        @Override
        public String describe() {
            return "Rule(" + name + ", Status=" + status + ")";
        }
    }

    /** A rule's when conditions. */
    record RuleCondition(GuardStatus status) implements Type {
        @Override
        public String describe() {
            return "Rule/When(Status=" + status + ")";
        }
    }

    /** A type block's when conditions. */
    record TypeCondition(GuardStatus status) implements Type {
        @Override
        public String describe() {
            return "TypeBlock/When Status=" + status + ")";
        }
    }

    /** A when block's conditions. */
    record WhenCondition(GuardStatus status) implements Type {
        @Override
        public String describe() {
            return "WhenCondition(Status = " + status + ")";
        }
    }

    /** A filter applied to one value. */
    record Filter(GuardStatus status) implements Type {
        @Override
        public String describe() {
            return "Filter/ConjunctionsBlock(Status=" + status + ")";
        }
    }

    /** A type block's body over one resource. */
    public record TypeBlockRec(GuardStatus status) implements Type {
        @Override
        public String describe() {
            return "TypeBlock/Block Status=" + status + ")";
        }
    }

    /** A type block. */
    public record TypeCheck(String typeName, BlockCheck block) implements Type {
        @Override
        public GuardStatus status() {
            return block.status();
        }

        @Override
        public String describe() {
            return "Type(" + typeName + ", Status=" + block.status() + ")";
        }
    }

    /** A when block. */
    public record WhenCheck(BlockCheck block) implements Type {
        @Override
        public GuardStatus status() {
            return block.status();
        }

        @Override
        public String describe() {
            return "WhenConditionalBlock(Status = " + block.status() + ")";
        }
    }

    /** A group of {@code or}-ed clauses. */
    public record Disjunction(BlockCheck block) implements Type {
        @Override
        public GuardStatus status() {
            return block.status();
        }

        @Override
        public String describe() {
            return "Disjunction(Status = " + block.status() + ")";
        }
    }

    /** A block clause ({@code query { ... }}). */
    public record BlockGuardCheck(BlockCheck block) implements Type {
        @Override
        public GuardStatus status() {
            return block.status();
        }

        @Override
        public String describe() {
            return "GuardValueBlockCheck(Status = " + block.status() + ")";
        }
    }

    /** One clause over all the values its query returned. */
    public record GuardClauseBlockCheck(BlockCheck block) implements Type {
        @Override
        public GuardStatus status() {
            return block.status();
        }

        @Override
        public String describe() {
            return "GuardClauseBlock(Status = " + block.status() + ")";
        }
    }

    /** One value checked by one clause. */
    public record ClauseValueCheck(ClauseCheck check) implements Type {
        @Override
        public GuardStatus status() {
            return check instanceof Success ? GuardStatus.PASS : GuardStatus.FAIL;
        }

        @Override
        public String describe() {
            return check.describe();
        }
    }

    /** The details of a value check. */
    public sealed interface ClauseCheck permits Success, Comparison, InComparison, Unary, NoValueForEmptyCheck,
            DependentRule, MissingBlockValue, Deployments {
        /** cfn-guard's display. */
        String describe();
    }

    /** The value passed. */
    record Success() implements ClauseCheck {
        @Override
        public String describe() {
            return "GuardClauseValueCheck(Status=PASS)";
        }
    }

    /** A binary comparison failed; {@code to} is null when the left side was not found. */
    public record Comparison(Cmp comparison, QueryResult from, QueryResult to, String message, String customMessage,
                      GuardStatus status) implements ClauseCheck {
        @Override
        public String describe() {
            return "GuardClauseBinaryCheck(Status=" + status + ", Comparison=" + displayCmp(comparison) + ", from="
                    + QueryResult.display(from) + ", to=" + (to == null ? "" : QueryResult.display(to)) + ")";
        }
    }

    /** An {@code in} comparison failed. */
    public record InComparison(Cmp comparison, QueryResult from, List<QueryResult> to, String message,
                        String customMessage, GuardStatus status) implements ClauseCheck {
        @Override
        public String describe() {
            List<String> shown = new ArrayList<>();
            for (QueryResult q : to) {
                shown.add(QueryResult.display(q));
            }
            return "GuardClauseInBinaryCheck(Status=" + status + ", Comparison=" + displayCmp(comparison)
                    + ", from=" + QueryResult.display(from) + ", to=" + GuardAst.sliceDisplay(shown) + ")";
        }
    }

    /** A unary check ({@code exists}, {@code empty}, {@code is_string}, ...) failed. */
    public record Unary(Cmp comparison, QueryResult from, String message, String customMessage, GuardStatus status)
            implements ClauseCheck {
        @Override
        public String describe() {
            return "GuardClauseUnaryCheck(Status=" + status + ", Comparison=" + displayCmp(comparison)
                    + ", Value-At=" + QueryResult.display(from) + ")";
        }
    }

    /** A {@code %var empty}-style check found values; {@code scope} is the value the clause ran on. */
    public record NoValueForEmptyCheck(String customMessage, GuardValue scope) implements ClauseCheck {
        @Override
        public String describe() {
            return "GuardClause(Status=FAIL, Empty, " + (customMessage == null ? "" : customMessage) + ")";
        }
    }

    /** A referenced rule did not pass; {@code scope} is the value the referencing clause ran on. */
    public record DependentRule(String rule, String message, String customMessage, GuardStatus status, GuardValue scope)
            implements ClauseCheck {
        @Override
        public String describe() {
            return "GuardClauseDependentRule(Rule=" + rule + ", Status=" + status + ")";
        }
    }

    /** A block clause's query stopped before reaching a value. */
    public record MissingBlockValue(QueryResult from, String message, String customMessage, GuardStatus status)
            implements ClauseCheck {
        @Override
        public String describe() {
            String path = from instanceof QueryResult.UnResolved u ? u.traversedTo().path().pointer() : "";
            return "GuardBlockValueMissing(Status=" + status + ", Reason=" + (message == null ? "" : message) + ", "
                    + path + ")";
        }
    }

    /**
     * Intrinsic-aware mode: a comparison on a value written as an intrinsic function, decided over every deployment
     * the template admits. It failed for some deployment (the witness says which), or could not be decided before
     * deploy ({@code unknown}).
     */
    public record Deployments(Cmp comparison, GuardValue at, String detail, boolean unknown, String customMessage,
                       List<GuardWitness> evidence) implements ClauseCheck {
        @Override
        public String describe() {
            return "GuardClauseDeploymentCheck(Status=FAIL, Comparison=" + displayCmp(comparison) + ", value="
                    + at.path() + ", " + detail + ")";
        }
    }

    static String displayCmp(Cmp c) {
        return (c.not() ? "not" : "") + " " + c.op().display;
    }
}
