package io.github.cfnvalidator.guard.eval;

import static io.github.cfnvalidator.guard.eval.GuardClauseRecords.aggregate;
import static io.github.cfnvalidator.guard.eval.GuardClauseRecords.fail;
import static io.github.cfnvalidator.guard.eval.GuardClauseRecords.recordSuccess;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.eval.GuardScopes.Scope;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import io.github.cfnvalidator.guard.syntax.GuardAst.Filter;
import io.github.cfnvalidator.guard.syntax.GuardAst.Key;
import io.github.cfnvalidator.guard.syntax.GuardAst.MapKeyFilter;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import java.util.List;

/**
 * Unary clause checks ({@code exists}, {@code empty}, {@code is_string} and the other type tests), with their optional
 * negation.
 */
final class GuardUnaryChecks {
    private GuardUnaryChecks() {
    }

    private static boolean isEmptyValue(QueryResult value) throws GuardEvalException {
        GuardValue v = value.valueOrNull();
        if (v == null) {
            return true;
        }
        switch (v.kind()) {
            case LIST:
                return ((GuardValue.ListV) v).items().isEmpty();
            case MAP:
                return ((GuardValue.MapV) v).isEmpty();
            case STRING:
                return ((GuardValue.Str) v).value().isEmpty();
            case BOOL:
                return false;
            default:
                throw new GuardEvalException(Kind.INCOMPATIBLE, "Attempting EMPTY operation on type "
                        + v.typeInfo() + " that does not support it at " + v.path());
        }
    }

    static boolean unaryTest(CmpOp op, QueryResult value) throws GuardEvalException {
        GuardValue v = value.valueOrNull();
        switch (op) {
            case EXISTS:
                return v != null;
            case EMPTY:
                return isEmptyValue(value);
            case IS_STRING:
                return v != null && v.kind() == GuardValue.Kind.STRING;
            case IS_LIST:
                return v != null && v.kind() == GuardValue.Kind.LIST;
            case IS_MAP:
                return v != null && v.kind() == GuardValue.Kind.MAP;
            case IS_INT:
                return v != null && v.kind() == GuardValue.Kind.INT;
            case IS_FLOAT:
                return v != null && v.kind() == GuardValue.Kind.FLOAT;
            case IS_BOOL:
                return v != null && v.kind() == GuardValue.Kind.BOOL;
            case IS_NULL:
                return v != null && v.kind() == GuardValue.Kind.NULL;
            default:
                throw new GuardEvalException(Kind.INCOMPATIBLE, "Operation " + op.display + " NOT PERMITTED");
        }
    }

    static GuardStatus unaryOperation(AccessClause gac, boolean inverse, Scope ctx)
            throws GuardEvalException {
        List<QueryPart> lhsQuery = gac.query.parts();
        Cmp cmp = gac.cmp;
        String context = gac.toString();
        String customMessage = gac.customMessage;
        boolean all = gac.query.matchAll();
        List<QueryResult> lhs = ctx.query(lhsQuery);
        if (ctx.options().intrinsics() != null) {
            lhs = ctx.options().intrinsics().clauseValues(lhs);
        }
        QueryPart last = lhsQuery.get(lhsQuery.size() - 1);
        boolean emptyOnExpr = last instanceof Filter || last instanceof MapKeyFilter
                || (last instanceof Key k && k.isVariable() && lhsQuery.size() == 1);
        if (emptyOnExpr && cmp.op() == CmpOp.EMPTY) {
            return emptyOnExpression(gac, lhs, inverse, ctx);
        }
        if (lhs.isEmpty()) {
            return GuardStatus.SKIP;
        }
        int pass = 0;
        int fail = 0;
        GuardIntrinsics intrinsics = ctx.options().intrinsics();
        for (QueryResult each : lhs) {
            GuardValue iv = intrinsics != null && each instanceof QueryResult.Resolved res ? res.value() : null;
            GuardIntrinsics.Verdict verdict = iv == null ? null
                    : intrinsics.unary(iv, cmp.op(), cmp.not() == inverse);
            if (verdict != null) {
                if (verdict.kind() == GuardIntrinsics.Kind.PASS) {
                    recordSuccess(ctx, context);
                    pass++;
                } else {
                    fail(ctx, context, new GuardRecord.Deployments(cmp, iv, verdict.detail(),
                            verdict.kind() == GuardIntrinsics.Kind.UNKNOWN, customMessage, verdict.evidence()));
                    fail++;
                }
                continue;
            }
            boolean r;
            try {
                r = unaryTest(cmp.op(), each);
            } catch (GuardEvalException e) {
                fail(ctx, context, new GuardRecord.Unary(cmp, each, e.describe(), customMessage, GuardStatus.FAIL));
                throw e;
            }
            if (cmp.not()) {
                r = !r;
            }
            if (inverse) {
                r = !r;
            }
            if (r) {
                recordSuccess(ctx, context);
                pass++;
            } else {
                fail(ctx, context, new GuardRecord.Unary(cmp, each, null, customMessage, GuardStatus.FAIL));
                fail++;
            }
        }
        return aggregate(pass, fail, all);
    }

    /**
     * {@code empty} on a filter, a map key filter or a lone variable: whether the selection is empty (no value, or
     * each value null), not whether each value is an empty string, list or map.
     */
    private static GuardStatus emptyOnExpression(AccessClause gac, List<QueryResult> lhs, boolean inverse,
                                                 Scope ctx) {
        Cmp cmp = gac.cmp;
        String context = gac.toString();
        String customMessage = gac.customMessage;
        if (!lhs.isEmpty()) {
            int pass = 0;
            int fail = 0;
            for (QueryResult each : lhs) {
                boolean ok;
                QueryResult result;
                GuardValue v = each.valueOrNull();
                if (v != null) {
                    ok = cmp.not() ? !v.isNull() : v.isNull();
                    result = new QueryResult.Resolved(v);
                } else {
                    ok = !cmp.not();
                    result = each;
                }
                if (inverse) {
                    ok = !ok;
                }
                if (ok) {
                    recordSuccess(ctx, context);
                    pass++;
                } else {
                    fail(ctx, context, new GuardRecord.Unary(cmp, result, null, customMessage, GuardStatus.FAIL));
                    fail++;
                }
            }
            return aggregate(pass, fail, gac.query.matchAll());
        }
        boolean result = !cmp.not();
        if (inverse) {
            result = !result;
        }
        if (result) {
            recordSuccess(ctx, context);
            return GuardStatus.PASS;
        }
        fail(ctx, context, new GuardRecord.NoValueForEmptyCheck(customMessage, ctx.root()));
        return GuardStatus.FAIL;
    }
}
