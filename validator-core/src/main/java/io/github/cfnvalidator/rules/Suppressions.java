package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Resource;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Suppressions written in the template, in the forms users already write, applied to a template's findings:
 * <ul>
 *   <li>{@code Metadata: {cfn-validator: {suppress: [{rule: id, reason: "..."}]}}} on a resource, or at the
 *       template's top level for every resource;</li>
 *   <li>{@code Metadata: {guard: {SuppressedRules: [name, ...]}}} (cfn-guard's convention), by rule id or Guard rule
 *       name;</li>
 *   <li>{@code Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}}: entries that are cfn-validator rule ids or
 *       Guard rule names (cfn-lint's own check codes have no cfn-validator equivalent and are left alone).</li>
 * </ul>
 * A {@code cfn-validator} suppression without a reason is itself a finding ({@link #MISSING_REASON}, warning); a
 * suppression that matches no finding of a rule that ran is reported as {@link #UNUSED} (info).
 */
public final class Suppressions {
    /** A suppression written without a reason. */
    public static final RuleMetadata MISSING_REASON = RuleMetadata.of(MissingReason.class);
    /** A suppression that suppresses nothing. */
    public static final RuleMetadata UNUSED = RuleMetadata.of(Unused.class);

    /** Declares {@link #MISSING_REASON}; the check itself is part of {@link #apply}. */
    @RuleInfo(id = "suppression_missing_reason", severity = Severity.WARNING,
            summary = "A cfn-validator suppression in template Metadata gives a reason.")
    private static final class MissingReason {
    }

    /** Declares {@link #UNUSED}; the check itself is part of {@link #apply}. */
    @RuleInfo(id = "suppression_unused", severity = Severity.INFO,
            summary = "A suppression in template Metadata matches a finding; unused ones are reported so they can go.")
    private static final class Unused {
    }

    /** One suppression as written. */
    private record Entry(String rule, String reason, String resource, Node node, String convention) {
    }

    private Suppressions() {
    }

    /** The metadata of the two rules about suppressions, for listings and reports. */
    public static List<RuleMetadata> metadata() {
        return List.of(MISSING_REASON, UNUSED);
    }

    /**
     * Removes suppressed findings and adds the findings about suppressions themselves.
     *
     * @param template the template
     * @param findings the rules' findings
     * @param ran      ids of the rules that ran (a suppression of a rule that did not run is not "unused")
     */
    public static List<Finding> apply(Template template, List<Finding> findings, Set<String> ran) {
        List<Entry> entries = new ArrayList<>();
        Node top = template.root().get("Metadata");
        if (top instanceof MapNode tm) {
            read(tm, null, entries);
        }
        for (Resource r : template.resources().values()) {
            r.metadata().ifPresent(m -> {
                if (m instanceof MapNode mm) {
                    read(mm, r.logicalId(), entries);
                }
            });
        }
        if (entries.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        boolean[] used = new boolean[entries.size()];
        for (Finding f : findings) {
            boolean suppressed = false;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (e.rule().equals(f.ruleId()) && (e.resource() == null || e.resource().equals(f.resource()))) {
                    used[i] = true;
                    suppressed = true;
                }
            }
            if (!suppressed) {
                out.add(f);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.convention().equals("cfn-validator") && (e.reason() == null || e.reason().isBlank())) {
                out.add(new Finding(MISSING_REASON.id(), MISSING_REASON.defaultSeverity(), "the suppression of "
                        + e.rule() + (e.resource() == null ? " for the whole template" : " on " + e.resource())
                        + " gives no reason; a suppression without one cannot be reviewed.", e.resource(),
                        e.node().pointer(), e.node().location(), List.of(),
                        "add reason: \"...\" saying why the finding does not apply"));
            }
            if (!used[i] && ran.contains(e.rule())) {
                out.add(new Finding(UNUSED.id(), UNUSED.defaultSeverity(), "the " + e.convention()
                        + " suppression of " + e.rule() + (e.resource() == null ? "" : " on " + e.resource())
                        + " matches no finding; it can be removed.", e.resource(), e.node().pointer(),
                        e.node().location(), List.of(), "remove the suppression"));
            }
        }
        return out;
    }

    private static void read(MapNode metadata, String resource, List<Entry> out) {
        if (metadata.get("cfn-validator") instanceof MapNode cv && cv.get("suppress") instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode m && m.get("rule") instanceof ScalarNode rule) {
                    out.add(new Entry(rule.text(), m.text("reason").orElse(null), resource, item, "cfn-validator"));
                } else if (item instanceof ScalarNode s) {
                    out.add(new Entry(s.text(), null, resource, item, "cfn-validator"));
                }
            }
        }
        if (metadata.get("guard") instanceof MapNode g && g.get("SuppressedRules") instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof ScalarNode s) {
                    out.add(new Entry(s.text(), "", resource, item, "guard"));
                }
            }
        }
        if (metadata.get("cfn-lint") instanceof MapNode cl && cl.get("config") instanceof MapNode config
                && config.get("ignore_checks") instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof ScalarNode s && !s.text().matches("[EWI]\\d{4}")) {
                    out.add(new Entry(s.text(), "", resource, item, "cfn-lint"));
                }
            }
        }
    }
}
