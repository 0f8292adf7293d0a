package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.eval.GuardScopes.Scope;
import io.github.cfnvalidator.guard.eval.GuardScopes.ValueScope;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllIndices;
import io.github.cfnvalidator.guard.syntax.GuardAst.AllValues;
import io.github.cfnvalidator.guard.syntax.GuardAst.Filter;
import io.github.cfnvalidator.guard.syntax.GuardAst.GuardClause;
import io.github.cfnvalidator.guard.syntax.GuardAst.Index;
import io.github.cfnvalidator.guard.syntax.GuardAst.Key;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetValue;
import io.github.cfnvalidator.guard.syntax.GuardAst.MapKeyFilter;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import io.github.cfnvalidator.guard.syntax.GuardAst.This;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query retrieval (cfn-guard's query_retrieval): walks a query's parts over a value, through keys, indices, wildcards,
 * filters, map key filters, variables and function calls.
 */
final class GuardQueries {
    private GuardQueries() {
    }

    static QueryResult.UnResolved unresolved(GuardValue current, java.util.function.Supplier<String> reason,
                                                     List<QueryPart> query, int from) {
        return new QueryResult.UnResolved(current, () -> GuardAst.sliceDisplay(query.subList(from, query.size())),
                reason);
    }

    static List<QueryResult> one(QueryResult r) {
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
            return fromVariable(queryIndex, query, resolver, converter, k);
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
            return allIndices(queryIndex, query, current, resolver, converter, ai);
        }
        if (part instanceof AllValues av) {
            return allValues(queryIndex, query, current, resolver, converter, av);
        }
        if (part instanceof Filter f) {
            return filter(queryIndex, query, current, resolver, converter, f);
        }
        return mapKeyFilter(queryIndex, query, current, resolver, converter, (MapKeyFilter) part);
    }

    /** A query that starts with a variable: the rest of the query over each of the variable's values. */
    private static List<QueryResult> fromVariable(int queryIndex, List<QueryPart> query, Scope resolver,
                                                  int converter, Key k) throws GuardEvalException {
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

    /** {@code [*]} (or {@code [name]} on a map, capturing each key). */
    private static List<QueryResult> allIndices(int queryIndex, List<QueryPart> query, GuardValue current,
                                                Scope resolver, int converter, AllIndices ai)
            throws GuardEvalException {
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

    /** {@code .*} (or {@code .name} capturing each key of a map). */
    private static List<QueryResult> allValues(int queryIndex, List<QueryPart> query, GuardValue current,
                                               Scope resolver, int converter, AllValues av)
            throws GuardEvalException {
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

    static List<QueryResult> key(int queryIndex, List<QueryPart> query, GuardValue current, Scope resolver,
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
                QueryResult removed = unresolved(current, () -> GuardEvaluator.REMOVED + a.absentWhen()
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

    static List<QueryResult> accumulate(GuardValue parent, int queryIndex, List<QueryPart> query,
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
                    status = GuardEvaluator.evalConjunctions(conjunctions, ctx);
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

    static List<QueryResult> filter(int queryIndex, List<QueryPart> query, GuardValue current,
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
                        status = GuardEvaluator.evalConjunctions(f.conjunctions(), scope);
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
                status = GuardEvaluator.evalConjunctions(f.conjunctions(), scope);
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
        List<Object[]> results = GuardBinaryChecks.realBinaryOperation(lhs, rhs, mkf.cmp(), "", null, resolver);
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
}
