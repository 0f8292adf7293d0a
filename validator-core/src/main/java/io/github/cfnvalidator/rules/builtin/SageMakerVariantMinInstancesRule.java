package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.Outcome;
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
        for (ResourceInstance config : resolver.resourcesOfType("AWS::SageMaker::EndpointConfig")) {
            Node variantsNode = config.resource().propertiesMap().get("ProductionVariants");
            if (variantsNode == null) {
                continue;
            }
            // one check per variant as written (its item node), accumulated over every deployment
            Map<Node, VariantCheck> checks = new LinkedHashMap<>();
            for (Scenario exists : resolver.whenExists(config)) {
                for (Outcome list : resolver.resolve(config, variantsNode, exists)) {
                    if (list.value() instanceof Value.Unknown u) {
                        VariantCheck c = checks.computeIfAbsent(variantsNode,
                                n -> new VariantCheck(n, "ProductionVariants", resolver, null));
                        c.values.accept(new Outcome(u, list.scenario()));
                        continue;
                    }
                    for (Resolver.Item item : resolver.items(config, list.value(), list.scenario())) {
                        for (Outcome variant : item.outcomes()) {
                            checkVariant(ctx, config, variant, item.index(), checks);
                        }
                    }
                }
            }
            for (VariantCheck c : checks.values()) {
                report(ctx, config, c);
            }
        }
    }

    private void checkVariant(RuleContext ctx, ResourceInstance config, Outcome variant, int index,
                              Map<Node, VariantCheck> checks) {
        Resolver resolver = ctx.resolver();
        Value v = variant.value();
        Node at = v.origin();
        VariantCheck check = checks.computeIfAbsent(at, n -> new VariantCheck(n,
                new SageMakerLinks(resolver).variantName(config, v, variant.scenario(), index), resolver,
                v instanceof Value.Struct s ? s.map().get(PROPERTY) : null));
        if (!(v instanceof Value.Struct)) {
            check.values.accept(variant);
            return;
        }
        for (Outcome serverless : resolver.property(config, v, "ServerlessConfig", variant.scenario())) {
            if (serverless.value() instanceof Value.Unknown u) {
                check.values.accept(new Outcome(new Value.Unknown("whether the variant is serverless: " + u.reason(),
                        u.origin()), serverless.scenario()));
                continue;
            }
            if (!(serverless.value() instanceof Value.Absent)) {
                continue; // a serverless variant has no instances to count
            }
            check.values.acceptAll(resolver.property(config, v, PROPERTY, serverless.scenario()));
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
