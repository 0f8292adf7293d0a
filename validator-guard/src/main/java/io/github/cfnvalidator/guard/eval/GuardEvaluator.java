package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.eval.GuardRecord.BlockCheck;
import io.github.cfnvalidator.guard.eval.GuardScopes.BlockScope;
import io.github.cfnvalidator.guard.eval.GuardScopes.ParamScope;
import io.github.cfnvalidator.guard.eval.GuardScopes.Scope;
import io.github.cfnvalidator.guard.eval.GuardScopes.ValueScope;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Block;
import io.github.cfnvalidator.guard.syntax.GuardAst.BlockClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.NamedRuleRef;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParamRuleCall;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParameterizedRule;
import io.github.cfnvalidator.guard.syntax.GuardAst.RClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.RWhen;
import io.github.cfnvalidator.guard.syntax.GuardAst.Rule;
import io.github.cfnvalidator.guard.syntax.GuardAst.RuleClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.TypeBlock;
import io.github.cfnvalidator.guard.syntax.GuardAst.WhenBlock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluator: cfn-guard 3.1.1's PASS/FAIL/SKIP algebra over the record tree. A clause over a query that returns
 * nothing SKIPs; a value the query could not reach FAILs; {@code ALL} (the default) needs every value to pass,
 * {@code some} one; a rule whose {@code when} is not PASS SKIPs; a referenced rule that is not PASS fails the
 * clause that references it; a conjunction FAILs if any disjunction fails, PASSes if any passes, else SKIPs.
 */
public final class GuardEvaluator {
    private GuardEvaluator() {
    }

    // ================================================================ queries

    /** The start of the reason of a query that an intrinsic function's choice of {@code AWS::NoValue} stopped. */
    public static final String REMOVED = "intrinsic: ";

    // ================================================================ clauses
    static GuardStatus evalAccessClause(AccessClause gac, Scope resolver) throws GuardEvalException {
        boolean all = gac.query.matchAll();
        String blkContext = gac.blockContext;
        resolver.startRecord(blkContext);
        GuardStatus status;
        try {
            if (gac.cmp.op().unary()) {
                status = GuardUnaryChecks.unaryOperation(gac, gac.negation, resolver);
            } else {
                List<QueryResult> rhs;
                LetValue with = gac.compareWith;
                if (with instanceof GuardAst.ValueLit v) {
                    rhs = GuardQueries.one(new QueryResult.Literal(v.value()));
                } else if (with instanceof GuardAst.Access a) {
                    rhs = resolver.query(a.query().parts());
                } else {
                    GuardAst.FunctionExpr f = ((GuardAst.Call) with).call();
                    rhs = GuardQueries.resolveFunction(f.name(), f.parameters(), resolver);
                }
                status = GuardBinaryChecks.binaryOperation(gac, rhs, resolver);
            }
        } catch (GuardEvalException e) {
            resolver.endRecord(blkContext, new GuardRecord.GuardClauseBlockCheck(new BlockCheck(!all,
                    GuardStatus.FAIL, "Error " + e.describe() + " when handling clause, bailing")));
            throw e;
        }
        resolver.endRecord(blkContext, new GuardRecord.GuardClauseBlockCheck(new BlockCheck(!all, status, null)));
        return status;
    }

    static GuardStatus evalNamedRule(NamedRuleRef gnc, Scope resolver) throws GuardEvalException {
        String context = gnc.toString();
        resolver.startRecord(context);
        GuardStatus status;
        try {
            status = resolver.ruleStatus(gnc.rule());
        } catch (GuardEvalException e) {
            resolver.endRecord(context, new GuardRecord.ClauseValueCheck(new GuardRecord.DependentRule(gnc.rule(),
                    context + " failed due to error " + e.describe(), gnc.customMessage(), GuardStatus.FAIL,
                    resolver.root())));
            throw e;
        }
        boolean pass = status == GuardStatus.PASS;
        if (gnc.negation()) {
            pass = !pass;
        }
        if (pass) {
            resolver.endRecord(context, GuardClauseRecords.success());
            return GuardStatus.PASS;
        }
        resolver.endRecord(context, new GuardRecord.ClauseValueCheck(new GuardRecord.DependentRule(gnc.rule(), null,
                gnc.customMessage(), GuardStatus.FAIL, resolver.root())));
        return GuardStatus.FAIL;
    }

    static GuardStatus evalBlock(Block<GuardClause> block, Scope resolver) throws GuardEvalException {
        BlockScope scope = new BlockScope(block, resolver.root(), resolver);
        return evalConjunctions(block.conjunctions(), scope);
    }

    static GuardStatus evalBlockClause(BlockClause bc, Scope resolver) throws GuardEvalException {
        String context = bc.context();
        boolean matchAll = bc.query().matchAll();
        resolver.startRecord(context);
        List<QueryResult> values;
        try {
            values = resolver.query(bc.query().parts());
        } catch (GuardEvalException e) {
            resolver.endRecord(context, new GuardRecord.BlockGuardCheck(new BlockCheck(!matchAll, GuardStatus.FAIL,
                    null)));
            throw e;
        }
        if (values.isEmpty()) {
            GuardStatus status = bc.notEmpty() ? GuardStatus.FAIL : GuardStatus.SKIP;
            resolver.endRecord(context, new GuardRecord.BlockGuardCheck(new BlockCheck(!matchAll, status, null)));
            return status;
        }
        int fails = 0;
        int passes = 0;
        for (QueryResult each : values) {
            if (each instanceof QueryResult.UnResolved ur) {
                fails++;
                String guardCxt = bc.accessContext();
                resolver.startRecord(guardCxt);
                resolver.endRecord(guardCxt, new GuardRecord.ClauseValueCheck(new GuardRecord.MissingBlockValue(ur,
                        "Query " + bc.query() + " did not resolve to correct value, reason "
                                + (ur.reason() == null ? "" : ur.reason()), null, GuardStatus.FAIL)));
                continue;
            }
            ValueScope scope = new ValueScope(each.valueOrNull(), resolver);
            GuardStatus status;
            try {
                status = evalBlock(bc.block(), scope);
            } catch (GuardEvalException e) {
                resolver.endRecord(context, new GuardRecord.BlockGuardCheck(new BlockCheck(!matchAll,
                        GuardStatus.FAIL, "Error " + e.describe() + " when handling block clause, bailing")));
                throw e;
            }
            if (status == GuardStatus.PASS) {
                passes++;
            } else if (status == GuardStatus.FAIL) {
                fails++;
            }
        }
        GuardStatus status;
        if (matchAll) {
            status = fails > 0 ? GuardStatus.FAIL : passes > 0 ? GuardStatus.PASS : GuardStatus.SKIP;
        } else {
            status = passes > 0 ? GuardStatus.PASS : fails > 0 ? GuardStatus.FAIL : GuardStatus.SKIP;
        }
        resolver.endRecord(context, new GuardRecord.BlockGuardCheck(new BlockCheck(!matchAll, status, null)));
        return status;
    }

    /** The branch gaps noted so far (intrinsic-aware mode), or 0. */
    static int gaps(Scope resolver) {
        GuardIntrinsics i = resolver.options().intrinsics();
        return i == null ? 0 : i.branchGaps();
    }

    /**
     * Intrinsic-aware mode: a rule's {@code when} condition that did not pass because a query into one value of an
     * intrinsic function (an {@code Fn::If} branch) could not reach what it asks for holds in some deployments and
     * not in others; cfn-guard would decide it per deployment, so the rule is evaluated (its failures in the
     * deployments where the condition holds are not skipped with the rest). Block-level {@code when} conditions keep
     * cfn-guard's SKIP.
     */
    static boolean undecidedByBranches(Scope resolver, int before, GuardStatus cond) {
        return cond == GuardStatus.FAIL && gaps(resolver) > before;
    }

    /**
     * While a rule or block guarded by such a condition is evaluated, the gaps themselves are left out of its clauses:
     * they stand for deployments in which the condition, decided per deployment, may not hold.
     */
    static void ignoreGaps(Scope resolver, boolean undecided, boolean on) {
        if (undecided) {
            resolver.options().intrinsics().ignoreGaps(on);
        }
    }

    static GuardStatus evalWhenBlock(String context, List<List<GuardClause>> conditions, Block<GuardClause> block,
                                     Scope resolver) throws GuardEvalException {
        resolver.startRecord(context);
        String whenContext = context + "/When";
        resolver.startRecord(whenContext);
        GuardStatus cond;
        try {
            cond = mutedConjunctions(conditions, resolver);
        } catch (GuardEvalException e) {
            resolver.endRecord(whenContext, new GuardRecord.WhenCondition(GuardStatus.FAIL));
            resolver.endRecord(context, new GuardRecord.WhenCheck(new BlockCheck(false, GuardStatus.FAIL,
                    "Error " + e.describe() + " during type condition evaluation, bailing")));
            throw e;
        }
        if (cond != GuardStatus.PASS) {
            resolver.endRecord(whenContext, new GuardRecord.WhenCondition(cond));
            resolver.endRecord(context, new GuardRecord.WhenCheck(new BlockCheck(false, GuardStatus.SKIP, null)));
            return GuardStatus.SKIP;
        }
        resolver.endRecord(whenContext, new GuardRecord.WhenCondition(GuardStatus.PASS));
        GuardStatus status;
        try {
            status = evalBlock(block, resolver);
        } catch (GuardEvalException e) {
            resolver.endRecord(context, new GuardRecord.WhenCheck(new BlockCheck(false, GuardStatus.FAIL,
                    "Error " + e.describe() + " during type condition evaluation, bailing")));
            throw e;
        }
        resolver.endRecord(context, new GuardRecord.WhenCheck(new BlockCheck(false, status, null)));
        return status;
    }

    static GuardStatus evalParameterizedRuleCall(ParamRuleCall call, Scope resolver) throws GuardEvalException {
        ParameterizedRule rule = resolver.findParameterizedRule(call.named().rule());
        if (rule.parameterNames().size() != call.parameters().size()) {
            throw new GuardEvalException(Kind.INCOMPATIBLE, "Arity mismatch for called parameter rule "
                    + call.named().rule() + ", expected " + rule.parameterNames().size() + ", got "
                    + call.parameters().size());
        }
        Map<String, List<QueryResult>> resolved = new HashMap<>();
        for (int i = 0; i < call.parameters().size(); i++) {
            LetValue p = call.parameters().get(i);
            String name = rule.parameterNames().get(i);
            if (p instanceof GuardAst.ValueLit v) {
                resolved.put(name, GuardQueries.one(new QueryResult.Resolved(v.value())));
            } else if (p instanceof GuardAst.Access a) {
                resolved.put(name, resolver.query(a.query().parts()));
            } else {
                GuardAst.FunctionExpr f = ((GuardAst.Call) p).call();
                resolved.put(name, GuardQueries.resolveFunction(f.name(), f.parameters(), resolver));
            }
        }
        GuardStatus status = evalRule(rule.rule(), new ParamScope(call, resolved, resolver));
        if (call.named().negation() && resolver.options().strict()) {
            // cfn-guard 3.1.1 ignores "not" in front of a call (compatibility mode keeps that)
            return status == GuardStatus.PASS ? GuardStatus.FAIL : GuardStatus.PASS;
        }
        return status;
    }

    static GuardStatus evalGuardClause(GuardClause gc, Scope resolver) throws GuardEvalException {
        if (gc instanceof AccessClause a) {
            return evalAccessClause(a, resolver);
        }
        if (gc instanceof NamedRuleRef n) {
            return evalNamedRule(n, resolver);
        }
        if (gc instanceof BlockClause b) {
            return evalBlockClause(b, resolver);
        }
        if (gc instanceof WhenBlock w) {
            return evalWhenBlock("GuardConditionClause", w.conditions(), w.block(), resolver);
        }
        return evalParameterizedRuleCall((ParamRuleCall) gc, resolver);
    }

    static GuardStatus evalTypeBlock(TypeBlock tb, Scope resolver) throws GuardEvalException {
        String context = "TypeBlock#" + tb.typeName();
        resolver.startRecord(context);
        if (tb.conditions() != null) {
            String whenContext = context + "/When";
            resolver.startRecord(whenContext);
            GuardStatus cond;
            try {
                cond = mutedConjunctions(tb.conditions(), resolver);
            } catch (GuardEvalException e) {
                resolver.endRecord(whenContext, new GuardRecord.TypeCondition(GuardStatus.FAIL));
                resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false,
                        GuardStatus.FAIL, "Error " + e.describe() + " during type condition evaluation, bailing")));
                throw e;
            }
            if (cond != GuardStatus.PASS) {
                resolver.endRecord(whenContext, new GuardRecord.TypeCondition(cond));
                resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false,
                        GuardStatus.SKIP, null)));
                return GuardStatus.SKIP;
            }
            resolver.endRecord(whenContext, new GuardRecord.TypeCondition(GuardStatus.PASS));
        }
        List<QueryResult> values;
        try {
            values = resolver.query(tb.query());
        } catch (GuardEvalException e) {
            resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false,
                    GuardStatus.FAIL, null)));
            throw e;
        }
        if (values.isEmpty()) {
            resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false,
                    GuardStatus.SKIP, null)));
            return GuardStatus.SKIP;
        }
        int fails = 0;
        int passes = 0;
        for (int idx = 0; idx < values.size(); idx++) {
            QueryResult each = values.get(idx);
            if (each instanceof QueryResult.UnResolved ur) {
                resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false,
                        GuardStatus.FAIL, ur.reason())));
                throw new GuardEvalException(Kind.MISSING_VALUE, "Unable to resolve type block query: "
                        + tb.typeName());
            }
            String blockContext = context + "/" + idx;
            resolver.startRecord(blockContext);
            ValueScope scope = new ValueScope(each.valueOrNull(), resolver);
            GuardStatus status;
            try {
                status = evalBlock(tb.block(), scope);
            } catch (GuardEvalException e) {
                resolver.endRecord(blockContext, new GuardRecord.TypeBlockRec(GuardStatus.FAIL));
                resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false,
                        GuardStatus.FAIL, "Error " + e.describe() + " during type block evaluation, bailing")));
                throw e;
            }
            if (status == GuardStatus.PASS) {
                passes++;
            } else if (status == GuardStatus.FAIL) {
                fails++;
            }
            resolver.endRecord(blockContext, new GuardRecord.TypeBlockRec(status));
        }
        GuardStatus status = fails > 0 ? GuardStatus.FAIL : passes > 0 ? GuardStatus.PASS : GuardStatus.SKIP;
        resolver.endRecord(context, new GuardRecord.TypeCheck(tb.typeName(), new BlockCheck(false, status, null)));
        return status;
    }

    static GuardStatus evalRuleClause(RuleClause rc, Scope resolver) throws GuardEvalException {
        if (rc instanceof RClause c) {
            return evalGuardClause(c.clause(), resolver);
        }
        if (rc instanceof TypeBlock tb) {
            return evalTypeBlock(tb, resolver);
        }
        RWhen w = (RWhen) rc;
        return evalWhenBlock("RuleClause", w.conditions(), w.block(), resolver);
    }

    static GuardStatus evalRule(Rule rule, Scope resolver) throws GuardEvalException {
        String context = rule.name();
        resolver.startRecord(context);
        boolean undecided = false;
        if (rule.conditions() != null) {
            String whenContext = "Rule#" + context + "/When";
            resolver.startRecord(whenContext);
            GuardStatus cond;
            int before = gaps(resolver);
            try {
                cond = mutedConjunctions(rule.conditions(), resolver);
            } catch (GuardEvalException e) {
                resolver.endRecord(whenContext, new GuardRecord.RuleCondition(GuardStatus.FAIL));
                resolver.endRecord(context, new GuardRecord.RuleCheck(rule.name(), GuardStatus.FAIL, null));
                throw e;
            }
            if (cond != GuardStatus.PASS && !undecidedByBranches(resolver, before, cond)) {
                resolver.endRecord(whenContext, new GuardRecord.RuleCondition(cond));
                resolver.endRecord(context, new GuardRecord.RuleCheck(rule.name(), GuardStatus.SKIP, null));
                return GuardStatus.SKIP;
            }
            undecided = cond != GuardStatus.PASS;
            resolver.endRecord(whenContext, new GuardRecord.RuleCondition(GuardStatus.PASS));
        }
        GuardStatus status;
        try {
            ignoreGaps(resolver, undecided, true);
            BlockScope scope = new BlockScope(rule.block(), resolver.root(), resolver);
            status = evalRuleConjunctions(rule.block().conjunctions(), scope);
        } catch (GuardEvalException e) {
            resolver.endRecord(context, new GuardRecord.RuleCheck(rule.name(), GuardStatus.FAIL, null));
            throw e;
        } finally {
            ignoreGaps(resolver, undecided, false);
        }
        resolver.endRecord(context, new GuardRecord.RuleCheck(rule.name(), status, null));
        return status;
    }

    @FunctionalInterface
    interface EvalFn<T> {
        GuardStatus eval(T item, Scope scope) throws GuardEvalException;
    }

    /** Conditions: no report looks inside them, so they are not recorded unless every record is kept. */
    static GuardStatus mutedConjunctions(List<List<GuardClause>> conditions, Scope resolver)
            throws GuardEvalException {
        resolver.recorder().mute();
        try {
            return evalConjunctions(conditions, resolver);
        } finally {
            resolver.recorder().unmute();
        }
    }

    static GuardStatus evalConjunctions(List<List<GuardClause>> conjunctions, Scope resolver)
            throws GuardEvalException {
        return conjunctions(conjunctions, resolver, GuardEvaluator::evalGuardClause, "GuardClause#disjunction");
    }

    static GuardStatus evalRuleConjunctions(List<List<RuleClause>> conjunctions, Scope resolver)
            throws GuardEvalException {
        return conjunctions(conjunctions, resolver, GuardEvaluator::evalRuleClause, "RuleClause#disjunction");
    }

    static <T> GuardStatus conjunctions(List<List<T>> conjunctions, Scope resolver, EvalFn<T> fn,
                                                String context) throws GuardEvalException {
        int numPasses = 0;
        int numFails = 0;
        conjunction:
        for (List<T> conjunction : conjunctions) {
            int disjunctionFails = 0;
            boolean multiple = conjunction.size() > 1;
            if (multiple) {
                resolver.startRecord(context);
            }
            for (T disjunction : conjunction) {
                GuardStatus status;
                try {
                    status = fn.eval(disjunction, resolver);
                } catch (GuardEvalException e) {
                    if (multiple) {
                        resolver.endRecord(context, new GuardRecord.Disjunction(new BlockCheck(true,
                                GuardStatus.FAIL, "Disjunction failed due to error " + e.describe() + ", bailing")));
                    }
                    throw e;
                }
                if (status == GuardStatus.PASS) {
                    numPasses++;
                    if (multiple) {
                        resolver.endRecord(context, new GuardRecord.Disjunction(new BlockCheck(true,
                                GuardStatus.PASS, null)));
                    }
                    continue conjunction;
                }
                if (status == GuardStatus.FAIL) {
                    disjunctionFails++;
                }
            }
            if (disjunctionFails > 0) {
                numFails++;
            }
            if (multiple) {
                resolver.endRecord(context, new GuardRecord.Disjunction(new BlockCheck(true,
                        disjunctionFails > 0 ? GuardStatus.FAIL : GuardStatus.SKIP, null)));
            }
        }
        if (numFails > 0) {
            return GuardStatus.FAIL;
        }
        if (numPasses > 0) {
            return GuardStatus.PASS;
        }
        return GuardStatus.SKIP;
    }

    /** Evaluates every rule of a file over one document; the root record is left in the scope's recorder. */
    public static GuardStatus evalRulesFile(GuardAst.RulesFile file, GuardScopes.RootScope root, String dataFileName)
            throws GuardEvalException {
        String context = "File(rules=" + file.rules().size() + ")";
        root.startRecord(context);
        int fails = 0;
        int passes = 0;
        for (Rule rule : file.rules()) {
            GuardStatus s;
            try {
                s = evalRule(rule, root);
            } catch (GuardEvalException e) {
                root.endRecord(context, new GuardRecord.RuleCheck(rule.name(), GuardStatus.FAIL, null));
                throw e;
            }
            if (s == GuardStatus.PASS) {
                passes++;
            } else if (s == GuardStatus.FAIL) {
                fails++;
            }
        }
        GuardStatus overall = fails > 0 ? GuardStatus.FAIL : passes > 0 ? GuardStatus.PASS : GuardStatus.SKIP;
        root.endRecord(context, new GuardRecord.FileCheck(dataFileName == null ? "" : dataFileName, overall));
        return overall;
    }
}
