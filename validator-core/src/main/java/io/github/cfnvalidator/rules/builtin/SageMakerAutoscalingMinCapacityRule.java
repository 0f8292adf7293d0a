package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.Equality;
import io.github.cfnvalidator.resolve.Operand;
import io.github.cfnvalidator.resolve.ParameterDomain;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.rules.Anchor;
import io.github.cfnvalidator.rules.Findings;
import io.github.cfnvalidator.rules.MinimumCheck;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleInfo;
import io.github.cfnvalidator.rules.SageMakerLinks;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * A SageMaker variant's autoscaling floor must keep at least two instances: an
 * {@code AWS::ApplicationAutoScaling::ScalableTarget} for {@code sagemaker:variant:DesiredInstanceCount} has every
 * admissible MinCapacity at least 2 (its own, and any a scheduled action sets), and MaxCapacity at least MinCapacity.
 */
@RuleInfo(id = "sagemaker_autoscaling_min_capacity", severity = Severity.ERROR,
        summary = "Autoscaling of a SageMaker variant never goes below 2 instances, and MaxCapacity >= MinCapacity.")
public final class SageMakerAutoscalingMinCapacityRule implements Rule {
    static final String DIMENSION = "sagemaker:variant:DesiredInstanceCount";
    private static final BigDecimal MINIMUM = BigDecimal.valueOf(2);

    @Override
    public void check(RuleContext ctx) {
        Resolver resolver = ctx.resolver();
        SageMakerLinks links = new SageMakerLinks(resolver);
        Findings findings = new Findings();
        for (ResourceInstance target : resolver.resourcesOfType("AWS::ApplicationAutoScaling::ScalableTarget")) {
            String subject = null;
            // one floor per place MinCapacity is written (null: not written), accumulated over every deployment
            Map<Node, MinimumCheck> floors = new LinkedHashMap<>();
            Map<Node, MinimumCheck> scheduled = new LinkedHashMap<>();
            List<Pair> pairs = new ArrayList<>();
            for (Scenario exists : resolver.whenExists(target)) {
                for (Scenario s : applicable(resolver, target, exists)) {
                    if (subject == null) {
                        subject = subject(resolver, links, target);
                    }
                    for (Resolver.Reached act : resolver.walk(target, s, "ScheduledActions", Resolver.EACH,
                            "ScalableTargetAction", "MinCapacity")) {
                        if (!(act.value() instanceof Value.Absent)) { // an action may leave the floor alone
                            scheduled.computeIfAbsent(act.written(), n -> new MinimumCheck(MINIMUM, "MinCapacity",
                                    resolver)).accept(act.outcome());
                        }
                    }
                    for (Resolver.Reached min : resolver.walk(target, s, "MinCapacity")) {
                        Node at = min.value() instanceof Value.Absent ? null : min.written();
                        floors.computeIfAbsent(at, n -> new MinimumCheck(MINIMUM, "MinCapacity", resolver))
                                .accept(min.outcome());
                        if (at == null) {
                            continue;
                        }
                        for (Resolver.Reached max : resolver.walk(target, min.scenario(), "MaxCapacity")) {
                            pair(min.value(), max.value(), max.scenario(), max.written()).ifPresent(pairs::add);
                        }
                    }
                }
            }
            if (subject == null) {
                continue; // not a SageMaker variant target in any deployment
            }
            for (Map.Entry<Node, MinimumCheck> floor : floors.entrySet()) {
                reportFloor(ctx, findings, target, subject, "MinCapacity", floor.getKey(), floor.getValue());
            }
            for (Map.Entry<Node, MinimumCheck> floor : scheduled.entrySet()) {
                reportFloor(ctx, findings, target, subject, "the MinCapacity of a scheduled action", floor.getKey(),
                        floor.getValue());
            }
            if (!pairs.isEmpty()) {
                Pair p = pairs.get(0);
                String w = p.scenario().describe();
                findings.add("max", ctx.rule().defaultSeverity(), target.logicalId(), p.at(), subject
                        + ": MaxCapacity can be " + p.max() + ", below MinCapacity " + p.min() + " ("
                        + (w.isEmpty() ? "every deployment" : w) + " gives MinCapacity " + p.min() + ", MaxCapacity "
                        + p.max() + "); Application Auto Scaling rejects such a "
                        + "target.", "make MaxCapacity at least MinCapacity in every deployment", List.of());
            }
        }
        findings.reportTo(ctx);
    }

    /** The scenarios in which the target scales a SageMaker variant's instance count. */
    private static List<Scenario> applicable(Resolver resolver, ResourceInstance target, Scenario exists) {
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : matching(resolver, target, "ServiceNamespace", "sagemaker", exists)) {
            out.addAll(matching(resolver, target, "ScalableDimension", DIMENSION, s));
        }
        return out;
    }

    private static List<Scenario> matching(Resolver resolver, ResourceInstance target, String property,
                                           String expected, Scenario s) {
        List<Scenario> out = new ArrayList<>();
        for (Resolver.Reached o : resolver.walk(target, s, property)) {
            if (o.value() instanceof Value.Text t && t.text().equals(expected)) {
                out.add(o.scenario());
            } else if (o.value() instanceof Value.Symbolic sym && sym.domain().admits(expected)
                    && !sym.excluded().contains(expected)) {
                out.add(o.scenario().fix(sym.domain().name(), expected));
            } else if (o.value() instanceof Value.Unknown u) {
                // undecidable before deploy: judged as if it were, and the witness says so (as for conditions)
                out.add(o.scenario().note("if " + property + " is " + expected + " (undecidable before deploy: "
                        + u.reason() + ")"));
            }
        }
        return out;
    }

    /**
     * "ScalableTarget T (Endpoint Api -> EndpointConfig ApiConfig -> variant primary)" when the ResourceId is
     * {@code endpoint/NAME/variant/VARIANT} of an endpoint and variant of the template in some deployment (symbolic
     * equality), "(possibly ...)" when that is undecided before deploy.
     */
    private static String subject(Resolver resolver, SageMakerLinks links, ResourceInstance target) {
        String base = "ScalableTarget " + target.logicalId();
        List<Resolver.Reached> ids = resolver.walk(target, Scenario.ANY, "ResourceId");
        String possible = null;
        for (Resolver.Reached id : ids) {
            if (id.value() instanceof Value.Absent) {
                continue;
            }
            for (ResourceInstance endpoint : resolver.resourcesOfType(SageMakerLinks.ENDPOINT)) {
                for (ResourceInstance config : links.configsOf(endpoint)) {
                    List<String> equal = new ArrayList<>();
                    List<String> undecided = new ArrayList<>();
                    links.forEachVariant(config, false, variant -> {
                        Node name = variant.value() instanceof Value.Struct struct
                                ? struct.map().get("VariantName") : null;
                        if (name == null) {
                            return;
                        }
                        Equality e = resolver.equal(List.of(Operand.written(target, id.written())), List.of(
                                Operand.literal("endpoint/"), SageMakerLinks.nameOf(endpoint),
                                Operand.literal("/variant/"), Operand.written(config, name)), variant.scenario());
                        String chain = "Endpoint " + endpoint.logicalId() + " -> EndpointConfig "
                                + config.logicalId() + " -> variant " + links.variantName(config, variant.value(),
                                variant.scenario(), variant.index());
                        (e.first(Equality.Verdict.EQUAL).isPresent() ? equal : e.undecided() ? undecided
                                : new ArrayList<String>()).add(chain);
                    });
                    if (!equal.isEmpty()) {
                        return base + " (" + equal.get(0) + ")";
                    }
                    if (possible == null && !undecided.isEmpty()) {
                        possible = undecided.get(0);
                    }
                }
            }
        }
        if (possible != null) {
            return base + " (possibly " + possible + ")";
        }
        for (Resolver.Reached o : ids) {
            Optional<ResourceInstance> endpoint = Optional.empty();
            String variant = null;
            Value v = o.value();
            String text = flatten(v);
            int vi = text.indexOf("/variant/");
            if (vi >= 0) {
                variant = text.substring(vi + "/variant/".length());
                if (variant.contains("\u0000")) {
                    variant = null;
                }
            }
            if (text.startsWith("endpoint/") && vi > 0) {
                String name = text.substring("endpoint/".length(), vi);
                if (!name.contains("\u0000")) {
                    List<ResourceInstance> named = links.named(SageMakerLinks.ENDPOINT, name);
                    endpoint = named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
                }
            }
            if (endpoint.isEmpty()) {
                endpoint = links.endpointIn(v);
            }
            if (endpoint.isPresent()) {
                List<ResourceInstance> configs = links.configsOf(endpoint.get());
                String chain = configs.isEmpty() ? "Endpoint " + endpoint.get().logicalId()
                        + (variant == null ? "" : " -> variant " + variant)
                        : links.chain(configs.get(0), variant);
                return base + " (" + chain + ")";
            }
        }
        return base;
    }

    /** A resolved string with unknown parts marked by a NUL character. */
    private static String flatten(Value v) {
        if (v instanceof Value.Text t) {
            return t.text();
        }
        if (v instanceof Value.Concat c) {
            StringBuilder sb = new StringBuilder();
            for (Value p : c.parts()) {
                sb.append(p instanceof Value.Text t ? t.text() : "\u0000");
            }
            return sb.toString();
        }
        return "\u0000";
    }

    private record Pair(String min, String max, Scenario scenario, Node at) {
    }

    /** A MinCapacity/MaxCapacity combination with MaxCapacity below MinCapacity, if the values admit one. */
    private static Optional<Pair> pair(Value min, Value max, Scenario s, Node at) {
        Optional<BigDecimal> lo = number(min);
        Optional<BigDecimal> hi = number(max);
        if (lo.isPresent() && hi.isPresent()) {
            return hi.get().compareTo(lo.get()) < 0
                    ? Optional.of(new Pair(Numbers.format(lo.get()), Numbers.format(hi.get()), s, at))
                    : Optional.empty();
        }
        if (lo.isPresent() && max instanceof Value.Symbolic sym) {
            return sym.domain().valueBelow(lo.get(), sym.excluded()).map(b ->
                    new Pair(Numbers.format(lo.get()), b, s.fix(sym.domain().name(), b), at));
        }
        if (hi.isPresent() && min instanceof Value.Symbolic sym) {
            return sym.domain().valueAbove(hi.get(), sym.excluded()).map(a ->
                    new Pair(a, Numbers.format(hi.get()), s.fix(sym.domain().name(), a), at));
        }
        if (min instanceof Value.Symbolic a && max instanceof Value.Symbolic b
                && !a.domain().name().equals(b.domain().name())) {
            ParameterDomain maxDomain = b.domain();
            BigDecimal probe = maxDomain.min().orElse(BigDecimal.ZERO);
            Optional<String> bigMin = a.domain().valueAbove(probe, a.excluded());
            if (bigMin.isPresent()) {
                BigDecimal m = new BigDecimal(bigMin.get());
                Optional<String> smallMax = maxDomain.valueBelow(m, b.excluded());
                if (smallMax.isPresent()) {
                    return Optional.of(new Pair(bigMin.get(), smallMax.get(),
                            s.fix(a.domain().name(), bigMin.get()).fix(maxDomain.name(), smallMax.get()), at));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(Value v) {
        return v instanceof Value.Text t ? t.number() : Optional.empty();
    }

    private void reportFloor(RuleContext ctx, Findings findings, ResourceInstance target, String subject,
                             String label, Node minNode, MinimumCheck floor) {
        Anchor at = minNode != null ? Anchor.of(minNode) : Anchor.resource(target);
        List<MinimumCheck.Violation> violations = floor.violations();
        if (!violations.isEmpty()) {
            MinimumCheck.Violation first = violations.get(0);
            findings.add("min", ctx.rule().defaultSeverity(), target.logicalId(), at, subject
                    + ": " + label + " can be " + first.value() + " (" + MinimumCheck.witnesses(violations)
                    + "); an autoscaling floor below 2 lets the variant scale in to a single instance and undoes "
                    + "the two-instance start.", floor.fix(first, minNode), MinimumCheck.evidence(violations));
            return;
        }
        if (!floor.absent().isEmpty()) {
            Scenario s = floor.absent().get(0);
            String when = s.isAny() ? "" : " when " + s.describe();
            findings.add("min", ctx.rule().defaultSeverity(), target.logicalId(), at, subject
                    + " has no MinCapacity" + when + "; it must be at least 2.", "set MinCapacity to 2 or more",
                    List.of());
            return;
        }
        Map<Value.Unknown, Scenario> unknowns = floor.unknowns();
        if (!unknowns.isEmpty()) {
            Map.Entry<Value.Unknown, Scenario> e = unknowns.entrySet().iterator().next();
            String when = e.getValue().isAny() ? "" : " (when " + e.getValue().describe() + ")";
            List<Evidence> evidence = new ArrayList<>();
            for (Value.Unknown u : unknowns.keySet()) {
                evidence.add(new Evidence(u.reason(), u.origin().location()));
            }
            findings.add("min", Findings.unresolved(ctx), target.logicalId(), at, subject
                    + ": " + label + " cannot be verified before deploy: " + e.getKey().reason() + when + ".",
                    "use a literal of 2 or more or a Number parameter with MinValue: 2", evidence);
        }
    }

}
