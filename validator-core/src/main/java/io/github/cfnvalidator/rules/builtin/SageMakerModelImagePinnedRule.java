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
import java.util.Set;

/**
 * SageMaker model container images must be pinned, to a version tag other than {@code latest} or to a digest, in
 * every deployment: a floating tag makes rollbacks and scale-outs pull an image nobody tested.
 */
@RuleInfo(id = "sagemaker_model_image_pinned", severity = Severity.WARNING,
        summary = "SageMaker model container images are pinned to a version tag (not latest) or a digest.")
public final class SageMakerModelImagePinnedRule implements Rule {
    private static final List<String> CANDIDATES = List.of("latest", "repo:latest", "repo");
    private static final String UNKNOWN = String.valueOf(StringCheck.UNKNOWN_PART);

    /** Judges an image reference: {@code registry/repo:tag} or {@code registry/repo@sha256:...}. */
    static StringCheck.Verdict judge(String image) {
        int at = image.lastIndexOf('@');
        if (at >= 0) {
            String digest = image.substring(at + 1);
            if (digest.contains(UNKNOWN) || digest.matches("[A-Za-z0-9_+.-]+:[0-9a-fA-F]{32,}")) {
                return digest.contains(UNKNOWN) && !digest.startsWith("sha256:") ? new StringCheck.Undecided()
                        : new StringCheck.Fine();
            }
            return new StringCheck.Bad("its digest is not a valid sha256 digest");
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.lastIndexOf(':');
        if (colon < 0) {
            return name.contains(UNKNOWN) ? new StringCheck.Undecided()
                    : new StringCheck.Bad("it has no tag, which means latest");
        }
        String tag = name.substring(colon + 1);
        if (tag.contains(UNKNOWN)) {
            return new StringCheck.Undecided();
        }
        if (tag.isEmpty()) {
            return new StringCheck.Bad("its tag is empty");
        }
        return tag.equals("latest") ? new StringCheck.Bad("its tag is latest") : new StringCheck.Fine();
    }

    @Override
    public void check(RuleContext ctx) {
        Resolver resolver = ctx.resolver();
        SageMakerLinks links = new SageMakerLinks(resolver);
        Findings findings = new Findings();
        for (ResourceInstance model : resolver.resourcesOfType(SageMakerLinks.MODEL)) {
            String subject = subject(links, model);
            for (Scenario exists : resolver.whenExists(model)) {
                for (Resolver.Reached c : resolver.walk(model, exists, "PrimaryContainer")) {
                    container(ctx, findings, model, subject + " PrimaryContainer", c);
                }
                for (Resolver.Reached c : resolver.walk(model, exists, "Containers", Resolver.EACH)) {
                    container(ctx, findings, model, subject + (c.index() < 0 ? " Containers"
                            : " Containers[" + c.index() + "]"), c);
                }
            }
        }
        findings.reportTo(ctx);
    }

    private static String subject(SageMakerLinks links, ResourceInstance model) {
        List<ResourceInstance> configs = links.configsUsing(model);
        if (configs.isEmpty()) {
            return "Model " + model.logicalId();
        }
        return links.chain(configs.get(0), null) + " -> Model " + model.logicalId();
    }

    private void container(RuleContext ctx, Findings findings, ResourceInstance model, String where,
                           Resolver.Reached container) {
        if (container.value() instanceof Value.Absent) {
            return;
        }
        if (container.value() instanceof Value.Unknown) {
            StringCheck check = new StringCheck(SageMakerModelImagePinnedRule::judge, CANDIDATES);
            check.accept(container.outcome());
            report(ctx, findings, model, where, container.written(), check);
            return;
        }
        Map<Node, StringCheck> byNode = new LinkedHashMap<>();
        for (Resolver.Reached image : ctx.resolver().walk(model, container, "Image")) {
            if (!(image.value() instanceof Value.Absent)) { // a model package or a container without an image
                byNode.computeIfAbsent(image.written(), n -> new StringCheck(SageMakerModelImagePinnedRule::judge,
                        CANDIDATES)).accept(image.outcome());
            }
        }
        byNode.forEach((imageNode, check) -> report(ctx, findings, model, where, imageNode, check));
    }

    private static void report(RuleContext ctx, Findings findings, ResourceInstance model, String where,
                               Node imageNode, StringCheck check) {
        List<StringCheck.Violation> violations = check.violations();
        if (!violations.isEmpty()) {
            StringCheck.Violation v = violations.get(0);
            List<Evidence> evidence = new ArrayList<>();
            String fix = "pin the image to a version tag (repository:v2.1.0) or a digest (repository@sha256:...)";
            if (v.domain() != null) {
                evidence.add(new Evidence("parameter " + v.domain().name() + " admits values such as "
                        + v.scenario().fixedValue(v.domain().name()).orElse(v.value())
                        + v.domain().describeConstraints(Set.of()), v.domain().location()));
                fix = "constrain parameter " + v.domain().name() + " (AllowedPattern or AllowedValues) to version "
                        + "tags or digests, never latest";
            }
            findings.add("image", ctx.rule().defaultSeverity(), model.logicalId(), imageNode, where
                    + ".Image can be \"" + v.value() + "\": " + v.reason() + " (" + StringCheck.witness(v)
                    + "); an image that is not pinned makes a rollback or a scale-out pull an image nobody tested.",
                    fix, evidence);
            return;
        }
        for (Map.Entry<String, Scenario> u : check.unknowns().entrySet()) {
            String when = u.getValue().isAny() ? "" : " (when " + u.getValue().describe() + ")";
            findings.add("image", Findings.unresolved(ctx), model.logicalId(), imageNode, where
                    + ".Image cannot be verified before deploy: " + u.getKey() + when + ".",
                    "build the image reference from a literal tag or digest, or a parameter constrained to them",
                    List.of());
            return;
        }
    }
}
