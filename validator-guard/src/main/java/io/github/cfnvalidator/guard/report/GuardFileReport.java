package io.github.cfnvalidator.guard.report;

import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import io.github.cfnvalidator.guard.eval.GuardEvaluation;
import io.github.cfnvalidator.guard.eval.GuardEvaluator;
import io.github.cfnvalidator.guard.eval.GuardRecord;
import io.github.cfnvalidator.guard.eval.GuardStatus;
import io.github.cfnvalidator.guard.eval.GuardWitness;
import io.github.cfnvalidator.guard.eval.QueryResult;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.Cmp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * cfn-guard's structured report of one data file (the {@code -o json -z} shape): its status, the failed rules with
 * the checks that failed, and the names of the rules that did not apply and that passed. A view over the record
 * trees of every rule file evaluated against that data file.
 */
public final class GuardFileReport {
    /**
     * How explanations name values: {@link #CFN_GUARD} as cfn-guard prints them ({@code /a/b[L:4,C:6]}, the drop-in
     * reports), {@link #PATHS} by their paths alone (findings, which carry the exact place as a location).
     */
    public enum Display {
        /** cfn-guard's form: paths with their 0-based {@code [L:x,C:y]} positions. */
        CFN_GUARD,
        /** Paths without positions. */
        PATHS;

        String path(ValuePath p) {
            return this == CFN_GUARD ? p.toString() : p.pointer();
        }

        String value(GuardValue v) {
            return this == CFN_GUARD ? v.toString() : "Path=" + v.path().pointer() + " Value=" + GuardJson.valueOnly(v);
        }

        String result(QueryResult r) {
            if (r instanceof QueryResult.Literal l) {
                return "literal, " + value(l.value());
            }
            if (r instanceof QueryResult.Resolved x) {
                return "(resolved, " + value(x.value()) + ")";
            }
            return "(unresolved, " + value(((QueryResult.UnResolved) r).traversedTo()) + ")";
        }
    }

    private final String name;
    private final Display display;
    private GuardStatus status;
    private final List<Failure> notCompliant = new ArrayList<>();
    private final SortedSet<String> notApplicable = new TreeSet<>();
    private final SortedSet<String> compliant = new TreeSet<>();

    /** An empty report for a data file, to which rule files' results are added. */
    public GuardFileReport(String name) {
        this(name, Display.CFN_GUARD);
    }

    /** An empty report for a data file whose explanations name values as {@code display} says. */
    public GuardFileReport(String name, Display display) {
        this.name = name;
        this.display = display;
        this.status = GuardStatus.SKIP;
    }

    /** The report of one evaluation, in cfn-guard's form. */
    public static GuardFileReport of(GuardEvaluation e) {
        return of(e, Display.CFN_GUARD);
    }

    /** The report of one evaluation, its explanations naming values as {@code display} says. */
    public static GuardFileReport of(GuardEvaluation e, Display display) {
        GuardFileReport r = new GuardFileReport(e.dataName(), display);
        r.add(e);
        return r;
    }

    /** cfn-guard's get_rule_name: the rule name without the {@code <file>/} prefix. */
    public static String ruleName(String rulesFile, String rule) {
        String prefix = rulesFile + "/";
        return rule.startsWith(prefix) ? rule.substring(prefix.length()) : rule;
    }

    /** Adds one rule file's evaluation of this data file (cfn-guard's FileReport::combine). */
    public void add(GuardEvaluation e) {
        GuardRecord root = e.root();
        status = status.and(e.status());
        for (GuardRecord child : root.children()) {
            if (child.type() instanceof GuardRecord.RuleCheck rc) {
                if (rc.status() == GuardStatus.PASS) {
                    compliant.add(rc.name());
                } else if (rc.status() == GuardStatus.SKIP) {
                    notApplicable.add(rc.name());
                }
            }
        }
        notCompliant.addAll(failures(root.children(), display));
    }

    /** The data file's name. */
    public String name() {
        return name;
    }

    /** The combined status. */
    public GuardStatus status() {
        return status;
    }

    /** The failed rules, with their failed checks. */
    public List<Failure> notCompliant() {
        return Collections.unmodifiableList(notCompliant);
    }

    /** The rules that did not apply (sorted). */
    public SortedSet<String> notApplicable() {
        return Collections.unmodifiableSortedSet(notApplicable);
    }

    /** The rules that passed (sorted). */
    public SortedSet<String> compliant() {
        return Collections.unmodifiableSortedSet(compliant);
    }

    // ------------------------------------------------------------------ the failure tree

    /**
     * One message of a failure: the rule author's custom message, the engine's explanation, and the offending value
     * (or the value a missing property was looked for in), when there is one.
     *
     * @param customMessage the {@code << >>} message, or null
     * @param errorMessage  the explanation, or null
     * @param at            the offending value (for a missing property: the value it was looked for in), or null
     * @param missing       whether a property the check needs is missing from {@code at}
     * @param unknown       whether the check could not be decided before deploy (intrinsic-aware mode)
     * @param witness       intrinsic-aware mode: the deployments that break the check, or why it is unknown
     * @param evidence      the places that explain an intrinsic-aware verdict (parameter declarations, ...)
     */
    public record Message(String customMessage, String errorMessage, GuardValue at, boolean missing,
                          boolean unknown, String witness, List<GuardWitness> evidence) {
        /** A message of a plain (not intrinsic-aware) check. */
        public Message(String customMessage, String errorMessage, GuardValue at) {
            this(customMessage, errorMessage, at, false, false, null, List.of());
        }

        /** A message about a property missing from {@code at}, with the deployments that remove it if known. */
        static Message missing(String customMessage, String errorMessage, QueryResult.UnResolved ur) {
            String reason = ur.reason();
            String witness = reason != null && reason.startsWith(GuardEvaluator.REMOVED)
                    ? reason.substring(GuardEvaluator.REMOVED.length()) : null;
            return new Message(customMessage, errorMessage, ur.traversedTo(), true, false, witness, List.of());
        }
    }

    /** A node of the failure tree: a failed rule, a block, a disjunction or a failed clause. */
    public abstract static sealed class Failure permits RuleFailure, BlockFailure, DisjunctionFailure,
            ClauseFailure {
        /** Every message under this node, depth first. */
        public abstract List<Message> messages();

        abstract Object plain();
    }

    /** A rule that failed. */
    public static final class RuleFailure extends Failure {
        private final String ruleName;
        private final String customMessage;
        private final List<Failure> checks;

        RuleFailure(String ruleName, String customMessage, List<Failure> checks) {
            this.ruleName = ruleName;
            this.customMessage = customMessage;
            this.checks = List.copyOf(checks);
        }

        /** The rule's name. */
        public String ruleName() {
            return ruleName;
        }

        /** The message given where the rule was called, or null. */
        public String customMessage() {
            return customMessage;
        }

        /** What failed inside. */
        public List<Failure> checks() {
            return checks;
        }

        @Override
        public List<Message> messages() {
            List<Message> m = new ArrayList<>();
            for (Failure f : checks) {
                m.addAll(f.messages());
            }
            return m;
        }

        @Override
        Object plain() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", ruleName);
            r.put("metadata", new LinkedHashMap<>());
            r.put("messages", messagesPlain(customMessage, null));
            List<Object> c = new ArrayList<>();
            for (Failure f : checks) {
                c.add(f.plain());
            }
            r.put("checks", c);
            return single("Rule", r);
        }
    }

    /** A block clause that found nothing, or whose query stopped before a value. */
    public static final class BlockFailure extends Failure {
        private final String context;
        private final Message message;
        private final QueryResult.UnResolved unresolved;

        BlockFailure(String context, Message message, QueryResult.UnResolved unresolved) {
            this.context = context;
            this.message = message;
            this.unresolved = unresolved;
        }

        @Override
        public List<Message> messages() {
            return List.of(message);
        }

        @Override
        Object plain() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("context", context);
            r.put("messages", messagesPlain(message.customMessage(), message.errorMessage()));
            r.put("unresolved", unresolved == null ? null : unresolvedPlain(unresolved));
            return single("Block", r);
        }
    }

    /** {@code or}-ed clauses that all failed. */
    public static final class DisjunctionFailure extends Failure {
        private final List<Failure> checks;

        DisjunctionFailure(List<Failure> checks) {
            this.checks = List.copyOf(checks);
        }

        @Override
        public List<Message> messages() {
            List<Message> m = new ArrayList<>();
            for (Failure f : checks) {
                m.addAll(f.messages());
            }
            return m;
        }

        @Override
        Object plain() {
            List<Object> c = new ArrayList<>();
            for (Failure f : checks) {
                c.add(f.plain());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("checks", c);
            return single("Disjunctions", r);
        }
    }

    /** One failed value check. */
    public static final class ClauseFailure extends Failure {
        private final boolean unary;
        private final String context;
        private final Message message;
        private final Map<String, Object> check;

        ClauseFailure(boolean unary, String context, Message message, Map<String, Object> check) {
            this.unary = unary;
            this.context = context;
            this.message = message;
            this.check = check;
        }

        /** The clause as written. */
        public String context() {
            return context;
        }

        @Override
        public List<Message> messages() {
            return List.of(message);
        }

        @Override
        Object plain() {
            Map<String, Object> r = new LinkedHashMap<>();
            if (unary) {
                r.put("check", check);
                r.put("context", context);
                r.put("messages", messagesPlain(message.customMessage(), message.errorMessage()));
                return single("Clause", single("Unary", r));
            }
            r.put("context", context);
            r.put("messages", messagesPlain(message.customMessage(), message.errorMessage()));
            r.put("check", check);
            return single("Clause", single("Binary", r));
        }
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static Map<String, Object> messagesPlain(String custom, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("custom_message", custom);
        m.put("error_message", error);
        return m;
    }

    private static Map<String, Object> unresolvedPlain(QueryResult.UnResolved u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("traversed_to", GuardJson.pathValue(u.traversedTo()));
        m.put("remaining_query", u.remainingQuery());
        m.put("reason", u.reason());
        return m;
    }

    private static List<Object> comparison(Cmp c) {
        List<Object> l = new ArrayList<>();
        l.add(c.op().serdeName);
        l.add(c.not());
        return l;
    }

    private static GuardValue valueOf(QueryResult q) {
        if (q instanceof QueryResult.UnResolved u) {
            return u.traversedTo();
        }
        return q.valueOrNull();
    }

    private static String unaryWords(Cmp cmp) {
        boolean not = cmp.not();
        switch (cmp.op()) {
            case EXISTS:
                return not ? "existed" : "did not exist";
            case EMPTY:
                return not ? "was empty" : "was not empty";
            case IS_LIST:
                return not ? "was a list " : "was not list";
            case IS_MAP:
                return not ? "was a struct" : "was not struct";
            case IS_STRING:
                return not ? "was a string " : "was not string";
            case IS_INT:
                return not ? "was int" : "was not int";
            case IS_BOOL:
                return not ? "was bool" : "was not bool";
            case IS_NULL:
                return not ? "was null" : "was not null";
            default:
                return not ? "was float" : "was not float";
        }
    }

    private static String binaryWords(Cmp cmp) {
        boolean not = cmp.not();
        switch (cmp.op()) {
            case EQ:
                return not ? "equal to" : "not equal to";
            case LE:
                return not ? "less than equal to" : "not less than equal to";
            case LT:
                return not ? "less than" : "not less than";
            case GE:
                return not ? "greater than equal to" : "not greater than equal";
            case GT:
                return not ? "greater than" : "not greater than";
            default:
                return not ? "in" : "not in";
        }
    }

    /** report_all_failed_clauses_for_rules. */
    static List<Failure> failures(List<GuardRecord> checks, Display display) {
        List<Failure> out = new ArrayList<>();
        for (GuardRecord current : checks) {
            GuardRecord.Type t = current.type();
            if (t instanceof GuardRecord.RuleCheck rc) {
                if (rc.status() == GuardStatus.FAIL) {
                    out.add(new RuleFailure(rc.name(), rc.message(), failures(current.children(), display)));
                }
            } else if (t instanceof GuardRecord.BlockGuardCheck b) {
                if (b.status() == GuardStatus.FAIL) {
                    if (!current.hadChildren()) {
                        out.add(new BlockFailure(current.context(), new Message(null,
                                "query for block clause did not retrieve any value", null), null));
                    } else {
                        out.addAll(failures(current.children(), display));
                    }
                }
            } else if (t instanceof GuardRecord.Disjunction d) {
                if (d.status() == GuardStatus.FAIL) {
                    out.add(new DisjunctionFailure(failures(current.children(), display)));
                }
            } else if (t instanceof GuardRecord.GuardClauseBlockCheck || t instanceof GuardRecord.TypeBlockRec
                    || t instanceof GuardRecord.TypeCheck || t instanceof GuardRecord.WhenCheck) {
                if (t.status() == GuardStatus.FAIL) {
                    out.addAll(failures(current.children(), display));
                }
            } else if (t instanceof GuardRecord.ClauseValueCheck cv) {
                Failure f = clause(current.context(), cv.check(), display);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Failure clause(String context, GuardRecord.ClauseCheck check, Display display) {
        if (check instanceof GuardRecord.NoValueForEmptyCheck nv) {
            String custom = nv.customMessage() == null ? "" : nv.customMessage().replace('\n', ';');
            return new ClauseFailure(true, context, new Message(custom,
                    "Check was not compliant as variable in context [" + context + "] was not empty", nv.scope()),
                    single("UnResolvedContext", context));
        }
        if (check instanceof GuardRecord.DependentRule dr) {
            String custom = dr.customMessage() == null ? "" : dr.customMessage();
            return new ClauseFailure(true, context, new Message(custom,
                    "Check was not compliant as dependent rule [" + dr.rule() + "] did not PASS. Context ["
                            + context + "]", dr.scope()), single("UnResolvedContext", dr.rule()));
        }
        if (check instanceof GuardRecord.MissingBlockValue mb) {
            QueryResult.UnResolved ur = (QueryResult.UnResolved) mb.from();
            String custom = mb.customMessage() == null ? "" : mb.customMessage();
            return new BlockFailure(context, Message.missing(custom, "Check was not compliant as property ["
                    + ur.remainingQuery() + "] is missing. Value traversed to [" + display.value(ur.traversedTo())
                    + "]", ur), ur);
        }
        if (check instanceof GuardRecord.Unary u) {
            return unary(context, u, display);
        }
        if (check instanceof GuardRecord.Comparison cmp) {
            return binary(context, cmp, display);
        }
        if (check instanceof GuardRecord.Deployments d) {
            return deployments(context, d, display);
        }
        if (check instanceof GuardRecord.InComparison in) {
            return in(context, in, display);
        }
        return null;
    }

    private static Failure unary(String context, GuardRecord.Unary u, Display display) {
        String custom = u.customMessage() == null ? "" : u.customMessage();
        String err = u.message() == null ? "" : "Error = [" + u.message() + "]";
        Map<String, Object> c = new LinkedHashMap<>();
        String text;
        if (u.from() instanceof QueryResult.UnResolved ur) {
            text = "Check was not compliant as property [" + ur.remainingQuery() + "] is missing. Value "
                    + "traversed to [" + display.value(ur.traversedTo()) + "]." + err;
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("value", unresolvedPlain(ur));
            inner.put("comparison", comparison(u.comparison()));
            c.put("UnResolved", inner);
        } else {
            GuardValue v = u.from().valueOrNull();
            text = "Check was not compliant as property [" + display.path(v.path()) + "] "
                    + unaryWords(u.comparison()) + "."
                    + err;
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("value", GuardJson.pathValue(v));
            inner.put("comparison", comparison(u.comparison()));
            c.put("Resolved", inner);
        }
        return new ClauseFailure(true, context, u.from() instanceof QueryResult.UnResolved
                ? Message.missing(custom, text, (QueryResult.UnResolved) u.from())
                : new Message(custom, text, valueOf(u.from())),
                c);
    }

    private static Failure binary(String context, GuardRecord.Comparison cmp, Display display) {
        String custom = cmp.customMessage() == null ? "" : cmp.customMessage();
        String err = cmp.message() == null ? "" : " Error = [" + cmp.message() + "]";
        Map<String, Object> c = new LinkedHashMap<>();
        if (cmp.from() instanceof QueryResult.UnResolved ur) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("value", unresolvedPlain(ur));
            inner.put("comparison", comparison(cmp.comparison()));
            c.put("UnResolved", inner);
            return new ClauseFailure(false, context, Message.missing(custom, "Check was not compliant as "
                    + "property [" + ur.remainingQuery() + "] to compare from is missing. Value traversed to ["
                    + display.value(ur.traversedTo()) + "]." + err, ur), c);
        }
        if (cmp.to() == null) {
            return null;
        }
        GuardValue from = cmp.from().valueOrNull();
        if (cmp.to() instanceof QueryResult.UnResolved tu) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("value", unresolvedPlain(tu));
            inner.put("comparison", comparison(cmp.comparison()));
            c.put("UnResolved", inner);
            return new ClauseFailure(false, context, new Message(custom, "Check was not compliant as property ["
                    + tu.remainingQuery() + "] to compare to is missing. Value traversed to ["
                    + display.value(tu.traversedTo()) + "]." + err, from), c);
        }
        GuardValue to = cmp.to().valueOrNull();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("from", GuardJson.pathValue(from));
        inner.put("to", GuardJson.pathValue(to));
        inner.put("comparison", comparison(cmp.comparison()));
        c.put("Resolved", inner);
        return new ClauseFailure(false, context, new Message(custom, "Check was not compliant as property value ["
                + display.value(from) + "] " + binaryWords(cmp.comparison()) + " value [" + display.value(to) + "]."
                + err, from), c);
    }

    private static Failure deployments(String context, GuardRecord.Deployments d, Display display) {
        String custom = d.customMessage() == null ? "" : d.customMessage();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("value", GuardJson.pathValue(d.at()));
        inner.put("deployments", d.detail());
        inner.put("unknown", d.unknown());
        inner.put("comparison", comparison(d.comparison()));
        String text = (d.unknown() ? "Check could not be decided before deploy: property [" : "Check was not "
                + "compliant for every deployment: property [") + display.path(d.at().path()) + "] " + d.detail();
        return new ClauseFailure(false, context, new Message(custom, text, d.at(), false, d.unknown(), d.detail(),
                d.evidence()), single("Deployments", inner));
    }

    private static Failure in(String context, GuardRecord.InComparison in, Display display) {
        GuardValue from = valueOf(in.from());
        List<String> shown = new ArrayList<>();
        List<Object> toPlain = new ArrayList<>();
        for (QueryResult q : in.to()) {
            shown.add(display.result(q));
            if (q instanceof QueryResult.Resolved r) {
                toPlain.add(GuardJson.pathValue(r.value()));
            }
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("from", GuardJson.pathValue(from));
        inner.put("to", toPlain);
        inner.put("comparison", comparison(in.comparison()));
        return new ClauseFailure(false, context, new Message(in.customMessage(),
                "Check was not compliant as property [" + display.path(from.path()) + "] was not present in ["
                        + GuardAst.sliceDisplay(shown) + "]", from), single("InResolved", inner));
    }

    /** The report as a plain tree, in cfn-guard's field order. */
    public Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("metadata", new LinkedHashMap<>());
        m.put("status", status.name());
        List<Object> nc = new ArrayList<>();
        for (Failure f : notCompliant) {
            nc.add(f.plain());
        }
        m.put("not_compliant", nc);
        m.put("not_applicable", new ArrayList<>(notApplicable));
        m.put("compliant", new ArrayList<>(compliant));
        return m;
    }
}
