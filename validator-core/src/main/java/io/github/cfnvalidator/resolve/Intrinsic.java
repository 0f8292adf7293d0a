package io.github.cfnvalidator.resolve;

import java.util.List;

/**
 * One intrinsic function of CloudFormation: the outcomes of a call, over every deployment the call's scenario admits.
 * Implementations are stateless; {@link FunctionTable} maps each function name to one.
 */
@FunctionalInterface
interface Intrinsic {
    /** The outcomes of one call. */
    List<Outcome> apply(Call call);
}
