package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.rules.Anchor;
import io.github.cfnvalidator.rules.Findings;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleInfo;
import io.github.cfnvalidator.rules.SageMakerLinks;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An endpoint serving instance-based variants should roll out new versions blue/green with canary or linear traffic
 * shifting and roll back on a CloudWatch alarm; an alarm defined in the template should watch an error or latency
 * metric of that endpoint.
 */
@RuleInfo(id = "sagemaker_endpoint_auto_rollback", severity = Severity.WARNING, summary = "Endpoints deploy "
        + "blue/green (canary or linear) with automatic rollback on an error or latency alarm.")
public final class SageMakerEndpointAutoRollbackRule implements Rule {
    private static final String ALARM = "AWS::CloudWatch::Alarm";

    @Override
    public void check(RuleContext ctx) {
        Resolver resolver = ctx.resolver();
        SageMakerLinks links = new SageMakerLinks(resolver);
        Findings findings = new Findings();
        for (ResourceInstance endpoint : resolver.resourcesOfType(SageMakerLinks.ENDPOINT)) {
            List<ResourceInstance> configs = links.configsOf(endpoint);
            if (configs.stream().noneMatch(links::hasInstanceBasedVariant)) {
                continue; // serverless, or a config defined elsewhere: nothing to judge here
            }
            String subject = "Endpoint " + endpoint.logicalId() + " -> EndpointConfig " + configs.get(0).logicalId();
            for (Scenario exists : resolver.whenExists(endpoint)) {
                for (Resolver.Reached props : resolver.properties(endpoint, exists)) {
                    MapNode parent = props.value() instanceof Value.Struct st ? st.map() : null;
                    Anchor key = parent == null ? Anchor.resource(endpoint) : Anchor.key(parent, "DeploymentConfig");
                    for (Resolver.Reached dc : resolver.walk(endpoint, props, "DeploymentConfig")) {
                        new Check(ctx, findings, endpoint, subject, key, parent != null
                                && parent.has("DeploymentConfig")).deploymentConfig(dc);
                    }
                }
            }
        }
        findings.reportTo(ctx);
    }

    /**
     * The checks of one endpoint's DeploymentConfig as written in one place ({@code key}; {@code written}: whether
     * the key is there at all).
     */
    private record Check(RuleContext ctx, Findings findings, ResourceInstance endpoint, String subject, Anchor key,
                         boolean written) {
        Resolver resolver() {
            return ctx.resolver();
        }

        String id() {
            return endpoint.logicalId();
        }

        Severity sev() {
            return ctx.rule().defaultSeverity();
        }

        /** An unresolved finding for a part of DeploymentConfig that cannot be known before deploy. */
        boolean unknown(Resolver.Reached r, String what) {
            if (!(r.value() instanceof Value.Unknown u)) {
                return false;
            }
            String when = r.scenario().isAny() ? "" : " (when " + r.scenario().describe() + ")";
            findings.add("deployment", Findings.unresolved(ctx), id(), r.written(), subject + ": " + what
                    + " cannot be verified before deploy: " + u.reason() + when + ".",
                    "write DeploymentConfig in the template", List.of());
            return true;
        }

        void deploymentConfig(Resolver.Reached dc) {
            String when = dc.scenario().isAny() ? "" : " when " + dc.scenario().describe();
            if (dc.value() instanceof Value.Absent) {
                if (!written) {
                    findings.add("deployment", sev(), id(), Anchor.resource(endpoint), subject
                            + " has no DeploymentConfig" + when + ": a new model version replaces the old one all at "
                            + "once, with no automatic rollback.", "add DeploymentConfig with a BlueGreenUpdatePolicy "
                            + "(CANARY or LINEAR traffic routing) and AutoRollbackConfiguration alarms", List.of());
                } else {
                    findings.add("deployment", sev(), id(), key, subject + " has no DeploymentConfig" + when + ".",
                            "keep DeploymentConfig in every deployment", List.of());
                }
                return;
            }
            if (unknown(dc, "DeploymentConfig") || !(dc.value() instanceof Value.Struct)) {
                return;
            }
            blueGreen(dc);
            rollback(dc);
        }

        /** Blue/green with canary or linear traffic shifting. */
        void blueGreen(Resolver.Reached dc) {
            for (Resolver.Reached bg : resolver().walk(endpoint, dc, "BlueGreenUpdatePolicy")) {
                if (unknown(bg, "BlueGreenUpdatePolicy")) {
                    continue;
                }
                if (bg.value() instanceof Value.Absent) {
                    boolean rolling = resolver().walk(endpoint, new Resolver.Reached(dc.value(), bg.scenario(),
                            dc.written(), dc.indices()), "RollingUpdatePolicy").stream()
                            .anyMatch(r -> !(r.value() instanceof Value.Absent));
                    String bgWhen = bg.scenario().isAny() ? "" : " when " + bg.scenario().describe();
                    findings.add("bluegreen", sev(), id(), key, subject + (rolling
                            ? " uses a RollingUpdatePolicy" : " has no BlueGreenUpdatePolicy") + bgWhen
                            + ": without blue/green canary or linear traffic shifting a bad model version reaches "
                            + "all traffic before any alarm can stop it.",
                            "add BlueGreenUpdatePolicy with TrafficRoutingConfiguration Type CANARY or LINEAR",
                            List.of());
                    continue;
                }
                for (Resolver.Reached routing : resolver().walk(endpoint, bg, "TrafficRoutingConfiguration")) {
                    if (unknown(routing, "TrafficRoutingConfiguration")) {
                        continue;
                    }
                    if (routing.value() instanceof Value.Absent) {
                        findings.add("routing", sev(), id(), bg.value().origin(), subject
                                + ": BlueGreenUpdatePolicy has no TrafficRoutingConfiguration.",
                                "set TrafficRoutingConfiguration Type to CANARY or LINEAR", List.of());
                        continue;
                    }
                    for (Resolver.Reached type : resolver().walk(endpoint, routing, "Type")) {
                        routingType(type);
                    }
                }
            }
        }

        void routingType(Resolver.Reached type) {
            if (unknown(type, "the traffic routing Type")) {
                return;
            }
            if (type.value() instanceof Value.Text t) {
                String v = t.text().toUpperCase(Locale.ROOT);
                if (!v.equals("CANARY") && !v.equals("LINEAR")) {
                    String w = type.scenario().isAny() ? "" : " (" + type.scenario().describe() + ")";
                    findings.add("routing", sev(), id(), type.written(), subject + " shifts traffic " + t.text() + w
                            + ": all traffic moves to the new fleet at once, so an alarm cannot roll back "
                            + "before every request is affected.", "set Type to CANARY or LINEAR", List.of());
                }
            } else if (type.value() instanceof Value.Absent) {
                findings.add("routing", sev(), id(), type.written(), subject
                        + ": TrafficRoutingConfiguration has no Type.", "set Type to CANARY or LINEAR", List.of());
            }
        }

        /** Automatic rollback on alarms. */
        void rollback(Resolver.Reached dc) {
            for (Resolver.Reached arc : resolver().walk(endpoint, dc, "AutoRollbackConfiguration")) {
                if (unknown(arc, "AutoRollbackConfiguration")) {
                    continue;
                }
                if (arc.value() instanceof Value.Absent) {
                    String arcWhen = arc.scenario().isAny() ? "" : " when " + arc.scenario().describe();
                    findings.add("rollback", sev(), id(), key, subject + " has no AutoRollbackConfiguration"
                            + arcWhen + ": nothing stops a bad model version once the traffic shift starts.",
                            "add AutoRollbackConfiguration with Alarms that watch the endpoint's errors or latency",
                            List.of());
                    continue;
                }
                for (Resolver.Reached alarms : resolver().walk(endpoint, arc, "Alarms")) {
                    if (unknown(alarms, "AutoRollbackConfiguration.Alarms")) {
                        continue;
                    }
                    for (Resolver.Listing listing : resolver().listings(endpoint, alarms)) {
                        if (listing.items().isEmpty()) {
                            Node at = alarms.value() instanceof Value.Absent ? arc.value().origin()
                                    : alarms.written();
                            String w = listing.scenario().isAny() ? "" : " when " + listing.scenario().describe();
                            findings.add("rollback", sev(), id(), at, subject
                                    + ": AutoRollbackConfiguration names no alarm" + w + ".",
                                    "list at least one CloudWatch alarm under AutoRollbackConfiguration.Alarms",
                                    List.of());
                            continue;
                        }
                        for (Resolver.Reached alarm : listing.items()) {
                            checkAlarm(alarm);
                        }
                    }
                }
            }
        }

        void checkAlarm(Resolver.Reached alarm) {
            if (unknown(alarm, "a rollback alarm") || !(alarm.value() instanceof Value.Struct)) {
                return;
            }
            for (Resolver.Reached name : resolver().walk(endpoint, alarm, "AlarmName")) {
                Optional<ResourceInstance> defined = alarmResource(resolver(), name.value());
                if (defined.isEmpty()) {
                    continue; // an alarm defined elsewhere: nothing to check here
                }
                ResourceInstance a = defined.get();
                Optional<Scenario> blind = notWatching(resolver(), a, endpoint, name.scenario());
                if (blind.isPresent()) {
                    String when = blind.get().isAny() ? "" : " when " + blind.get().describe();
                    findings.add("alarm:" + a.logicalId(), sev(), id(), name.written(), subject + ": rollback alarm "
                            + a.logicalId() + " does not watch an error or latency metric of Endpoint " + id() + when
                            + " (AWS/SageMaker Invocation5XXErrors, Invocation4XXErrors, ModelLatency, ... with "
                            + "dimension EndpointName), so it will not fire when the new version misbehaves.",
                            "make alarm " + a.logicalId() + " watch the endpoint's Invocation5XXErrors or "
                                    + "ModelLatency with EndpointName: !GetAtt " + id() + ".EndpointName",
                            List.of(new Evidence("alarm " + a.logicalId() + " is defined here",
                                    a.resource().keyLocation())));
                }
            }
        }
    }

    /** The alarm resource an AlarmName refers to: {@code Ref} to an alarm, or its literal AlarmName. */
    private static Optional<ResourceInstance> alarmResource(Resolver resolver, Value name) {
        if (name instanceof Value.Unknown u && u.resource() != null) {
            return resolver.resource(u.resource()).filter(r -> r.type().equals(ALARM));
        }
        if (name instanceof Value.Text t) {
            for (ResourceInstance r : resolver.resourcesOfType(ALARM)) {
                if (resolver.walk(r, Scenario.ANY, "AlarmName").stream()
                        .anyMatch(o -> o.value() instanceof Value.Text x && x.text().equals(t.text()))) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A deployment (from those of {@code from}) in which the alarm does not watch an AWS/SageMaker error or latency
     * metric with this endpoint's EndpointName; empty when it does in every one.
     */
    private static Optional<Scenario> notWatching(Resolver resolver, ResourceInstance alarm,
                                                  ResourceInstance endpoint, Scenario from) {
        for (Resolver.Reached props : resolver.properties(alarm, from)) {
            if (!watches(resolver, alarm, props, endpoint)) {
                return Optional.of(props.scenario());
            }
        }
        return Optional.empty();
    }

    /** Whether the alarm's Properties (in one class of deployments) watch the endpoint's errors or latency. */
    private static boolean watches(Resolver resolver, ResourceInstance alarm, Resolver.Reached props,
                                   ResourceInstance endpoint) {
        List<Resolver.Reached> metrics = new ArrayList<>();
        metrics.add(props);
        metrics.addAll(resolver.walk(alarm, props, "Metrics", Resolver.EACH, "MetricStat", "Metric"));
        for (Resolver.Reached m : metrics) {
            if (!(m.value() instanceof Value.Struct)
                    || !always(resolver, alarm, m, "Namespace", n -> n.equals("AWS/SageMaker"))
                    || !always(resolver, alarm, m, "MetricName", n -> n.contains("Error") || n.contains("Latency"))) {
                continue;
            }
            for (Resolver.Reached d : resolver.walk(alarm, m, "Dimensions", Resolver.EACH)) {
                if (always(resolver, alarm, d, "Name", n -> n.equals("EndpointName"))
                        && refersTo(resolver, alarm, d, endpoint)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refersTo(Resolver resolver, ResourceInstance alarm, Resolver.Reached dimension,
                                    ResourceInstance endpoint) {
        SageMakerLinks links = new SageMakerLinks(resolver);
        for (Resolver.Reached v : resolver.walk(alarm, dimension, "Value")) {
            if (links.referencedBy(v.value(), SageMakerLinks.ENDPOINT).contains(endpoint)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a key of a map is, in every deployment, a text that satisfies {@code test}. */
    private static boolean always(Resolver resolver, ResourceInstance r, Resolver.Reached map, String key,
                                  java.util.function.Predicate<String> test) {
        List<Resolver.Reached> values = resolver.walk(r, map, key);
        return !values.isEmpty() && values.stream().allMatch(o -> o.value() instanceof Value.Text t
                && test.test(t.text()));
    }
}
