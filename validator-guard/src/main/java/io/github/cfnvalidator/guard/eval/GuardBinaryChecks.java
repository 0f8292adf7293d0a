package io.github.cfnvalidator.guard.eval;

import static io.github.cfnvalidator.guard.eval.GuardClauseRecords.aggregate;
import static io.github.cfnvalidator.guard.eval.GuardClauseRecords.fail;
import static io.github.cfnvalidator.guard.eval.GuardClauseRecords.recordSuccess;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.eval.GuardOperators.Outcome;
import io.github.cfnvalidator.guard.eval.GuardScopes.Scope;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary clause checks: comparisons of a query's values with a literal, a query or a function's result, and the map
 * key filter's real_binary_operation.
 */
final class GuardBinaryChecks {
    private GuardBinaryChecks() {
    }

    /** Pass and fail counts of one clause. */
    private static final class Tally {
        int pass;
        int fail;
    }

    static GuardStatus binaryOperation(AccessClause gac, List<QueryResult> rhs, Scope ctx)
            throws GuardEvalException {
        Cmp cmp = gac.cmp;
        boolean negate = gac.negation && ctx.options().strict();
        List<QueryResult> lhs = ctx.query(gac.query.parts());
        if (ctx.options().intrinsics() != null) {
            lhs = ctx.options().intrinsics().clauseValues(lhs);
        }
        Tally tally = new Tally();
        GuardIntrinsics intrinsics = ctx.options().intrinsics();
        if (intrinsics != null && !lhs.isEmpty() && !rhs.isEmpty()) {
            List<QueryResult> plain = throughIntrinsics(gac, lhs, rhs, negate, ctx, tally);
            if (plain.size() < lhs.size()) {
                if (plain.isEmpty()) {
                    return aggregate(tally.pass, tally.fail, gac.query.matchAll());
                }
                lhs = plain;
            }
        }
        List<Outcome> results = GuardOperators.compare(cmp, lhs, rhs, ctx.options().strict());
        if (results == null) {
            return tally.pass + tally.fail > 0 ? aggregate(tally.pass, tally.fail, gac.query.matchAll())
                    : GuardStatus.SKIP;
        }
        for (Outcome o : results) {
            if (negate) {
                o = negateOutcome(o);
            }
            record(gac, o, ctx, tally);
        }
        return aggregate(tally.pass, tally.fail, gac.query.matchAll());
    }

    /**
     * The left-hand values whose comparison the intrinsic functions decide are recorded and counted; the others are
     * returned for the plain comparison.
     */
    private static List<QueryResult> throughIntrinsics(AccessClause gac, List<QueryResult> lhs,
                                                       List<QueryResult> rhs, boolean negate, Scope ctx,
                                                       Tally tally) {
        Cmp cmp = gac.cmp;
        String context = gac.toString();
        GuardIntrinsics intrinsics = ctx.options().intrinsics();
        List<QueryResult> plain = new ArrayList<>(lhs.size());
        for (QueryResult q : lhs) {
            GuardValue v = q instanceof QueryResult.Resolved r ? r.value() : null;
            GuardIntrinsics.Verdict verdict = v == null ? null : intrinsics.compare(v, cmp, rhs,
                    ctx.options().strict());
            if (verdict == null) {
                plain.add(q);
                continue;
            }
            GuardIntrinsics.Kind kind = verdict.kind();
            if (negate && kind != GuardIntrinsics.Kind.UNKNOWN) {
                kind = kind == GuardIntrinsics.Kind.PASS ? GuardIntrinsics.Kind.FAIL : GuardIntrinsics.Kind.PASS;
            }
            if (kind == GuardIntrinsics.Kind.PASS) {
                recordSuccess(ctx, context);
                tally.pass++;
            } else {
                fail(ctx, context, new GuardRecord.Deployments(cmp, v, verdict.detail().isEmpty()
                        ? "holds in every deployment, and the clause is negated" : verdict.detail(),
                        kind == GuardIntrinsics.Kind.UNKNOWN, gac.customMessage, verdict.evidence()));
                tally.fail++;
            }
        }
        return plain;
    }

    /** Records one comparison outcome and counts it. */
    private static void record(AccessClause gac, Outcome o, Scope ctx, Tally tally) {
        Cmp cmp = gac.cmp;
        String context = gac.toString();
        String customMessage = gac.customMessage;
        if (o instanceof GuardOperators.LhsUnresolved lu) {
            fail(ctx, context, new GuardRecord.Comparison(cmp, lu.ur(), null, null, customMessage,
                    GuardStatus.FAIL));
            tally.fail++;
        } else if (o instanceof GuardOperators.RhsUnresolved ru) {
            fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(ru.lhs()), ru.ur(), null,
                    customMessage, GuardStatus.FAIL));
            tally.fail++;
        } else if (o instanceof GuardOperators.NotComparable nc) {
            fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(nc.lhs()),
                    new QueryResult.Resolved(nc.rhs()), nc.reason(), customMessage, GuardStatus.FAIL));
            tally.fail++;
        } else if (o instanceof GuardOperators.Success s) {
            if (s.compare() instanceof GuardOperators.QueryIn q) {
                for (int i = 0; i < q.lhs().size(); i++) {
                    recordSuccess(ctx, context);
                    tally.pass++;
                }
            } else {
                recordSuccess(ctx, context);
                tally.pass++;
            }
        } else {
            recordFailedCompare(cmp, ((GuardOperators.Fail) o).compare(), context, customMessage, ctx, tally);
        }
    }

    /** Records a comparison that was made and did not hold. */
    private static void recordFailedCompare(Cmp cmp, GuardOperators.Compare c, String context, String customMessage,
                                            Scope ctx, Tally tally) {
        if (c instanceof GuardOperators.Value v) {
            fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(v.lhs()),
                    new QueryResult.Resolved(v.rhs()), null, customMessage, GuardStatus.FAIL));
            tally.fail++;
        } else if (c instanceof GuardOperators.ValueIn v) {
            fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(v.lhs()),
                    List.of(new QueryResult.Resolved(v.rhs())), null, customMessage, GuardStatus.FAIL));
            tally.fail++;
        } else if (c instanceof GuardOperators.ListIn l) {
            fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(l.lhs()),
                    List.of(new QueryResult.Resolved(l.rhs())), null, customMessage, GuardStatus.FAIL));
            tally.fail++;
        } else {
            GuardOperators.QueryIn q = (GuardOperators.QueryIn) c;
            List<QueryResult> to = new ArrayList<>();
            for (GuardValue r : q.rhs()) {
                to.add(new QueryResult.Resolved(r));
            }
            for (GuardValue l : q.diff()) {
                fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(l), to, null,
                        customMessage, GuardStatus.FAIL));
                tally.fail++;
            }
        }
    }

    /** Strict mode only: {@code not} in front of a binary clause inverts each comparison. */
    private static Outcome negateOutcome(Outcome o) {
        if (o instanceof GuardOperators.Success s) {
            return new GuardOperators.Fail(s.compare());
        }
        if (o instanceof GuardOperators.Fail f) {
            return new GuardOperators.Success(f.compare());
        }
        return o;
    }

    /** real_binary_operation (map key filters): one (result, status) pair per left-hand value. */
    static List<Object[]> realBinaryOperation(List<QueryResult> lhs, List<QueryResult> rhs, Cmp cmpIn,
                                              String context, String customMessage, Scope ctx)
            throws GuardEvalException {
        Cmp cmp = cmpIn.op() == CmpOp.EQ && rhs.size() > 1 ? new Cmp(CmpOp.IN, cmpIn.not()) : cmpIn;
        List<Object[]> statuses = new ArrayList<>();
        for (QueryResult each : lhs) {
            if (each instanceof QueryResult.UnResolved) {
                fail(ctx, context, new GuardRecord.Comparison(cmp, each, null, null, customMessage,
                        GuardStatus.FAIL));
                statuses.add(new Object[] {each, GuardStatus.FAIL});
                continue;
            }
            GuardValue l = each.valueOrNull();
            List<Pair> pairs = eachLhsCompare(cmp, l, rhs);
            if (cmp.op() == CmpOp.IN) {
                Map<GuardValue, List<Pair>> byLhs = new IdentityHashMap<>();
                List<GuardValue> order = new ArrayList<>();
                for (Pair p : pairs) {
                    if (p.rhsUnresolved != null && !(p.rhsUnresolved instanceof QueryResult.UnResolved)) {
                        continue;
                    }
                    if (!byLhs.containsKey(p.lhs)) {
                        order.add(p.lhs);
                    }
                    byLhs.computeIfAbsent(p.lhs, k -> new ArrayList<>()).add(p);
                }
                for (GuardValue key : order) {
                    List<Pair> group = byLhs.get(key);
                    boolean found = false;
                    for (Pair p : group) {
                        if (p.comparable && p.outcome) {
                            found = true;
                            break;
                        }
                    }
                    if (found) {
                        recordSuccess(ctx, context);
                        statuses.add(new Object[] {new QueryResult.Resolved(key), GuardStatus.PASS});
                    } else {
                        List<QueryResult> to = new ArrayList<>();
                        for (Pair p : group) {
                            to.add(p.rhsUnresolved != null ? p.rhsUnresolved : new QueryResult.Resolved(p.rhs));
                        }
                        fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(key), to, null,
                                customMessage, GuardStatus.FAIL));
                        statuses.add(new Object[] {new QueryResult.Resolved(key), GuardStatus.FAIL});
                    }
                }
            } else {
                for (Pair p : pairs) {
                    if (p.comparable && p.outcome) {
                        recordSuccess(ctx, context);
                        statuses.add(new Object[] {new QueryResult.Resolved(p.lhs), GuardStatus.PASS});
                    } else {
                        QueryResult to = p.rhsUnresolved != null ? p.rhsUnresolved : new QueryResult.Resolved(p.rhs);
                        fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(p.lhs), to, null,
                                customMessage, GuardStatus.FAIL));
                        statuses.add(new Object[] {new QueryResult.Resolved(p.lhs), GuardStatus.FAIL});
                    }
                }
            }
        }
        return statuses;
    }

    /** One left/right comparison of real_binary_operation. */
    private static final class Pair {
        final GuardValue lhs;
        final GuardValue rhs;
        final QueryResult rhsUnresolved;
        final boolean comparable;
        final boolean outcome;

        Pair(GuardValue lhs, GuardValue rhs, QueryResult rhsUnresolved, boolean comparable, boolean outcome) {
            this.lhs = lhs;
            this.rhs = rhs;
            this.rhsUnresolved = rhsUnresolved;
            this.comparable = comparable;
            this.outcome = outcome;
        }
    }

    static int primitive(Cmp cmp, GuardValue l, GuardValue r) {
        int res;
        switch (cmp.op()) {
            case EQ:
                res = GuardOperators.compareEq(l, r);
                break;
            case IN:
                res = inCmp(l, r);
                break;
            default:
                res = GuardOperators.ordered(cmp.op(), l, r);
        }
        if (res == GuardOperators.NOT_COMPARABLE) {
            return res;
        }
        boolean b = res == GuardOperators.TRUE;
        if (cmp.not()) {
            b = !b;
        }
        return b ? GuardOperators.TRUE : GuardOperators.FALSE;
    }

    private static int inCmp(GuardValue l, GuardValue r) {
        if (l instanceof GuardValue.Str ls && r instanceof GuardValue.Str rs) {
            return rs.value().contains(ls.value()) ? GuardOperators.TRUE : GuardOperators.FALSE;
        }
        if (r instanceof GuardValue.ListV rl) {
            boolean any = false;
            for (GuardValue e : rl.items()) {
                int c = GuardOperators.compareEq(l, e);
                if (c == GuardOperators.NOT_COMPARABLE) {
                    return c;
                }
                any |= c == GuardOperators.TRUE;
            }
            return any ? GuardOperators.TRUE : GuardOperators.FALSE;
        }
        return GuardOperators.compareEq(l, r);
    }

    private static List<Pair> eachLhsCompare(Cmp cmp, GuardValue lhs, List<QueryResult> rhs) {
        List<Pair> out = new ArrayList<>();
        for (QueryResult eachRhs : rhs) {
            GuardValue r = eachRhs.valueOrNull();
            if (r == null) {
                out.add(new Pair(lhs, null, eachRhs, false, false));
                continue;
            }
            int c = primitive(cmp, lhs, r);
            if (c != GuardOperators.NOT_COMPARABLE) {
                out.add(new Pair(lhs, r, null, true, c == GuardOperators.TRUE));
                continue;
            }
            if (lhs instanceof GuardValue.ListV ll) {
                for (GuardValue inner : ll.items()) {
                    int ci = primitive(cmp, inner, r);
                    out.add(new Pair(inner, r, null, ci != GuardOperators.NOT_COMPARABLE,
                            ci == GuardOperators.TRUE));
                }
                continue;
            }
            if (lhs.isScalar() && eachRhs instanceof QueryResult.Literal && r instanceof GuardValue.ListV rl
                    && rl.items().size() == 1) {
                GuardValue single = rl.items().get(0);
                int ci = primitive(cmp, lhs, single);
                out.add(new Pair(lhs, single, null, ci != GuardOperators.NOT_COMPARABLE, ci == GuardOperators.TRUE));
                continue;
            }
            out.add(new Pair(lhs, r, null, false, false));
        }
        return out;
    }
}
