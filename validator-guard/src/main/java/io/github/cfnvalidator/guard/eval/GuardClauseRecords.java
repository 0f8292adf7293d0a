package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.eval.GuardScopes.Scope;

/**
 * The records a clause check leaves: a passing value check, a failing one, and the aggregate status of a clause from
 * its pass/fail counts.
 */
final class GuardClauseRecords {
    private GuardClauseRecords() {
    }

    private static final GuardRecord.ClauseValueCheck SUCCESS =
            new GuardRecord.ClauseValueCheck(new GuardRecord.Success());

    static GuardRecord.ClauseValueCheck success() {
        return SUCCESS;
    }

    /** A passing value check: recorded only when every record is kept (no report shows it otherwise). */
    static void recordSuccess(Scope ctx, String context) {
        if (ctx.options().keepAllRecords()) {
            ctx.startRecord(context);
            ctx.endRecord(context, SUCCESS);
        } else {
            ctx.recorder().touch();
        }
    }

    /** Aggregated outcome of a clause: the empty-query status, or pass/fail counts. */
    static GuardStatus aggregate(int pass, int fail, boolean all) {
        if (all) {
            return fail > 0 ? GuardStatus.FAIL : GuardStatus.PASS;
        }
        return pass > 0 ? GuardStatus.PASS : GuardStatus.FAIL;
    }

    static void fail(Scope ctx, String context, GuardRecord.ClauseCheck check) {
        ctx.startRecord(context);
        ctx.endRecord(context, new GuardRecord.ClauseValueCheck(check));
    }
}
