package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON of {@code terraform show -json PLANFILE} (format_version 1.x; also the state form with
 * {@code values}) as a CloudFormation-shaped tree, so that every rule reads it as it reads a template.
 *
 * <p>Each managed resource that will exist after apply becomes an entry of {@code Resources} named by its Terraform
 * address ({@code module.a.aws_sagemaker_endpoint_configuration.this["x"]}). Its values come from
 * {@code resource_changes[].change.after} (with {@code after_unknown}), or from {@code planned_values} when the plan
 * holds no change for it. The SageMaker, Application Auto Scaling and CloudWatch alarm types the rules read get their
 * CloudFormation type and property names ({@code production_variants} -> {@code ProductionVariants}, single nested
 * blocks -> objects, a {@code dimensions} map -> a {@code Dimensions} list); other types keep their Terraform type
 * and get their attribute names in PascalCase. Every mapped node keeps the position and JSON pointer of the plan
 * value it comes from; a value Terraform knows only after apply becomes a {@link Template#KNOWN_AFTER_APPLY} call,
 * which the resolver evaluates to an unknown value.
 */
final class TerraformPlan {
    private static final Map<String, String> TYPES = Map.of(
            "aws_sagemaker_endpoint_configuration", "AWS::SageMaker::EndpointConfig",
            "aws_sagemaker_endpoint", "AWS::SageMaker::Endpoint",
            "aws_sagemaker_model", "AWS::SageMaker::Model",
            "aws_appautoscaling_target", "AWS::ApplicationAutoScaling::ScalableTarget",
            "aws_cloudwatch_metric_alarm", "AWS::CloudWatch::Alarm");
    private static final Map<String, String> NAME_PROPERTY = Map.of(
            "aws_sagemaker_endpoint_configuration", "EndpointConfigName",
            "aws_sagemaker_endpoint", "EndpointName",
            "aws_sagemaker_model", "ModelName");
    private static final Map<String, String> RENAMES = Map.ofEntries(
            Map.entry("production_variants", "ProductionVariants"),
            Map.entry("production_variant", "ProductionVariants"),
            Map.entry("shadow_production_variants", "ShadowProductionVariants"),
            Map.entry("container", "Containers"),
            Map.entry("metric_query", "Metrics"),
            Map.entry("memory_size_in_mb", "MemorySizeInMB"),
            Map.entry("kms_key_arn", "KmsKeyId"),
            Map.entry("execution_role_arn", "ExecutionRoleArn"));
    /** Nested blocks Terraform writes as a list of at most one item, where CloudFormation has an object. */
    private static final Set<String> SINGLE = Set.of("serverless_config", "deployment_config",
            "blue_green_update_policy", "traffic_routing_configuration", "canary_size", "linear_step_size",
            "auto_rollback_configuration", "rolling_update_policy", "maximum_batch_size",
            "rollback_maximum_batch_size", "primary_container", "image_config", "data_capture_config",
            "async_inference_config", "vpc_config", "managed_instance_scaling", "routing_config",
            "core_dump_config", "model_data_source", "s3_data_source", "multi_model_config",
            "inference_execution_config", "metric");
    /** Map-typed attributes whose keys are data, not attribute names. */
    private static final Set<String> MAPS = Set.of("tags", "tags_all", "environment", "dimensions");

    private final List<MapNode.Entry> resources = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, MapNode> changes = new LinkedHashMap<>();

    private TerraformPlan() {
    }

    /** Whether a document is Terraform's JSON output of a plan (or of a state). */
    static boolean recognises(MapNode root) {
        if (!root.has("format_version") || root.has("Resources")) {
            return false;
        }
        return root.get("planned_values") instanceof MapNode || root.get("resource_changes") instanceof ListNode
                || root.get("values") instanceof MapNode v && v.get("root_module") instanceof MapNode;
    }

    /** The plan as a CloudFormation-shaped tree: the plan's own keys, plus {@code Resources}. */
    static MapNode translate(MapNode root) {
        TerraformPlan plan = new TerraformPlan();
        plan.indexChanges(root.get("resource_changes"));
        Node values = root.get("planned_values") instanceof MapNode pv ? pv : root.get("values");
        if (values instanceof MapNode v && v.get("root_module") instanceof MapNode module) {
            plan.module(module);
        }
        for (MapNode change : plan.changes.values()) {
            plan.fromChange(change);
        }
        List<MapNode.Entry> entries = new ArrayList<>(root.entries());
        entries.add(new MapNode.Entry("Resources", root.location(),
                new MapNode(plan.resources, root.location(), "/Resources")));
        return new MapNode(entries, root.location(), root.pointer(), root.duplicates());
    }

    private void indexChanges(Node list) {
        if (!(list instanceof ListNode l)) {
            return;
        }
        for (Node n : l.items()) {
            if (n instanceof MapNode c && c.text("address").isPresent()
                    && !c.text("mode").orElse("managed").equals("data")) {
                changes.put(c.text("address").get(), c);
            }
        }
    }

    private void module(MapNode module) {
        if (module.get("resources") instanceof ListNode rs) {
            for (Node n : rs.items()) {
                if (n instanceof MapNode r && r.text("address").isPresent()
                        && r.text("mode").orElse("managed").equals("managed")) {
                    planned(r);
                }
            }
        }
        if (module.get("child_modules") instanceof ListNode children) {
            for (Node n : children.items()) {
                if (n instanceof MapNode child) {
                    module(child);
                }
            }
        }
    }

    /** A resource of planned_values: its change's after/after_unknown when the plan has one, else its values. */
    private void planned(MapNode r) {
        String address = r.text("address").get();
        MapNode change = changes.get(address);
        if (change != null && change.get("change") instanceof MapNode c && c.get("after") instanceof MapNode after) {
            return; // taken from resource_changes, in plan order, by fromChange
        }
        if (seen.add(address) && r.get("values") instanceof MapNode values) {
            add(address, r, values, null);
        }
    }

    private void fromChange(MapNode rc) {
        String address = rc.text("address").orElseThrow();
        if (!(rc.get("change") instanceof MapNode c) || !(c.get("after") instanceof MapNode after)
                || !seen.add(address)) {
            return; // deleted (after is null), or already read
        }
        add(address, rc, after, c.get("after_unknown"));
    }

    private void add(String address, MapNode r, MapNode values, Node unknown) {
        String tfType = r.text("type").orElse("");
        Node typeNode = r.get("type") != null ? r.get("type") : r;
        String type = TYPES.getOrDefault(tfType, tfType);
        MapNode props = new Converter(address, NAME_PROPERTY.getOrDefault(tfType, "Name"))
                .object(values, unknown, values.location(), values.pointer(), "", true);
        List<MapNode.Entry> decl = List.of(
                new MapNode.Entry("Type", typeNode.location(),
                        ScalarNode.string(type, typeNode.location(), typeNode.pointer())),
                new MapNode.Entry("Properties", values.location(), props));
        Node addressNode = r.get("address");
        resources.add(new MapNode.Entry(address, addressNode.location(), new MapNode(decl, r.location(),
                r.pointer())));
    }

    /** Converts one resource's values; {@code address} names unknown values in their reasons. */
    private record Converter(String address, String nameProperty) {

        MapNode object(MapNode values, Node unknown, Location at, String pointer, String path, boolean top) {
            Set<String> keys = new LinkedHashSet<>();
            if (values != null) {
                keys.addAll(values.keys());
            }
            if (unknown instanceof MapNode u) {
                keys.addAll(u.keys());
            }
            List<MapNode.Entry> out = new ArrayList<>();
            for (String key : keys) {
                MapNode.Entry e = values == null ? null : values.entry(key);
                Node u = unknown instanceof MapNode um ? um.get(key) : null;
                Location keyLoc = e != null ? e.keyLocation() : ((MapNode) unknown).entry(key).keyLocation();
                Node converted = attribute(key, e == null ? null : e.value(), u, path + "." + key);
                if (converted == null) {
                    continue;
                }
                if (key.equals("metric") && converted instanceof MapNode m) {
                    converted = metricStat(m);
                }
                String name = top && key.equals("name") ? nameProperty : cfnKey(key);
                out.add(new MapNode.Entry(name, keyLoc, converted));
            }
            return new MapNode(out, at, pointer);
        }

        private Node attribute(String key, Node v, Node u, String path) {
            if (isTrue(u)) {
                return unknown(u, path);
            }
            if (v == null || v instanceof ScalarNode s && s.isNull()) {
                return null;
            }
            if (key.equals("dimensions") && v instanceof MapNode m) {
                return dimensions(m, u, path);
            }
            if (MAPS.contains(key)) {
                return v;
            }
            if (SINGLE.contains(key) && v instanceof ListNode l) {
                if (l.size() == 0) {
                    return null;
                }
                return value(l.get(0), item(u, 0), path + "[0]");
            }
            return value(v, u, path);
        }

        private Node value(Node v, Node u, String path) {
            if (isTrue(u)) {
                return unknown(u, path);
            }
            if (v instanceof MapNode m) {
                return object(m, u, m.location(), m.pointer(), path, false);
            }
            if (v instanceof ListNode l) {
                List<Node> items = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    items.add(value(l.get(i), item(u, i), path + "[" + i + "]"));
                }
                return new ListNode(items, l.location(), l.pointer());
            }
            return v;
        }

        /** A {@code dimensions} map as CloudFormation's list of {@code {Name, Value}}. */
        private Node dimensions(MapNode m, Node u, String path) {
            List<Node> items = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                Node uv = u instanceof MapNode um ? um.get(e.key()) : null;
                Node value = isTrue(uv) ? unknown(uv, path + "." + e.key()) : e.value();
                String p = e.value().pointer();
                items.add(new MapNode(List.of(
                        new MapNode.Entry("Name", e.keyLocation(), ScalarNode.string(e.key(), e.keyLocation(), p)),
                        new MapNode.Entry("Value", e.keyLocation(), value)), e.keyLocation(), p));
            }
            return new ListNode(items, m.location(), m.pointer());
        }

        /** Terraform's {@code metric} block as CloudFormation's MetricStat (Metric, Period, Stat, Unit). */
        private static Node metricStat(MapNode m) {
            List<MapNode.Entry> metric = new ArrayList<>();
            List<MapNode.Entry> stat = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                if (Set.of("MetricName", "Namespace", "Dimensions").contains(e.key())) {
                    metric.add(e);
                } else {
                    stat.add(e);
                }
            }
            stat.add(0, new MapNode.Entry("Metric", m.location(), new MapNode(metric, m.location(), m.pointer())));
            return new MapNode(stat, m.location(), m.pointer());
        }

        private MapNode unknown(Node u, String path) {
            String what = address + path;
            return new MapNode(List.of(new MapNode.Entry(Template.KNOWN_AFTER_APPLY, u.location(),
                    ScalarNode.string(what, u.location(), u.pointer()))), u.location(), u.pointer());
        }

        private static Node item(Node u, int i) {
            return u instanceof ListNode l && i < l.size() ? l.get(i) : null;
        }

        private static boolean isTrue(Node u) {
            return u instanceof ScalarNode s && s.kind() == ScalarKind.BOOLEAN && s.text().equalsIgnoreCase("true");
        }

        private static String cfnKey(String key) {
            String renamed = RENAMES.get(key);
            if (renamed != null) {
                return renamed;
            }
            StringBuilder sb = new StringBuilder(key.length());
            for (String part : key.split("_")) {
                if (!part.isEmpty()) {
                    sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
                }
            }
            return sb.isEmpty() ? key : sb.toString();
        }
    }
}
