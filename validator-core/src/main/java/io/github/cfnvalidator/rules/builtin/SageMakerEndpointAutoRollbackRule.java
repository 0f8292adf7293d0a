package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.Equality;
import io.github.cfnvalidator.resolve.Operand;
import io.github.cfnvalidator.resolve.Outcome;
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
            Node deployment = endpoint.resource().propertiesMap().get("DeploymentConfig");
            Severity sev = ctx.rule().defaultSeverity();
            String id = endpoint.logicalId();
            if (deployment == null) {
                findings.add("deployment", sev, id, Anchor.resource(endpoint), subject + " has no DeploymentConfig: "
                        + "a new model version replaces the old one all at once, with no automatic rollback.",
                        "add DeploymentConfig with a BlueGreenUpdatePolicy (CANARY or LINEAR traffic routing) and "
                                + "AutoRollbackConfiguration alarms", List.of());
                continue;
            }
            for (Scenario exists : resolver.whenExists(endpoint)) {
                for (Outcome dc : resolver.resolve(endpoint, deployment, exists)) {
                    checkDeploymentConfig(ctx, findings, endpoint, subject, deployment, dc);
                }
            }
        }
        findings.reportTo(ctx);
    }

    private void checkDeploymentConfig(RuleContext ctx, Findings findings, ResourceInstance endpoint, String subject,
                                       Node deployment, Outcome dc) {
        Resolver resolver = ctx.resolver();
        Severity sev = ctx.rule().defaultSeverity();
        String id = endpoint.logicalId();
        String when = dc.scenario().isAny() ? "" : " when " + dc.scenario().describe();
        if (dc.value() instanceof Value.Absent) {
            findings.add("deployment", sev, id, deploymentKey(endpoint, deployment), subject
                    + " has no DeploymentConfig" + when + ".",
                    "keep DeploymentConfig in every deployment", List.of());
            return;
        }
        if (!(dc.value() instanceof Value.Struct)) {
            if (dc.value() instanceof Value.Unknown u) {
                findings.add("deployment", Findings.unresolved(ctx), id, deployment, subject
                        + ": DeploymentConfig cannot be verified before deploy: " + u.reason() + ".",
                        "write DeploymentConfig in the template", List.of());
            }
            return;
        }
        MapNodeView view = new MapNodeView(dc.value());
        // blue/green with canary or linear traffic shifting
        for (Outcome bg : resolver.property(endpoint, dc.value(), "BlueGreenUpdatePolicy", dc.scenario())) {
            if (bg.value() instanceof Value.Absent) {
                boolean rolling = view.has("RollingUpdatePolicy");
                String bgWhen = bg.scenario().isAny() ? "" : " when " + bg.scenario().describe();
                findings.add("bluegreen", sev, id, deploymentKey(endpoint, deployment), subject + (rolling
                        ? " uses a RollingUpdatePolicy" : " has no BlueGreenUpdatePolicy") + bgWhen
                        + ": without blue/green canary or linear traffic shifting a bad model version reaches all "
                        + "traffic before any alarm can stop it.",
                        "add BlueGreenUpdatePolicy with TrafficRoutingConfiguration Type CANARY or LINEAR", List.of());
                continue;
            }
            for (Outcome routing : resolver.property(endpoint, bg.value(), "TrafficRoutingConfiguration",
                    bg.scenario())) {
                Node routingNode = bg.value() instanceof Value.Struct s
                        ? s.map().get("TrafficRoutingConfiguration") : deployment;
                if (routing.value() instanceof Value.Absent) {
                    findings.add("routing", sev, id, bg.value().origin(), subject
                            + ": BlueGreenUpdatePolicy has no TrafficRoutingConfiguration.",
                            "set TrafficRoutingConfiguration Type to CANARY or LINEAR", List.of());
                    continue;
                }
                for (Outcome type : resolver.property(endpoint, routing.value(), "Type", routing.scenario())) {
                    Node typeNode = routing.value() instanceof Value.Struct s && s.map().get("Type") != null
                            ? s.map().get("Type") : routingNode;
                    if (type.value() instanceof Value.Text t) {
                        String v = t.text().toUpperCase(Locale.ROOT);
                        if (!v.equals("CANARY") && !v.equals("LINEAR")) {
                            String w = type.scenario().isAny() ? "" : " (" + type.scenario().describe() + ")";
                            findings.add("routing", sev, id, typeNode, subject + " shifts traffic " + t.text() + w
                                    + ": all traffic moves to the new fleet at once, so an alarm cannot roll back "
                                    + "before every request is affected.", "set Type to CANARY or LINEAR",
                                    List.of());
                        }
                    } else if (type.value() instanceof Value.Absent) {
                        findings.add("routing", sev, id, typeNode, subject
                                + ": TrafficRoutingConfiguration has no Type.", "set Type to CANARY or LINEAR",
                                List.of());
                    }
                }
            }
        }
        // automatic rollback on alarms
        for (Outcome arc : resolver.property(endpoint, dc.value(), "AutoRollbackConfiguration", dc.scenario())) {
            if (arc.value() instanceof Value.Absent) {
                String arcWhen = arc.scenario().isAny() ? "" : " when " + arc.scenario().describe();
                findings.add("rollback", sev, id, deploymentKey(endpoint, deployment), subject
                        + " has no AutoRollbackConfiguration" + arcWhen
                        + ": nothing stops a bad model version once the traffic shift starts.",
                        "add AutoRollbackConfiguration with Alarms that watch the endpoint's errors or latency",
                        List.of());
                continue;
            }
            for (Outcome alarms : resolver.property(endpoint, arc.value(), "Alarms", arc.scenario())) {
                Node alarmsNode = arc.value() instanceof Value.Struct s && s.map().get("Alarms") != null
                        ? s.map().get("Alarms") : arc.value().origin();
                List<Resolver.Item> items = resolver.items(endpoint, alarms.value(), alarms.scenario());
                boolean any = items.stream().anyMatch(i -> !i.outcomes().isEmpty());
                if (!any) {
                    if (!(alarms.value() instanceof Value.Unknown)) {
                        findings.add("rollback", sev, id, alarmsNode, subject
                                + ": AutoRollbackConfiguration names no alarm.",
                                "list at least one CloudWatch alarm under AutoRollbackConfiguration.Alarms",
                                List.of());
                    }
                    continue;
                }
                for (Resolver.Item item : items) {
                    for (Outcome alarm : item.outcomes()) {
                        checkAlarm(ctx, findings, endpoint, subject, alarm);
                    }
                }
            }
        }
    }

    private void checkAlarm(RuleContext ctx, Findings findings, ResourceInstance endpoint, String subject,
                            Outcome alarm) {
        Resolver resolver = ctx.resolver();
        if (!(alarm.value() instanceof Value.Struct struct)) {
            return;
        }
        Node nameNode = struct.map().get("AlarmName");
        if (nameNode == null) {
            return;
        }
        for (Outcome name : resolver.property(endpoint, alarm.value(), "AlarmName", alarm.scenario())) {
            for (ResourceInstance a : resolver.resourcesOfType(ALARM)) {
                Equality link = resolver.equal(List.of(Operand.resolved(name.value())),
                        List.of(Operand.attribute(a, null)), name.scenario());
                if (link.never()) {
                    continue; // another alarm, or one defined elsewhere: nothing to check here
                }
                Watch watch = watches(resolver, a, endpoint);
                if (watch.verdict() != Equality.Verdict.EQUAL) {
                    report(ctx, findings, endpoint, subject, nameNode, a, link, watch);
                }
            }
        }
    }

    private void report(RuleContext ctx, Findings findings, ResourceInstance endpoint, String subject, Node nameNode,
                        ResourceInstance a, Equality link, Watch watch) {
        Optional<Equality.Case> named = link.first(Equality.Verdict.EQUAL);
        String id = endpoint.logicalId();
        List<Evidence> evidence = List.of(new Evidence("alarm " + a.logicalId() + " is defined here",
                a.resource().keyLocation()));
        String fix = "make alarm " + a.logicalId() + " watch the endpoint's Invocation5XXErrors or ModelLatency "
                + "with EndpointName: !GetAtt " + id + ".EndpointName";
        if (named.isEmpty()) {
            Equality.Case u = link.first(Equality.Verdict.UNDECIDED).orElseThrow();
            findings.add("alarm:" + a.logicalId(), Findings.unresolved(ctx), id, nameNode, subject
                    + ": whether the rollback alarm it names is alarm " + a.logicalId()
                    + " cannot be decided before deploy (" + u.reason() + "), and alarm " + a.logicalId() + " "
                    + (watch.verdict() == Equality.Verdict.DIFFERENT ? "does not watch" : "may not watch")
                    + " an error or latency metric of Endpoint " + id + ".",
                    "name the rollback alarm with !Ref " + a.logicalId() + ", or " + fix, evidence);
            return;
        }
        Scenario when = link.always() ? watch.witness() : named.get().scenario();
        String w = when.isAny() ? "" : " when " + when.describe();
        if (watch.verdict() == Equality.Verdict.UNDECIDED) {
            findings.add("alarm:" + a.logicalId(), Findings.unresolved(ctx), id, nameNode, subject
                    + ": whether rollback alarm " + a.logicalId() + " watches Endpoint " + id + w
                    + " cannot be decided before deploy: " + watch.reason() + ".",
                    "write the alarm's EndpointName dimension as !GetAtt " + id + ".EndpointName", evidence);
            return;
        }
        findings.add("alarm:" + a.logicalId(), ctx.rule().defaultSeverity(), id, nameNode,
                subject + ": rollback alarm " + a.logicalId() + " does not watch an error or latency metric "
                        + "of Endpoint " + id + w + " (AWS/SageMaker Invocation5XXErrors, "
                        + "Invocation4XXErrors, ModelLatency, ... with dimension EndpointName), so it will "
                        + "not fire when the new version misbehaves" + (watch.reason() == null ? ""
                        : "; " + watch.reason()) + ".", fix, evidence);
    }

    private static Anchor deploymentKey(ResourceInstance endpoint, Node deployment) {
        return Anchor.keyOf(endpoint.resource().propertiesMap(), deployment);
    }

    /**
     * Whether an alarm watches the endpoint: EQUAL in every deployment, DIFFERENT (in the witness deployments), or
     * UNDECIDED (with what blocks the decision).
     */
    private record Watch(Equality.Verdict verdict, Scenario witness, String reason) {
    }

    /** Whether an alarm watches an AWS/SageMaker error or latency metric with this endpoint's EndpointName. */
    private static Watch watches(Resolver resolver, ResourceInstance alarm, ResourceInstance endpoint) {
        List<Equality> candidates = new ArrayList<>();
        for (Value m : metrics(resolver, alarm)) {
            if (!(m instanceof Value.Struct)) {
                continue;
            }
            if (text(resolver, alarm, m, "Namespace").filter(n -> n.equals("AWS/SageMaker")).isEmpty()) {
                continue;
            }
            Optional<String> metricName = text(resolver, alarm, m, "MetricName");
            if (metricName.isEmpty() || !(metricName.get().contains("Error")
                    || metricName.get().contains("Latency"))) {
                continue;
            }
            for (Outcome dims : resolver.property(alarm, m, "Dimensions", Scenario.ANY)) {
                for (Resolver.Item item : resolver.items(alarm, dims.value(), dims.scenario())) {
                    for (Outcome d : item.outcomes()) {
                        if (text(resolver, alarm, d.value(), "Name").filter(n -> n.equals("EndpointName"))
                                .isPresent()) {
                            candidates.addAll(dimension(resolver, alarm, d, endpoint));
                        }
                    }
                }
            }
        }
        return verdict(candidates);
    }

    /** The metrics an alarm reads: its own (Namespace, MetricName, Dimensions) and those of Metrics[].MetricStat. */
    private static List<Value> metrics(Resolver resolver, ResourceInstance alarm) {
        List<Value> metrics = new ArrayList<>();
        Value props = new Value.Struct(alarm.resource().propertiesMap());
        metrics.add(props);
        for (Outcome list : resolver.property(alarm, props, "Metrics", Scenario.ANY)) {
            for (Resolver.Item item : resolver.items(alarm, list.value(), list.scenario())) {
                for (Outcome q : item.outcomes()) {
                    for (Outcome stat : resolver.property(alarm, q.value(), "MetricStat", q.scenario())) {
                        for (Outcome metric : resolver.property(alarm, stat.value(), "Metric", stat.scenario())) {
                            metrics.add(metric.value());
                        }
                    }
                }
            }
        }
        return metrics;
    }

    /** The symbolic equality of an EndpointName dimension's Value with the endpoint's name. */
    private static List<Equality> dimension(Resolver resolver, ResourceInstance alarm, Outcome dimension,
                                            ResourceInstance endpoint) {
        List<Equality> out = new ArrayList<>();
        for (Outcome v : resolver.property(alarm, dimension.value(), "Value", dimension.scenario())) {
            out.add(resolver.equal(List.of(Operand.resolved(v.value())), List.of(SageMakerLinks.nameOf(endpoint)),
                    v.scenario()));
        }
        return out;
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

    private static Optional<String> text(Resolver resolver, ResourceInstance r, Value map, String key) {
        for (Outcome o : resolver.property(r, map, key, Scenario.ANY)) {
            if (o.value() instanceof Value.Text t) {
                return Optional.of(t.text());
            }
        }
        return Optional.empty();
    }

    /** Which keys a resolved map writes. */
    private record MapNodeView(Value value) {
        boolean has(String key) {
            return value instanceof Value.Struct s && s.map().has(key);
        }
    }
}
