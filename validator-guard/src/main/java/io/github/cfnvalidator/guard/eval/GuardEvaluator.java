package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.eval.GuardOperators.Outcome;
import io.github.cfnvalidator.guard.eval.GuardRecord.BlockCheck;
import io.github.cfnvalidator.guard.eval.GuardScopes.BlockScope;
import io.github.cfnvalidator.guard.eval.GuardScopes.ParamScope;
import io.github.cfnvalidator.guard.eval.GuardScopes.Scope;
import io.github.cfnvalidator.guard.eval.GuardScopes.ValueScope;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllIndices;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllValues;
import io.github.cfnvalidator.guard.syntax.GuardAst.Block;
import io.github.cfnvalidator.guard.syntax.GuardAst.BlockClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import io.github.cfnvalidator.guard.syntax.GuardAst.CmpOp;
import io.github.cfnvalidator.guard.syntax.GuardAst.Filter;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Index;
import io.github.cfnvalidator.guard.syntax.GuardAst.Key;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.MapKeyFilter;
import io.github.cfnvalidator.guard.syntax.GuardAst.NamedRuleRef;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParamRuleCall;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParameterizedRule;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import io.github.cfnvalidator.guard.syntax.GuardAst.RClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.RWhen;
import io.github.cfnvalidator.guard.syntax.GuardAst.Rule;
import io.github.cfnvalidator.guard.syntax.GuardAst.RuleClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.This;
import io.github.cfnvalidator.guard.syntax.GuardAst.TypeBlock;
import io.github.cfnvalidator.guard.syntax.GuardAst.WhenBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

    private static QueryResult.UnResolved unresolved(GuardValue current, java.util.function.Supplier<String> reason,
                                                     List<QueryPart> query, int from) {
        return new QueryResult.UnResolved(current, () -> GuardAst.sliceDisplay(query.subList(from, query.size())),
                reason);
    }

    private static List<QueryResult> one(QueryResult r) {
        List<QueryResult> l = new ArrayList<>(1);
        l.add(r);
        return l;
    }

    private static QueryResult retrieveIndex(GuardValue parent, int index, List<GuardValue> elements,
                                             List<QueryPart> query) {
        int check = Math.abs(index);
        if (check >= 0 && check < elements.size()) {
            return new QueryResult.Resolved(elements.get(check));
        }
        return new QueryResult.UnResolved(parent, () -> GuardAst.sliceDisplay(query),
                () -> "Array Index out of bounds for path = " + parent.path() + " on index = " + index
                        + " inside Array = " + GuardDebug.list(elements) + ", remaining query = "
                        + GuardAst.sliceDisplay(query));
    }

    /** query_retrieval_with_converter. {@code converter} is -1 or the index of the case converter in use. */
    static List<QueryResult> queryRetrieval(int queryIndex, List<QueryPart> query, GuardValue current,
                                            Scope resolver, int converter) throws GuardEvalException {
        if (queryIndex >= query.size()) {
            return one(new QueryResult.Resolved(current));
        }
        QueryPart part = query.get(queryIndex);
        if (queryIndex == 0 && part instanceof Key k && k.isVariable()) {
            List<QueryResult> retrieved = resolver.resolveVariable(k.variable());
            List<QueryResult> out = new ArrayList<>(retrieved.size());
            for (QueryResult each : retrieved) {
                if (each instanceof QueryResult.UnResolved) {
                    out.add(each);
                    continue;
                }
                GuardValue value = each.valueOrNull();
                int index = queryIndex + 1;
                if (queryIndex + 1 < query.size() && query.get(queryIndex + 1) instanceof AllIndices) {
                    index = queryIndex + 2;
                }
                if (index < query.size()) {
                    ValueScope scope = new ValueScope(value, resolver);
                    out.addAll(queryRetrieval(index, query, value, scope, converter));
                } else {
                    out.add(each);
                }
            }
            return out;
        }
        if (part instanceof This) {
            return queryRetrieval(queryIndex + 1, query, current, resolver, converter);
        }
        if (part instanceof Key k) {
            return key(queryIndex, query, current, resolver, converter, k);
        }
        if (current instanceof GuardValue.MapV && resolver.options().intrinsics() != null) {
            List<QueryResult> through = throughIntrinsic(queryIndex, query, current, resolver, converter);
            if (through != null) {
                return through;
            }
        }
        if (part instanceof Index ix) {
            if (current instanceof GuardValue.ListV l) {
                QueryResult r = retrieveIndex(current, ix.index(), l.items(), query);
                if (r instanceof QueryResult.Resolved res) {
                    return queryRetrieval(queryIndex + 1, query, res.value(), resolver, converter);
                }
                return one(r);
            }
            return one(unresolved(current, () -> "Attempting to retrieve from index " + ix.index()
                    + " but type is not an array at path " + current.path() + ", type " + current.typeInfo(),
                    query, queryIndex));
        }
        if (part instanceof AllIndices ai) {
            if (current instanceof GuardValue.ListV l) {
                return accumulate(current, queryIndex, query, l.items(), resolver, converter);
            }
            if (current instanceof GuardValue.MapV m) {
                if (ai.name() == null) {
                    return queryRetrieval(queryIndex + 1, query, current, resolver, converter);
                }
                return accumulateMap(current, m, queryIndex, query, resolver, converter,
                        (index, q, key, value, ctx, conv) -> {
                            ctx.addVariableCaptureKey(ai.name(), key);
                            return queryRetrieval(index, q, value, ctx, conv);
                        });
            }
            return queryRetrieval(queryIndex + 1, query, current, resolver, converter);
        }
        if (part instanceof AllValues av) {
            if (current instanceof GuardValue.ListV l) {
                return accumulate(current, queryIndex, query, l.items(), resolver, converter);
            }
            if (current instanceof GuardValue.MapV m) {
                String name = av.name();
                return accumulateMap(current, m, queryIndex, query, resolver, converter,
                        (index, q, key, value, ctx, conv) -> {
                            if (name != null) {
                                ctx.addVariableCaptureKey(name, key);
                            }
                            return queryRetrieval(index, q, value, ctx, conv);
                        });
            }
            return queryRetrieval(queryIndex + 1, query, current, resolver, converter);
        }
        if (part instanceof Filter f) {
            return filter(queryIndex, query, current, resolver, converter, f);
        }
        return mapKeyFilter(queryIndex, query, current, resolver, converter, (MapKeyFilter) part);
    }

    private static List<QueryResult> key(int queryIndex, List<QueryPart> query, GuardValue current, Scope resolver,
                                         int converter, Key k) throws GuardEvalException {
        if (k.index != null) {
            if (current instanceof GuardValue.ListV l) {
                QueryResult r = retrieveIndex(current, k.index, l.items(), query);
                if (r instanceof QueryResult.Resolved res) {
                    return queryRetrieval(queryIndex + 1, query, res.value(), resolver, converter);
                }
                return one(r);
            }
            return one(new QueryResult.UnResolved(current, () -> GuardAst.sliceDisplay(query),
                    () -> "Attempting to retrieve from index " + k.index + " but type is not an array at path "
                            + current.path()));
        }
        if (!(current instanceof GuardValue.MapV map)) {
            return one(unresolved(current, () -> "Attempting to retrieve from key " + k.name
                    + " but type is not an struct type at path " + current.path() + ", Type = " + current.typeInfo()
                    + ", Value = " + GuardDebug.of(current), query, queryIndex));
        }
        if (k.isVariable()) {
            return variableKey(queryIndex, query, current, map, resolver, converter, k);
        }
        GuardValue val = map.get(k.name);
        if (val != null) {
            return queryRetrieval(queryIndex + 1, query, val, resolver, converter);
        }
        String[] conversions = k.conversions();
        if (converter >= 0) {
            GuardValue c = map.get(conversions[converter]);
            if (c != null) {
                return queryRetrieval(queryIndex + 1, query, c, resolver, converter);
            }
        } else {
            for (int i = 0; i < conversions.length; i++) {
                GuardValue c = map.get(conversions[i]);
                if (c != null) {
                    return queryRetrieval(queryIndex + 1, query, c, resolver, i);
                }
            }
        }
        if (resolver.options().intrinsics() != null) {
            List<QueryResult> through = throughIntrinsic(queryIndex, query, current, resolver, converter);
            if (through != null) {
                return through;
            }
        }
        return one(unresolved(current, () -> "Could not find key " + k.name + " inside struct at path " + map.path(),
                query, queryIndex));
    }

    /**
     * Intrinsic awareness: a query that goes on into a value given by an intrinsic function ({@code Fn::If},
     * {@code Fn::FindInMap}, ...) goes on into each value the function can take; a choice that removes the property
     * ({@code AWS::NoValue}) is unresolved. {@code null} if the value is not such a function.
     */
    private static List<QueryResult> throughIntrinsic(int queryIndex, List<QueryPart> query, GuardValue current,
                                                      Scope resolver, int converter) throws GuardEvalException {
        List<GuardIntrinsics.Alternative> alternatives = resolver.options().intrinsics().alternatives(current);
        if (alternatives == null) {
            return null;
        }
        List<QueryResult> out = new ArrayList<>();
        List<QueryResult> gaps = new ArrayList<>();
        boolean reached = false;
        for (GuardIntrinsics.Alternative a : alternatives) {
            if (a.value() == null && a.removesItem()) {
                continue; // a list item AWS::NoValue removes: the list lacks it in those deployments
            }
            if (a.opaque()) {
                out.add(new QueryResult.Resolved(a.value())); // compared as unknown, never a silent pass
                reached = true; // what the other values lack is a per-deployment gap beside it
                continue;
            }
            if (a.value() == null) {
                QueryResult removed = unresolved(current, () -> REMOVED + a.absentWhen()
                        + " removes the property (AWS::NoValue)", query, queryIndex);
                gaps.add(removed);
                out.add(removed);
            } else {
                List<QueryResult> found = queryRetrieval(queryIndex, query, a.value(), resolver, converter);
                for (QueryResult q : found) {
                    if (q instanceof QueryResult.UnResolved) {
                        gaps.add(q);
                    } else {
                        reached = true;
                    }
                }
                out.addAll(found);
            }
        }
        if (reached) { // some values of the function have what the query asks for, others not: a per-deployment gap
            gaps.forEach(resolver.options().intrinsics()::noteBranchGap);
        }
        return out;
    }

    private static List<QueryResult> variableKey(int queryIndex, List<QueryPart> query, GuardValue current,
                                                 GuardValue.MapV map, Scope resolver, int converter, Key k)
            throws GuardEvalException {
        String var = k.variable();
        List<QueryResult> keys = resolver.resolveVariable(var);
        if (query.size() > queryIndex + 1) {
            QueryPart next = query.get(queryIndex + 1);
            if (next instanceof Index ix) {
                List<QueryResult> keysFinal = keys;
                int check = Math.abs(ix.index());
                if (check < keys.size()) {
                    keys = List.of(keys.get(check));
                } else {
                    return one(unresolved(current, () -> "Index " + check + " on the set of values returned for variable "
                            + var + " on the join, is out of bounds. Length " + keysFinal.size() + ", Values = " + GuardDebug.results(keysFinal),
                            query, queryIndex));
                }
            } else if (!(next instanceof AllIndices || next instanceof Key)) {
                throw new GuardEvalException(Kind.INCOMPATIBLE, "This type of query " + next
                        + " based variable interpolation is not supported " + current.typeInfo() + ", "
                        + GuardAst.sliceDisplay(query));
            }
        }
        List<QueryResult> acc = new ArrayList<>();
        for (QueryResult eachKey : keys) {
            if (eachKey instanceof QueryResult.UnResolved ur) {
                acc.add(unresolved(current, () -> "Keys returned for variable " + var
                        + " could not completely resolve. Path traversed until " + ur.traversedTo().path()
                        + (ur.reason() == null ? "" : ur.reason()), query, queryIndex));
                continue;
            }
            GuardValue key = eachKey.valueOrNull();
            if (key instanceof GuardValue.Str s) {
                GuardValue next = map.get(s.value());
                if (next != null) {
                    acc.addAll(queryRetrieval(queryIndex + 1, query, next, resolver, converter));
                } else {
                    acc.add(unresolved(current, () -> "Could not locate key = " + s.value() + " inside struct at path = "
                            + map.path(), query, queryIndex));
                }
            } else if (key instanceof GuardValue.ListV inner) {
                for (GuardValue each : inner.items()) {
                    if (each instanceof GuardValue.Str s) {
                        GuardValue next = map.get(s.value());
                        if (next != null) {
                            acc.addAll(queryRetrieval(queryIndex + 1, query, next, resolver, converter));
                        } else {
                            acc.add(unresolved(current, () -> "Could not locate key = " + s.value()
                                    + " inside struct at path = " + s.path(), query, queryIndex));
                        }
                    } else {
                        throw notString(query, key);
                    }
                }
            } else {
                throw notString(query, key);
            }
        }
        return acc;
    }

    private static GuardEvalException notString(List<QueryPart> query, GuardValue key) {
        return new GuardEvalException(Kind.NOT_COMPARABLE, "Variable projections inside Query "
                + GuardAst.sliceDisplay(query) + ", is returning a non-string value for key " + key.typeInfo() + ", "
                + GuardDebug.selfValue(key));
    }

    private static List<QueryResult> accumulate(GuardValue parent, int queryIndex, List<QueryPart> query,
                                                 List<GuardValue> elements, Scope resolver, int converter)
            throws GuardEvalException {
        if (elements.isEmpty()) {
            return one(unresolved(parent, () -> "No more entries for value at path = " + parent.path() + " on type = "
                    + parent.typeInfo() + " ", query, queryIndex));
        }
        List<QueryResult> out = new ArrayList<>(elements.size());
        for (GuardValue each : elements) {
            out.addAll(queryRetrieval(queryIndex + 1, query, each, resolver, converter));
        }
        return out;
    }

    @FunctionalInterface
    private interface MapFn {
        List<QueryResult> apply(int index, List<QueryPart> query, GuardValue key, GuardValue value, Scope ctx,
                                int converter) throws GuardEvalException;
    }

    private static List<QueryResult> accumulateMap(GuardValue parent, GuardValue.MapV map, int queryIndex,
                                                   List<QueryPart> query, Scope resolver, int converter, MapFn fn)
            throws GuardEvalException {
        if (map.isEmpty()) {
            return one(unresolved(parent, () -> "No more entries for value at path = " + parent.path() + " on type = "
                    + parent.typeInfo() + " ", query, queryIndex));
        }
        List<GuardValue.Str> keys = map.keys();
        List<GuardValue> values = map.valueList();
        int n = Math.min(keys.size(), values.size());
        List<QueryResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GuardValue value = values.get(i);
            ValueScope scope = new ValueScope(value, resolver);
            out.addAll(fn.apply(queryIndex + 1, query, keys.get(i), value, scope, converter));
        }
        return out;
    }

    private static MapFn checkAndDelegate(List<List<GuardClause>> conjunctions, String name) {
        return (index, query, key, value, ctx, converter) -> {
            String context = "Filter/Map#" + conjunctions.size();
            GuardScopes.Recorder recorder = ctx.recorder();
            recorder.mute();
            GuardStatus status;
            try {
                ctx.startRecord(context);
                try {
                    status = evalConjunctions(conjunctions, ctx);
                } catch (GuardEvalException e) {
                    ctx.endRecord(context, new GuardRecord.Filter(GuardStatus.FAIL));
                    throw e;
                }
                ctx.endRecord(context, new GuardRecord.Filter(status));
            } finally {
                recorder.unmute();
            }
            if (name != null && status == GuardStatus.PASS) {
                ctx.addVariableCaptureKey(name, key);
            }
            if (status == GuardStatus.PASS) {
                return queryRetrieval(index, query, value, ctx, converter);
            }
            return new ArrayList<>();
        };
    }

    private static List<QueryResult> filter(int queryIndex, List<QueryPart> query, GuardValue current,
                                            Scope resolver, int converter, Filter f) throws GuardEvalException {
        QueryPart previous = queryIndex > 0 ? query.get(queryIndex - 1) : null;
        if (current instanceof GuardValue.MapV map) {
            if (previous instanceof AllValues || previous instanceof AllIndices) {
                return checkAndDelegate(f.conjunctions(), null).apply(queryIndex + 1, query, current, current,
                        resolver, converter);
            }
            if (previous instanceof Key) {
                if (map.isEmpty()) {
                    return new ArrayList<>();
                }
                return accumulateMap(current, map, queryIndex, query, resolver, converter,
                        checkAndDelegate(f.conjunctions(), f.name()));
            }
            throw new GuardEvalException(Kind.OTHER, "internal error: a filter after " + previous
                    + " is not supported by cfn-guard (it panics here)");
        }
        if (current instanceof GuardValue.ListV list) {
            List<QueryResult> selected = new ArrayList<>();
            GuardScopes.Recorder recorder = resolver.recorder();
            for (GuardValue each : list.items()) {
                String context = "Filter/List#" + f.conjunctions().size();
                ValueScope scope = new ValueScope(each, resolver);
                GuardStatus status;
                recorder.mute();
                try {
                    resolver.startRecord(context);
                    try {
                        status = evalConjunctions(f.conjunctions(), scope);
                    } catch (GuardEvalException e) {
                        resolver.endRecord(context, new GuardRecord.Filter(GuardStatus.FAIL));
                        throw e;
                    }
                    resolver.endRecord(context, new GuardRecord.Filter(status));
                } finally {
                    recorder.unmute();
                }
                if (status == GuardStatus.PASS) {
                    selected.addAll(queryRetrieval(queryIndex + 1, query, each, resolver, converter));
                }
            }
            return selected;
        }
        if (previous instanceof AllIndices) {
            ValueScope scope = new ValueScope(current, resolver);
            GuardStatus status;
            resolver.recorder().mute();
            try {
                status = evalConjunctions(f.conjunctions(), scope);
            } finally {
                resolver.recorder().unmute();
            }
            if (status == GuardStatus.PASS) {
                return queryRetrieval(queryIndex + 1, query, current, resolver, converter);
            }
            return new ArrayList<>();
        }
        return one(unresolved(current, () -> "Filter on value type that was not a struct or array " + current.typeInfo()
                + " " + current.path(), query, queryIndex));
    }

    private static List<QueryResult> mapKeyFilter(int queryIndex, List<QueryPart> query, GuardValue current,
                                                  Scope resolver, int converter, MapKeyFilter mkf)
            throws GuardEvalException {
        if (!(current instanceof GuardValue.MapV map)) {
            return one(unresolved(current, () -> "Map Filter for keys was not a struct " + current.typeInfo() + " "
                    + current.path(), query, queryIndex));
        }
        List<QueryResult> rhs;
        LetValue with = mkf.compareWith();
        if (with instanceof GuardAst.Access a) {
            rhs = queryRetrieval(0, a.query().parts(), current, resolver, converter);
        } else if (with instanceof GuardAst.ValueLit v) {
            rhs = one(new QueryResult.Literal(v.value()));
        } else {
            GuardAst.FunctionExpr fe = ((GuardAst.Call) with).call();
            rhs = resolveFunction(fe.name(), fe.parameters(), resolver);
        }
        List<QueryResult> lhs = new ArrayList<>(map.keys().size());
        for (GuardValue.Str k : map.keys()) {
            lhs.add(new QueryResult.Resolved(k));
        }
        List<Object[]> results = realBinaryOperation(lhs, rhs, mkf.cmp(), "", null, resolver);
        List<QueryResult> selected = new ArrayList<>();
        for (Object[] r : results) {
            QueryResult q = (QueryResult) r[0];
            GuardStatus s = (GuardStatus) r[1];
            if (q instanceof QueryResult.Resolved res && s == GuardStatus.PASS) {
                if (res.value() instanceof GuardValue.Str key) {
                    selected.add(new QueryResult.Resolved(map.get(key.value())));
                }
            } else if (q instanceof QueryResult.UnResolved) {
                selected.add(q);
            }
        }
        List<QueryResult> out = new ArrayList<>(selected.size());
        for (QueryResult q : selected) {
            if (q instanceof QueryResult.UnResolved) {
                out.add(q);
            } else {
                out.addAll(queryRetrieval(queryIndex + 1, query, q.valueOrNull(), resolver, converter));
            }
        }
        return out;
    }

    // ================================================================ functions

    static List<QueryResult> resolveFunction(String name, List<LetValue> parameters, Scope resolver)
            throws GuardEvalException {
        GuardFunctions.checkArity(name, parameters.size());
        List<List<QueryResult>> args = new ArrayList<>(parameters.size());
        for (LetValue p : parameters) {
            if (p instanceof GuardAst.ValueLit v) {
                args.add(one(new QueryResult.Literal(v.value())));
            } else if (p instanceof GuardAst.Access a) {
                args.add(resolver.query(a.query().parts()));
            } else {
                GuardAst.FunctionExpr f = ((GuardAst.Call) p).call();
                args.add(resolveFunction(f.name(), f.parameters(), resolver));
            }
        }
        List<QueryResult> out = new ArrayList<>();
        for (GuardValue v : GuardFunctions.call(name, args)) {
            out.add(new QueryResult.Resolved(v));
        }
        return out;
    }

    // ================================================================ clauses

    private static final GuardRecord.ClauseValueCheck SUCCESS =
            new GuardRecord.ClauseValueCheck(new GuardRecord.Success());

    private static GuardRecord.ClauseValueCheck success() {
        return SUCCESS;
    }

    /** A passing value check: recorded only when every record is kept (no report shows it otherwise). */
    private static void recordSuccess(Scope ctx, String context) {
        if (ctx.options().keepAllRecords()) {
            ctx.startRecord(context);
            ctx.endRecord(context, SUCCESS);
        } else {
            ctx.recorder().touch();
        }
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

    /** Aggregated outcome of a clause: the empty-query status, or pass/fail counts. */
    private static GuardStatus aggregate(int pass, int fail, boolean all) {
        if (all) {
            return fail > 0 ? GuardStatus.FAIL : GuardStatus.PASS;
        }
        return pass > 0 ? GuardStatus.PASS : GuardStatus.FAIL;
    }

    private static GuardStatus unaryOperation(AccessClause gac, boolean inverse, Scope ctx)
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
                return aggregate(pass, fail, all);
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

    private static void fail(Scope ctx, String context, GuardRecord.ClauseCheck check) {
        ctx.startRecord(context);
        ctx.endRecord(context, new GuardRecord.ClauseValueCheck(check));
    }

    private static GuardStatus binaryOperation(AccessClause gac, List<QueryResult> rhs, Scope ctx)
            throws GuardEvalException {
        Cmp cmp = gac.cmp;
        String context = gac.toString();
        String customMessage = gac.customMessage;
        boolean negate = gac.negation && ctx.options().strict();
        List<QueryResult> lhs = ctx.query(gac.query.parts());
        if (ctx.options().intrinsics() != null) {
            lhs = ctx.options().intrinsics().clauseValues(lhs);
        }
        int pass = 0;
        int failCount = 0;
        GuardIntrinsics intrinsics = ctx.options().intrinsics();
        if (intrinsics != null && !lhs.isEmpty() && !rhs.isEmpty()) {
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
                    pass++;
                } else {
                    fail(ctx, context, new GuardRecord.Deployments(cmp, v, verdict.detail().isEmpty()
                            ? "holds in every deployment, and the clause is negated" : verdict.detail(),
                            kind == GuardIntrinsics.Kind.UNKNOWN, customMessage, verdict.evidence()));
                    failCount++;
                }
            }
            if (plain.size() < lhs.size()) {
                if (plain.isEmpty()) {
                    return aggregate(pass, failCount, gac.query.matchAll());
                }
                lhs = plain;
            }
        }
        List<Outcome> results = GuardOperators.compare(cmp, lhs, rhs, ctx.options().strict());
        if (results == null) {
            return pass + failCount > 0 ? aggregate(pass, failCount, gac.query.matchAll()) : GuardStatus.SKIP;
        }
        for (Outcome o : results) {
            if (negate) {
                o = negateOutcome(o);
            }
            if (o instanceof GuardOperators.LhsUnresolved lu) {
                fail(ctx, context, new GuardRecord.Comparison(cmp, lu.ur(), null, null, customMessage,
                        GuardStatus.FAIL));
                failCount++;
            } else if (o instanceof GuardOperators.RhsUnresolved ru) {
                fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(ru.lhs()), ru.ur(), null,
                        customMessage, GuardStatus.FAIL));
                failCount++;
            } else if (o instanceof GuardOperators.NotComparable nc) {
                fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(nc.lhs()),
                        new QueryResult.Resolved(nc.rhs()), nc.reason(), customMessage, GuardStatus.FAIL));
                failCount++;
            } else if (o instanceof GuardOperators.Success s) {
                if (s.compare() instanceof GuardOperators.QueryIn q) {
                    for (int i = 0; i < q.lhs().size(); i++) {
                        recordSuccess(ctx, context);
                        pass++;
                    }
                } else {
                    recordSuccess(ctx, context);
                    pass++;
                }
            } else {
                GuardOperators.Compare c = ((GuardOperators.Fail) o).compare();
                if (c instanceof GuardOperators.Value v) {
                    fail(ctx, context, new GuardRecord.Comparison(cmp, new QueryResult.Resolved(v.lhs()),
                            new QueryResult.Resolved(v.rhs()), null, customMessage, GuardStatus.FAIL));
                    failCount++;
                } else if (c instanceof GuardOperators.ValueIn v) {
                    fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(v.lhs()),
                            List.of(new QueryResult.Resolved(v.rhs())), null, customMessage, GuardStatus.FAIL));
                    failCount++;
                } else if (c instanceof GuardOperators.ListIn l) {
                    fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(l.lhs()),
                            List.of(new QueryResult.Resolved(l.rhs())), null, customMessage, GuardStatus.FAIL));
                    failCount++;
                } else {
                    GuardOperators.QueryIn q = (GuardOperators.QueryIn) c;
                    List<QueryResult> to = new ArrayList<>();
                    for (GuardValue r : q.rhs()) {
                        to.add(new QueryResult.Resolved(r));
                    }
                    for (GuardValue l : q.diff()) {
                        fail(ctx, context, new GuardRecord.InComparison(cmp, new QueryResult.Resolved(l), to, null,
                                customMessage, GuardStatus.FAIL));
                        failCount++;
                    }
                }
            }
        }
        return aggregate(pass, failCount, gac.query.matchAll());
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

    private static int primitive(Cmp cmp, GuardValue l, GuardValue r) {
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

    static GuardStatus evalAccessClause(AccessClause gac, Scope resolver) throws GuardEvalException {
        boolean all = gac.query.matchAll();
        String blkContext = gac.blockContext;
        resolver.startRecord(blkContext);
        GuardStatus status;
        try {
            if (gac.cmp.op().unary()) {
                status = unaryOperation(gac, gac.negation, resolver);
            } else {
                List<QueryResult> rhs;
                LetValue with = gac.compareWith;
                if (with instanceof GuardAst.ValueLit v) {
                    rhs = one(new QueryResult.Literal(v.value()));
                } else if (with instanceof GuardAst.Access a) {
                    rhs = resolver.query(a.query().parts());
                } else {
                    GuardAst.FunctionExpr f = ((GuardAst.Call) with).call();
                    rhs = resolveFunction(f.name(), f.parameters(), resolver);
                }
                status = binaryOperation(gac, rhs, resolver);
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
            resolver.endRecord(context, success());
            return GuardStatus.PASS;
        }
        resolver.endRecord(context, new GuardRecord.ClauseValueCheck(new GuardRecord.DependentRule(gnc.rule(), null,
                gnc.customMessage(), GuardStatus.FAIL, resolver.root())));
        return GuardStatus.FAIL;
    }

    private static GuardStatus evalBlock(Block<GuardClause> block, Scope resolver) throws GuardEvalException {
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
    private static int gaps(Scope resolver) {
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
    private static boolean undecidedByBranches(Scope resolver, int before, GuardStatus cond) {
        return cond == GuardStatus.FAIL && gaps(resolver) > before;
    }

    /**
     * While a rule or block guarded by such a condition is evaluated, the gaps themselves are left out of its clauses:
     * they stand for deployments in which the condition, decided per deployment, may not hold.
     */
    private static void ignoreGaps(Scope resolver, boolean undecided, boolean on) {
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
                resolved.put(name, one(new QueryResult.Resolved(v.value())));
            } else if (p instanceof GuardAst.Access a) {
                resolved.put(name, resolver.query(a.query().parts()));
            } else {
                GuardAst.FunctionExpr f = ((GuardAst.Call) p).call();
                resolved.put(name, resolveFunction(f.name(), f.parameters(), resolver));
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
    private interface EvalFn<T> {
        GuardStatus eval(T item, Scope scope) throws GuardEvalException;
    }

    /** Conditions: no report looks inside them, so they are not recorded unless every record is kept. */
    private static GuardStatus mutedConjunctions(List<List<GuardClause>> conditions, Scope resolver)
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

    private static GuardStatus evalRuleConjunctions(List<List<RuleClause>> conjunctions, Scope resolver)
            throws GuardEvalException {
        return conjunctions(conjunctions, resolver, GuardEvaluator::evalRuleClause, "RuleClause#disjunction");
    }

    private static <T> GuardStatus conjunctions(List<List<T>> conjunctions, Scope resolver, EvalFn<T> fn,
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
