package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule sees while it checks one template, and where it reports. One context per rule and template; not shared
 * between threads.
 */
public final class RuleContext {
    private final Template template;
    private final Resolver resolver;
    private final RuleMetadata rule;
    private final Severity unresolvedSeverity;
    private final ParameterValues parameters;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * Creates a context.
     *
     * @param template           the template being checked
     * @param resolver           the resolver over that template (shared by every rule checking it)
     * @param rule               the rule that reports here
     * @param unresolvedSeverity the severity for values that cannot be known before deploy
     * @param parameters         deploy-time values pinned for this template
     */
    public RuleContext(Template template, Resolver resolver, RuleMetadata rule, Severity unresolvedSeverity,
                       ParameterValues parameters) {
        this.template = Objects.requireNonNull(template);
        this.resolver = Objects.requireNonNull(resolver);
        this.rule = Objects.requireNonNull(rule);
        this.unresolvedSeverity = Objects.requireNonNull(unresolvedSeverity);
        this.parameters = Objects.requireNonNull(parameters);
    }

    /** The template being checked. */
    public Template template() {
        return template;
    }

    /** The resolver: values over every deployment the template admits. */
    public Resolver resolver() {
        return resolver;
    }

    /** The metadata of the rule reporting here. */
    public RuleMetadata rule() {
        return rule;
    }

    /** The severity for findings about values that cannot be verified before deploy. */
    public Severity unresolvedSeverity() {
        return unresolvedSeverity;
    }

    /** Deploy-time parameter values pinned for this template (may be empty). */
    public ParameterValues parameters() {
        return parameters;
    }

    /** Reports a finding of this rule at a node, with its default severity. */
    public void report(String resource, Node at, String message, String fix, List<Evidence> evidence) {
        report(rule.defaultSeverity(), resource, at, message, fix, evidence);
    }

    /** Reports a finding of this rule at a node with a given severity. */
    public void report(Severity severity, String resource, Node at, String message, String fix,
                       List<Evidence> evidence) {
        findings.add(new Finding(rule.id(), severity, message, resource, at.pointer(), at.location(), evidence, fix));
    }

    /** Reports a finding of this rule at an anchor (a key's place, for "has no X" findings). */
    public void report(Severity severity, String resource, Anchor at, String message, String fix,
                       List<Evidence> evidence) {
        findings.add(new Finding(rule.id(), severity, message, resource, at.pointer(), at.location(), evidence, fix));
    }

    /** The findings reported so far. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
