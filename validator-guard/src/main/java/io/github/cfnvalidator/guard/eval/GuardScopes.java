package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.AccessQuery;
import io.github.cfnvalidator.guard.syntax.GuardAst.Block;
import io.github.cfnvalidator.guard.syntax.GuardAst.FunctionExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.LetExpr;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParameterizedRule;
import io.github.cfnvalidator.guard.syntax.GuardAst.QueryPart;
import io.github.cfnvalidator.guard.syntax.GuardAst.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation scopes of cfn-guard: the root scope (file-level variables, rules and their cached statuses, the
 * record tree), block scopes (a block's own {@code let}s), value scopes (a block run on one value) and the scope of a
 * parameterized rule call. Variables captured by filters ({@code [ name | ... ]}) are kept, as in cfn-guard, at the
 * root and accumulate over the file's evaluation.
 */
public final class GuardScopes {
    private GuardScopes() {
    }

    /** What evaluation sees at one point. */
    interface Scope {
        List<QueryResult> query(List<QueryPart> query) throws GuardEvalException;

        ParameterizedRule findParameterizedRule(String name) throws GuardEvalException;

        GuardValue root();

        GuardStatus ruleStatus(String name) throws GuardEvalException;

        List<QueryResult> resolveVariable(String name) throws GuardEvalException;

        void addVariableCaptureKey(String name, GuardValue key) throws GuardEvalException;

        void startRecord(String context);

        void endRecord(String context, GuardRecord.Type record);

        Options options();

        /** The recorder of the evaluation (held by the root scope). */
        Recorder recorder();
    }

    /** Evaluation options; {@code intrinsics} is null unless comparisons are intrinsic-aware. */
    public record Options(boolean strict, boolean keepAllRecords, GuardIntrinsics intrinsics) {
    }

    /**
     * Builds the record tree; unless all records are kept, passing sub-trees are pruned as they close, and sections
     * no report shows (filters, when conditions) are not recorded at all.
     */
    public static final class Recorder {
        private final boolean keepAll;
        private final ArrayList<GuardRecord> stack = new ArrayList<>();
        private GuardRecord finished;
        private int muted;

        Recorder(boolean keepAll) {
            this.keepAll = keepAll;
        }

        /** Stops recording (nestable) unless every record is kept; no report looks inside the section. */
        void mute() {
            if (!keepAll) {
                muted++;
            }
        }

        /** Ends a {@link #mute()}. */
        void unmute() {
            if (!keepAll) {
                muted--;
            }
        }

        void start(String context) {
            if (muted > 0) {
                touch();
                return;
            }
            stack.add(new GuardRecord(context));
        }

        /** Notes that a check ran under the open record (whose own record is not kept). */
        void touch() {
            if (!stack.isEmpty()) {
                stack.get(stack.size() - 1).touch();
            }
        }

        void end(GuardRecord.Type type) {
            if (muted > 0) {
                return;
            }
            GuardRecord r = stack.remove(stack.size() - 1);
            r.type(type);
            if (stack.isEmpty()) {
                finished = r;
                return;
            }
            boolean failing = isReported(type);
            if (!keepAll && !failing) {
                r.dropChildren();
            }
            GuardRecord parent = stack.get(stack.size() - 1);
            parent.touch();
            if (keepAll || failing || (stack.size() == 1 && type instanceof GuardRecord.RuleCheck)) {
                parent.addChild(r);
            }
        }

        private static boolean isReported(GuardRecord.Type t) {
            if (t instanceof GuardRecord.ClauseValueCheck c) {
                return !(c.check() instanceof GuardRecord.Success);
            }
            if (t instanceof GuardRecord.Filter || t instanceof GuardRecord.RuleCondition
                    || t instanceof GuardRecord.TypeCondition || t instanceof GuardRecord.WhenCondition) {
                return false;
            }
            return t.status() == GuardStatus.FAIL;
        }

        /** The record tree, once evaluation has finished. */
        public GuardRecord finished() {
            return finished;
        }
    }

    private static void extract(List<LetExpr> lets, Map<String, GuardValue> literals,
                                Map<String, AccessQuery> queries, Map<String, FunctionExpr> functions) {
        for (LetExpr e : lets) {
            if (e.value() instanceof GuardAst.ValueLit v) {
                literals.put(e.var(), v.value());
            } else if (e.value() instanceof GuardAst.Access a) {
                queries.put(e.var(), a.query());
            } else {
                functions.put(e.var(), ((GuardAst.Call) e.value()).call());
            }
        }
    }

    /** Rust's Debug of a set of names: {@code ["a", "b"]}. */
    static String debugKeys(java.util.Collection<String> keys) {
        StringBuilder sb = new StringBuilder("[");
        for (String k : keys) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            GuardDebug.string(k, sb);
        }
        return sb.append(']').toString();
    }

    /** The file-level scope over one data document. */
    public static final class RootScope implements Scope {
        private final GuardValue root;
        private final Map<String, GuardValue> literals = new HashMap<>();
        private final Map<String, AccessQuery> queries = new HashMap<>();
        private final Map<String, FunctionExpr> functions = new HashMap<>();
        private final Map<String, List<QueryResult>> resolved = new HashMap<>();
        private final Map<String, List<Rule>> rules;
        private final Map<String, ParameterizedRule> parameterized;
        private final Map<String, GuardStatus> ruleStatuses = new HashMap<>();
        private final java.util.LinkedHashSet<String> evaluating = new java.util.LinkedHashSet<>();
        private final Recorder recorder;
        private final Options options;

        /**
         * The scope of one rule file evaluated against one document: the file's assignments, its rules by name, its
         * parameterized rules, the document's root and the options.
         */
        public RootScope(GuardAst.RulesFile file, Map<String, List<Rule>> rules,
                  Map<String, ParameterizedRule> parameterized, GuardValue root, Options options) {
            this.root = root;
            extract(file.assignments(), literals, queries, functions);
            this.rules = rules;
            this.parameterized = parameterized;
            this.recorder = new Recorder(options.keepAllRecords());
            this.options = options;
        }

        @Override
        public Recorder recorder() {
            return recorder;
        }

        @Override
        public List<QueryResult> query(List<QueryPart> query) throws GuardEvalException {
            return GuardQueries.queryRetrieval(0, query, root, this, -1);
        }

        @Override
        public ParameterizedRule findParameterizedRule(String name) throws GuardEvalException {
            ParameterizedRule r = parameterized.get(name);
            if (r == null) {
                throw new GuardEvalException(Kind.MISSING_VALUE, "Parameterized Rule with name " + name
                        + " was not found, candidate " + debugKeys(parameterized.keySet()));
            }
            return r;
        }

        @Override
        public GuardValue root() {
            return root;
        }

        @Override
        public GuardStatus ruleStatus(String name) throws GuardEvalException {
            GuardStatus cached = ruleStatuses.get(name);
            if (cached != null) {
                return cached;
            }
            List<Rule> candidates = rules.get(name);
            if (candidates == null) {
                throw new GuardEvalException(Kind.MISSING_VALUE, "Rule " + name
                        + " by that name does not exist, Rule Names = " + debugKeys(rules.keySet()));
            }
            if (!evaluating.add(name)) {
                // cfn-guard recurses until its stack overflows; say what is wrong instead
                throw new GuardEvalException(Kind.OTHER, "rule " + name + " depends on itself (through "
                        + String.join(" -> ", evaluating) + " -> " + name + ")");
            }
            GuardStatus status = GuardStatus.SKIP;
            try {
                for (Rule r : candidates) {
                    GuardStatus s = GuardEvaluator.evalRule(r, this);
                    if (s != GuardStatus.SKIP) {
                        status = s;
                        break;
                    }
                }
            } finally {
                evaluating.remove(name);
            }
            ruleStatuses.put(name, status);
            return status;
        }

        @Override
        public List<QueryResult> resolveVariable(String name) throws GuardEvalException {
            GuardValue lit = literals.get(name);
            if (lit != null) {
                return List.of(new QueryResult.Literal(lit));
            }
            List<QueryResult> done = resolved.get(name);
            if (done != null) {
                return done;
            }
            FunctionExpr f = functions.get(name);
            if (f != null) {
                List<QueryResult> result = List.copyOf(GuardQueries.resolveFunction(f.name(), f.parameters(),
                        this));
                resolved.put(name, result);
                return result;
            }
            AccessQuery q = queries.get(name);
            if (q == null) {
                throw new GuardEvalException(Kind.MISSING_VALUE, "Could not resolve variable by name " + name
                        + " across scopes");
            }
            List<QueryResult> result = GuardQueries.queryRetrieval(0, q.parts(), root, this, -1);
            if (!q.matchAll()) {
                result.removeIf(r -> !(r instanceof QueryResult.Resolved));
            }
            List<QueryResult> cached = List.copyOf(result);
            resolved.put(name, cached);
            return cached;
        }

        @Override
        public void addVariableCaptureKey(String name, GuardValue key) {
            List<QueryResult> now = new ArrayList<>(resolved.getOrDefault(name, List.of()));
            now.add(new QueryResult.Resolved(key));
            resolved.put(name, List.copyOf(now));
        }

        @Override
        public void startRecord(String context) {
            recorder.start(context);
        }

        @Override
        public void endRecord(String context, GuardRecord.Type record) {
            recorder.end(record);
        }

        @Override
        public Options options() {
            return options;
        }
    }

    /** A scope over a parent scope: everything it does not answer itself, the parent answers. */
    abstract static class ChildScope implements Scope {
        /** The enclosing scope. */
        protected final Scope parent;

        ChildScope(Scope parent) {
            this.parent = parent;
        }

        @Override
        public ParameterizedRule findParameterizedRule(String name) throws GuardEvalException {
            return parent.findParameterizedRule(name);
        }

        @Override
        public GuardStatus ruleStatus(String name) throws GuardEvalException {
            return parent.ruleStatus(name);
        }

        @Override
        public List<QueryResult> resolveVariable(String name) throws GuardEvalException {
            return parent.resolveVariable(name);
        }

        @Override
        public void addVariableCaptureKey(String name, GuardValue key) throws GuardEvalException {
            parent.addVariableCaptureKey(name, key);
        }

        @Override
        public void startRecord(String context) {
            parent.startRecord(context);
        }

        @Override
        public void endRecord(String context, GuardRecord.Type record) {
            parent.endRecord(context, record);
        }

        @Override
        public Options options() {
            return parent.options();
        }

        @Override
        public Recorder recorder() {
            return parent.recorder();
        }

        @Override
        public List<QueryResult> query(List<QueryPart> query) throws GuardEvalException {
            return parent.query(query);
        }

        @Override
        public GuardValue root() {
            return parent.root();
        }
    }

    /** A block's own variables over a parent scope. */
    static final class BlockScope extends ChildScope {
        private final GuardValue root;
        private final Map<String, GuardValue> literals;
        private final Map<String, AccessQuery> queries;
        private final Map<String, FunctionExpr> functions;
        private Map<String, List<QueryResult>> resolved;

        BlockScope(Block<?> block, GuardValue root, Scope parent) {
            super(parent);
            this.root = root;
            if (block.assignments().isEmpty()) {
                literals = Map.of();
                queries = Map.of();
                functions = Map.of();
            } else {
                literals = new HashMap<>();
                queries = new HashMap<>();
                functions = new HashMap<>();
                extract(block.assignments(), literals, queries, functions);
            }
        }

        @Override
        public List<QueryResult> query(List<QueryPart> query) throws GuardEvalException {
            return GuardQueries.queryRetrieval(0, query, root, this, -1);
        }

        @Override
        public GuardValue root() {
            return root;
        }

        @Override
        public List<QueryResult> resolveVariable(String name) throws GuardEvalException {
            if (literals.isEmpty() && queries.isEmpty() && functions.isEmpty()) {
                return parent.resolveVariable(name);
            }
            GuardValue lit = literals.get(name);
            if (lit != null) {
                return List.of(new QueryResult.Literal(lit));
            }
            if (resolved != null) {
                List<QueryResult> done = resolved.get(name);
                if (done != null) {
                    return done;
                }
            }
            FunctionExpr f = functions.get(name);
            if (f != null) {
                List<QueryResult> result = GuardQueries.resolveFunction(f.name(), f.parameters(), this);
                cache(name, result);
                return result;
            }
            AccessQuery q = queries.get(name);
            if (q == null) {
                return parent.resolveVariable(name);
            }
            List<QueryResult> result = GuardQueries.queryRetrieval(0, q.parts(), root, this, -1);
            if (!q.matchAll()) {
                result.removeIf(r -> !(r instanceof QueryResult.Resolved));
            }
            cache(name, result);
            return result;
        }

        private void cache(String name, List<QueryResult> result) {
            if (resolved == null) {
                resolved = new HashMap<>();
            }
            resolved.put(name, List.copyOf(result));
        }
    }

    /** A scope whose root is one value; everything else comes from the parent. */
    static final class ValueScope extends ChildScope {
        private final GuardValue root;

        ValueScope(GuardValue root, Scope parent) {
            super(parent);
            this.root = root;
        }

        @Override
        public List<QueryResult> query(List<QueryPart> query) throws GuardEvalException {
            return GuardQueries.queryRetrieval(0, query, root, parent, -1);
        }

        @Override
        public GuardValue root() {
            return root;
        }
    }

    /** The scope of a parameterized rule call: the parameters' values over the caller's scope. */
    static final class ParamScope extends ChildScope {
        private final GuardAst.ParamRuleCall call;
        private final Map<String, List<QueryResult>> parameters;

        ParamScope(GuardAst.ParamRuleCall call, Map<String, List<QueryResult>> parameters, Scope parent) {
            super(parent);
            this.call = call;
            this.parameters = parameters;
        }

        @Override
        public List<QueryResult> resolveVariable(String name) throws GuardEvalException {
            List<QueryResult> p = parameters.get(name);
            if (p != null) {
                return p;
            }
            return parent.resolveVariable(name);
        }

        @Override
        public void endRecord(String context, GuardRecord.Type record) {
            if (record instanceof GuardRecord.RuleCheck rc && rc.name().equals(call.named().rule())) {
                record = new GuardRecord.RuleCheck(rc.name(), rc.status(), call.named().customMessage());
            }
            parent.endRecord(context, record);
        }
    }
}
