package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code aws sagemaker describe-endpoint-config} and {@code aws sagemaker describe-endpoint} print (the
 * API's JSON, already in CloudFormation's property names) as a CloudFormation-shaped tree, so the same rules audit
 * what is deployed. Every node keeps its position in the file.
 *
 * <ul>
 *   <li>describe-endpoint-config ({@code EndpointConfigName} and {@code ProductionVariants}): one
 *       {@code AWS::SageMaker::EndpointConfig} named by the config's name, its properties the document itself.</li>
 *   <li>describe-endpoint ({@code EndpointName}, {@code EndpointConfigName} and {@code EndpointArn} or
 *       {@code EndpointStatus}): an {@code AWS::SageMaker::Endpoint} with its name, config name and
 *       {@code DeploymentConfig} (or, as the API names it, {@code LastDeploymentConfig}); and, from the running
 *       variants, an {@code AWS::SageMaker::EndpointConfig} whose variants have the instance count the endpoint runs
 *       ({@code CurrentInstanceCount}, else {@code DesiredInstanceCount}) and its serverless config.</li>
 * </ul>
 */
final class DescribeOutput {
    private DescribeOutput() {
    }

    /** Whether a document is describe-endpoint-config output. */
    static boolean isEndpointConfig(MapNode root) {
        return !root.has("Resources") && root.has("EndpointConfigName") && root.has("ProductionVariants")
                && !root.has("EndpointName");
    }

    /** Whether a document is describe-endpoint output. */
    static boolean isEndpoint(MapNode root) {
        return !root.has("Resources") && root.has("EndpointName") && root.has("EndpointConfigName")
                && (root.has("EndpointArn") || root.has("EndpointStatus"));
    }

    /** describe-endpoint-config output as a tree with one endpoint config. */
    static MapNode translateEndpointConfig(MapNode root) {
        String id = root.text("EndpointConfigName").orElse("EndpointConfig");
        Location at = root.entry("EndpointConfigName").value().location();
        return withResources(root, List.of(resource(id, at, "AWS::SageMaker::EndpointConfig", root, root)));
    }

    /** describe-endpoint output as a tree with the endpoint and the config its running variants make up. */
    static MapNode translateEndpoint(MapNode root) {
        String id = root.text("EndpointName").orElse("Endpoint");
        Location at = root.entry("EndpointName").value().location();
        List<MapNode.Entry> props = new ArrayList<>();
        props.add(root.entry("EndpointName"));
        props.add(root.entry("EndpointConfigName"));
        MapNode.Entry deployment = root.entry("DeploymentConfig") != null ? root.entry("DeploymentConfig")
                : root.entry("LastDeploymentConfig");
        if (deployment != null) {
            props.add(new MapNode.Entry("DeploymentConfig", deployment.keyLocation(), deployment.value()));
        }
        List<MapNode.Entry> resources = new ArrayList<>();
        resources.add(resource(id, at, "AWS::SageMaker::Endpoint", root,
                new MapNode(props, root.location(), root.pointer())));
        if (root.get("ProductionVariants") instanceof ListNode variants) {
            MapNode.Entry configName = root.entry("EndpointConfigName");
            String configId = root.text("EndpointConfigName").orElse("EndpointConfig");
            List<MapNode.Entry> config = List.of(configName, new MapNode.Entry("ProductionVariants",
                    root.entry("ProductionVariants").keyLocation(), runningVariants(variants)));
            resources.add(resource(configId.equals(id) ? configId + " (config)" : configId,
                    configName.value().location(), "AWS::SageMaker::EndpointConfig", root,
                    new MapNode(config, variants.location(), variants.pointer())));
        }
        return withResources(root, resources);
    }

    private static ListNode runningVariants(ListNode variants) {
        List<Node> items = new ArrayList<>();
        for (Node n : variants.items()) {
            if (!(n instanceof MapNode v)) {
                items.add(n);
                continue;
            }
            List<MapNode.Entry> out = new ArrayList<>();
            copy(v, out, "VariantName", "VariantName");
            if (!copy(v, out, "CurrentInstanceCount", "InitialInstanceCount")) {
                copy(v, out, "DesiredInstanceCount", "InitialInstanceCount");
            }
            if (!copy(v, out, "CurrentServerlessConfig", "ServerlessConfig")) {
                copy(v, out, "DesiredServerlessConfig", "ServerlessConfig");
            }
            items.add(new MapNode(out, v.location(), v.pointer()));
        }
        return new ListNode(items, variants.location(), variants.pointer());
    }

    private static boolean copy(MapNode from, List<MapNode.Entry> to, String key, String as) {
        MapNode.Entry e = from.entry(key);
        if (e == null) {
            return false;
        }
        to.add(new MapNode.Entry(as, e.keyLocation(), e.value()));
        return true;
    }

    private static MapNode.Entry resource(String id, Location idAt, String type, MapNode root, MapNode props) {
        List<MapNode.Entry> decl = List.of(
                new MapNode.Entry("Type", idAt, ScalarNode.string(type, idAt, root.pointer())),
                new MapNode.Entry("Properties", props.location(), props));
        return new MapNode.Entry(id, idAt, new MapNode(decl, props.location(), props.pointer()));
    }

    private static MapNode withResources(MapNode root, List<MapNode.Entry> resources) {
        List<MapNode.Entry> entries = new ArrayList<>(root.entries());
        entries.add(new MapNode.Entry("Resources", root.location(),
                new MapNode(resources, root.location(), "/Resources")));
        return new MapNode(entries, root.location(), root.pointer(), root.duplicates());
    }
}
