package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.rules.MinimumCheck;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleInfo;
import io.github.cfnvalidator.rules.SageMakerLinks;
import io.github.cfnvalidator.template.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every production variant of an {@code AWS::SageMaker::EndpointConfig} must start with at least two instances, in
 * every deployment the template admits: one instance is a single point of failure, two or more are spread across
 * Availability Zones. Serverless variants are not applicable; shadow variants are out of scope.
 */
@RuleInfo(id = "sagemaker_variant_min_instances", severity = Severity.ERROR,
        summary = "Every SageMaker endpoint production variant starts with at least 2 instances in every deployment.")
public final class SageMakerVariantMinInstancesRule implements Rule {
    static final BigDecimal MINIMUM = BigDecimal.valueOf(2);
    private static final String PROPERTY = "InitialInstanceCount";

    @Override
    public void check(RuleContext ctx) {
        Resolver resolver = ctx.resolver();
        SageMakerLinks links = new SageMakerLinks(resolver);
        for (ResourceInstance config : resolver.resourcesOfType(SageMakerLinks.ENDPOINT_CONFIG)) {
            // one check per variant as written (its node), accumulated over every deployment
            Map<Node, VariantCheck> checks = new LinkedHashMap<>();
            links.forEachVariant(config, true, variant -> checkVariant(ctx, links, config, variant, checks));
            for (VariantCheck c : checks.values()) {
                report(ctx, config, c);
            }
        }
    }

    private void checkVariant(RuleContext ctx, SageMakerLinks links, ResourceInstance config,
                              Resolver.Reached variant, Map<Node, VariantCheck> checks) {
        Resolver resolver = ctx.resolver();
        Value v = variant.value();
        if (v instanceof Value.Unknown) {
            // the variants, or whether this one is serverless, are unknown: reported where the blocking value is
            String name = variant.index() < 0 ? "ProductionVariants" : "#" + (variant.index() + 1);
            checks.computeIfAbsent(variant.written(), n -> new VariantCheck(n, name, resolver, null))
                    .values.accept(variant.outcome());
            return;
        }
        VariantCheck check = checks.computeIfAbsent(v.origin(), n -> new VariantCheck(n,
                links.variantName(config, v, variant.scenario(), variant.index()), resolver,
                v instanceof Value.Struct s ? s.map().get(PROPERTY) : null));
        if (!(v instanceof Value.Struct)) {
            check.values.accept(variant.outcome());
            return;
        }
        for (Resolver.Reached count : resolver.walk(config, variant, PROPERTY)) {
            check.values.accept(count.outcome());
        }
    }

    /** What was found for one variant. */
    private static final class VariantCheck {
        final Node variant;
        final String name;
        final Node countNode;
        final MinimumCheck values;

        VariantCheck(Node variant, String name, Resolver resolver, Node countNode) {
            this.variant = variant;
            this.name = name;
            this.countNode = countNode;
            this.values = new MinimumCheck(MINIMUM, PROPERTY, resolver);
        }
    }

    private void report(RuleContext ctx, ResourceInstance config, VariantCheck c) {
        String subject = new SageMakerLinks(ctx.resolver()).chain(config, c.name);
        Node at = c.countNode != null ? c.countNode : c.variant;
        List<MinimumCheck.Violation> violations = c.values.violations();
        if (!violations.isEmpty()) {
            MinimumCheck.Violation first = violations.get(0);
            String what = first.notNumber()
                    ? PROPERTY + " can be " + first.value() + ", which is not a number"
                    : "can start with " + first.value() + " instance" + (first.value().equals("1") ? "" : "s");
            ctx.report(config.logicalId(), at, subject + " " + what + " (" + MinimumCheck.witnesses(violations)
                    + "); a production variant needs at least 2 instances so that they are spread across "
                    + "Availability Zones and one failure does not take the endpoint down.",
                    c.values.fix(first, c.countNode), MinimumCheck.evidence(violations));
            return;
        }
        if (!c.values.absent().isEmpty()) {
            Scenario s = c.values.absent().get(0);
            String when = s.isAny() ? "" : " when " + s.describe();
            ctx.report(config.logicalId(), at, subject + " has no " + PROPERTY + when
                    + "; an instance-based variant needs at least 2 instances.",
                    "set " + PROPERTY + " to 2 or more (or give the variant a ServerlessConfig)", List.of());
            return;
        }
        Map<Value.Unknown, Scenario> unknowns = c.values.unknowns();
        if (!unknowns.isEmpty()) {
            Map.Entry<Value.Unknown, Scenario> e = unknowns.entrySet().iterator().next();
            String when = e.getValue().isAny() ? "" : " (when " + e.getValue().describe() + ")";
            List<Evidence> evidence = new ArrayList<>();
            for (Value.Unknown u : unknowns.keySet()) {
                evidence.add(new Evidence(u.reason(), u.origin().location()));
            }
            ctx.report(ctx.unresolvedSeverity(), config.logicalId(), at, subject + ": " + PROPERTY
                    + " cannot be verified before deploy: " + e.getKey().reason() + when + ".",
                    "use a literal of 2 or more or a Number parameter with MinValue: 2, or pin the value with "
                            + "--parameters", evidence);
        }
    }
}
