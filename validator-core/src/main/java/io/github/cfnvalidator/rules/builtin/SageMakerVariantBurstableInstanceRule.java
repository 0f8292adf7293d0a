package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.rules.Findings;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleInfo;
import io.github.cfnvalidator.rules.SageMakerLinks;
import io.github.cfnvalidator.rules.StringCheck;
import io.github.cfnvalidator.template.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Production variants should not run on burstable {@code ml.t2.*}/{@code ml.t3.*} instances, which run out of CPU
 * credits under sustained load and then fail health checks.
 */
@RuleInfo(id = "sagemaker_variant_burstable_instance", severity = Severity.WARNING,
        summary = "Production variants do not run on burstable ml.t2/ml.t3 instances in any deployment.")
public final class SageMakerVariantBurstableInstanceRule implements Rule {
    private static final Pattern BURSTABLE = Pattern.compile("^ml\\.t[23]\\..*");
    private static final List<String> CANDIDATES = List.of("ml.t2.medium", "ml.t3.medium", "ml.t2.large");

    private static StringCheck.Verdict judge(String type) {
        int unknown = type.indexOf(StringCheck.UNKNOWN_PART);
        if (unknown >= 0) {
            String known = type.substring(0, unknown);
            if (known.length() >= 6 && !"ml.t2.".startsWith(known.substring(0, 6)) && !"ml.t3.".startsWith(
                    known.substring(0, 6))) {
                return new StringCheck.Fine();
            }
            return new StringCheck.Undecided();
        }
        return BURSTABLE.matcher(type).matches() ? new StringCheck.Bad("burstable") : new StringCheck.Fine();
    }

    @Override
    public void check(RuleContext ctx) {
        Resolver resolver = ctx.resolver();
        SageMakerLinks links = new SageMakerLinks(resolver);
        Findings findings = new Findings();
        for (ResourceInstance config : resolver.resourcesOfType(SageMakerLinks.ENDPOINT_CONFIG)) {
            links.forEachVariant(config, true, variant -> {
                StringCheck check = new StringCheck(SageMakerVariantBurstableInstanceRule::judge, CANDIDATES);
                if (variant.value() instanceof Value.Unknown) {
                    check.accept(variant.outcome());
                    String subject = links.chain(config, variant.index() < 0 ? null : "#" + (variant.index() + 1));
                    report(ctx, findings, config, variant.written(), subject, check);
                    return;
                }
                String subject = links.chain(config, links.variantName(config, variant.value(), variant.scenario(),
                        variant.index()));
                Map<Node, StringCheck> byNode = new LinkedHashMap<>();
                for (Resolver.Reached type : resolver.walk(config, variant, "InstanceType")) {
                    if (!(type.value() instanceof Value.Absent)) { // CloudFormation requires it where it matters
                        byNode.computeIfAbsent(type.written(), n -> new StringCheck(
                                SageMakerVariantBurstableInstanceRule::judge, CANDIDATES)).accept(type.outcome());
                    }
                }
                byNode.forEach((at, one) -> report(ctx, findings, config, at, subject, one));
            });
        }
        findings.reportTo(ctx);
    }

    private static void report(RuleContext ctx, Findings findings, ResourceInstance config, Node at, String subject,
                               StringCheck check) {
        List<StringCheck.Violation> violations = check.violations();
        if (!violations.isEmpty()) {
            StringCheck.Violation v = violations.get(0);
            List<Evidence> evidence = new ArrayList<>();
            if (v.domain() != null) {
                evidence.add(new Evidence("parameter " + v.domain().name() + " admits " + v.value()
                        + v.domain().describeConstraints(java.util.Set.of()), v.domain().location()));
            } else if (v.source() != null && v.source() != at) {
                evidence.add(new Evidence("the value " + v.value() + " is written here", v.source().location()));
            }
            String fix = v.domain() != null
                    ? "restrict parameter " + v.domain().name() + " to non-burstable types (AllowedValues such as "
                    + "ml.m5.large, ml.c5.xlarge)"
                    : "use a non-burstable instance type such as ml.m5.large or ml.c5.xlarge";
            findings.add("burstable", ctx.rule().defaultSeverity(), config.logicalId(), at, subject + " runs on burstable "
                    + v.value() + " (" + StringCheck.witness(v) + "); burstable instances run out of CPU credits "
                    + "under sustained load and then fail health checks.", fix, evidence);
            return;
        }
        for (Map.Entry<String, Scenario> u : check.unknowns().entrySet()) {
            String when = u.getValue().isAny() ? "" : " (when " + u.getValue().describe() + ")";
            findings.add("burstable", Findings.unresolved(ctx), config.logicalId(), at, subject + ": InstanceType cannot be "
                    + "verified before deploy: " + u.getKey() + when + ".", "use a literal instance type or a "
                    + "parameter with AllowedValues", List.of());
            return;
        }
    }
}
