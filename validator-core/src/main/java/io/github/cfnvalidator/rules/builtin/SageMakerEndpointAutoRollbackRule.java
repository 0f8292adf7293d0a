package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.Equality;
import io.github.cfnvalidator.resolve.Operand;
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
    private static final String DIMENSION = "its EndpointName dimension and the endpoint's name: ";

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
                if (name.value() instanceof Value.Absent) {
                    continue;
                }
                for (ResourceInstance a : resolver().resourcesOfType(ALARM)) {
                    Equality link = resolver().equal(List.of(Operand.resolved(name.value())),
                            List.of(Operand.attribute(a, null)), name.scenario());
                    if (link.never()) {
                        continue; // another alarm, or one defined elsewhere: nothing to check here
                    }
                    Watch watch = watches(resolver(), a, endpoint, name.scenario());
                    if (watch.verdict() != Equality.Verdict.EQUAL) {
                        reportAlarm(name.written(), a, link, watch);
                    }
                }
            }
        }

        /** A rollback alarm that does not (or may not) watch the endpoint's errors or latency. */
        void reportAlarm(Node nameNode, ResourceInstance a, Equality link, Watch watch) {
            Optional<Equality.Case> named = link.first(Equality.Verdict.EQUAL);
            List<Evidence> evidence = List.of(new Evidence("alarm " + a.logicalId() + " is defined here",
                    a.resource().keyLocation()));
            String fix = "make alarm " + a.logicalId() + " watch the endpoint's Invocation5XXErrors or ModelLatency "
                    + "with EndpointName: !GetAtt " + id() + ".EndpointName";
            if (named.isEmpty()) {
                Equality.Case u = link.first(Equality.Verdict.UNDECIDED).orElseThrow();
                findings.add("alarm:" + a.logicalId(), Findings.unresolved(ctx), id(), nameNode, subject
                        + ": whether the rollback alarm it names is alarm " + a.logicalId()
                        + " cannot be decided before deploy (" + u.reason() + "), and alarm " + a.logicalId() + " "
                        + (watch.verdict() == Equality.Verdict.DIFFERENT ? "does not watch" : "may not watch")
                        + " an error or latency metric of Endpoint " + id() + ".",
                        "name the rollback alarm with !Ref " + a.logicalId() + ", or " + fix, evidence);
                return;
            }
            Scenario when = link.always() ? watch.witness() : named.get().scenario();
            String w = when.isAny() ? "" : " when " + when.describe();
            if (watch.verdict() == Equality.Verdict.UNDECIDED) {
                findings.add("alarm:" + a.logicalId(), Findings.unresolved(ctx), id(), nameNode, subject
                        + ": whether rollback alarm " + a.logicalId() + " watches Endpoint " + id() + w
                        + " cannot be decided before deploy: " + watch.reason() + ".",
                        "write the alarm's EndpointName dimension as !GetAtt " + id() + ".EndpointName", evidence);
                return;
            }
            findings.add("alarm:" + a.logicalId(), sev(), id(), nameNode,
                    subject + ": rollback alarm " + a.logicalId() + " does not watch an error or latency metric "
                            + "of Endpoint " + id() + w + " (AWS/SageMaker Invocation5XXErrors, "
                            + "Invocation4XXErrors, ModelLatency, ... with dimension EndpointName), so it will "
                            + "not fire when the new version misbehaves" + (watch.reason() == null ? ""
                            : "; " + watch.reason()) + ".", fix, evidence);
        }
    }

    /** Whether an alarm watches the endpoint: its verdict, the deployments that decide it, and why. */
    private record Watch(Equality.Verdict verdict, Scenario witness, String reason) {
    }

    /**
     * Whether an alarm watches an AWS/SageMaker error or latency metric with this endpoint's EndpointName in every
     * deployment of {@code from} (its Properties resolved through intrinsics at every level).
     */
    private static Watch watches(Resolver resolver, ResourceInstance alarm, ResourceInstance endpoint,
                                 Scenario from) {
        for (Resolver.Reached props : resolver.properties(alarm, from)) {
            if (props.value() instanceof Value.Unknown u) {
                return new Watch(Equality.Verdict.UNDECIDED, props.scenario(), "the alarm's Properties cannot be "
                        + "known before deploy: " + u.reason());
            }
            Watch w = verdict(candidates(resolver, alarm, props, endpoint));
            if (w.verdict() != Equality.Verdict.EQUAL) {
                return w.witness().isAny() ? new Watch(w.verdict(), props.scenario(), w.reason()) : w;
            }
        }
        return new Watch(Equality.Verdict.EQUAL, from, null);
    }

    /** The symbolic equalities of each EndpointName dimension of an error or latency metric with the endpoint's name. */
    private static List<Equality> candidates(Resolver resolver, ResourceInstance alarm, Resolver.Reached props,
                                             ResourceInstance endpoint) {
        List<Equality> candidates = new ArrayList<>();
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
                if (!always(resolver, alarm, d, "Name", n -> n.equals("EndpointName"))) {
                    continue;
                }
                for (Resolver.Reached v : resolver.walk(alarm, d, "Value")) {
                    candidates.add(resolver.equal(List.of(Operand.resolved(v.value())),
                            List.of(SageMakerLinks.nameOf(endpoint)), v.scenario()));
                }
            }
        }
        return candidates;
    }

    /**
     * Combines the dimensions' equalities: watched when one is equal in every deployment; else undecided when one
     * is undecided; else not watched, with a deployment that shows it.
     */
    private static Watch verdict(List<Equality> candidates) {
        if (candidates.isEmpty()) {
            return new Watch(Equality.Verdict.DIFFERENT, Scenario.ANY, null);
        }
        if (candidates.stream().anyMatch(Equality::always)) {
            return new Watch(Equality.Verdict.EQUAL, Scenario.ANY, null);
        }
        for (Equality e : candidates) {
            Optional<Equality.Case> u = e.first(Equality.Verdict.UNDECIDED);
            if (u.isPresent()) {
                return new Watch(Equality.Verdict.UNDECIDED, u.get().scenario(), "its EndpointName dimension and "
                        + "the endpoint's name are equal only in some deployments: " + u.get().reason());
            }
        }
        for (Equality e : candidates) {
            if (e.first(Equality.Verdict.EQUAL).isPresent()) {
                Equality.Case d = e.first(Equality.Verdict.DIFFERENT).orElseThrow();
                return new Watch(Equality.Verdict.DIFFERENT, d.scenario(), DIMENSION + d.reason());
            }
        }
        Equality.Case d = candidates.get(0).first(Equality.Verdict.DIFFERENT).orElse(null);
        return new Watch(Equality.Verdict.DIFFERENT, Scenario.ANY, d == null ? null
                : DIMENSION + d.reason());
    }

    /** Whether a key of a map is, in every deployment, a text that satisfies {@code test}. */
    private static boolean always(Resolver resolver, ResourceInstance r, Resolver.Reached map, String key,
                                  java.util.function.Predicate<String> test) {
        List<Resolver.Reached> values = resolver.walk(r, map, key);
        return !values.isEmpty() && values.stream().allMatch(o -> o.value() instanceof Value.Text t
                && test.test(t.text()));
    }
}
