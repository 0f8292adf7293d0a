package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.template.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a rule's findings for one template, one per node, topic and resource (the first wins), so the same problem
 * met in several deployments is reported once (and once per resource an {@code Fn::ForEach} loop makes of one
 * declaration); reports them to the context at the end.
 */
public final class Findings {
    private record Key(Anchor anchor, String topic, String resource) {
    }

    private record Entry(Severity severity, String resource, Anchor anchor, String message, String fix,
                         List<Evidence> evidence) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    /**
     * Adds a finding unless one of the same topic was already added for the node; a definite finding replaces an
     * "unknown" one of the same topic.
     */
    public void add(String topic, Severity severity, String resource, Node node, String message, String fix,
                    List<Evidence> evidence) {
        add(topic, severity, resource, Anchor.of(node), message, fix, evidence);
    }

    /** Adds a finding at an anchor unless one of the same topic was already added there. */
    public void add(String topic, Severity severity, String resource, Anchor anchor, String message, String fix,
                    List<Evidence> evidence) {
        entries.putIfAbsent(new Key(anchor, topic, resource),
                new Entry(severity, resource, anchor, message, fix, evidence));
    }

    /** Reports every collected finding. */
    public void reportTo(RuleContext ctx) {
        for (Entry e : entries.values()) {
            ctx.report(e.severity(), e.resource(), e.anchor(), e.message(), e.fix(), e.evidence());
        }
    }

    /** The severity for "cannot be verified" findings of a rule: the unresolved setting, never above the rule's. */
    public static Severity unresolved(RuleContext ctx) {
        Severity rule = ctx.rule().defaultSeverity();
        Severity unresolved = ctx.unresolvedSeverity();
        return unresolved.atLeast(rule) ? rule : unresolved;
    }
}
