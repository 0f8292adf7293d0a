package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A typed view of one resource: logical id, Type, Condition, Properties, DependsOn and Metadata. */
public final class Resource {
    private final String logicalId;
    private final Location keyLocation;
    private final MapNode node;

    Resource(String logicalId, Location keyLocation, MapNode node) {
        this.logicalId = logicalId;
        this.keyLocation = keyLocation;
        this.node = node;
    }

    /** A resource view over a declaration, e.g. one produced by expanding an {@code Fn::ForEach} loop. */
    public static Resource of(String logicalId, Location keyLocation, MapNode node) {
        return new Resource(logicalId, keyLocation, node);
    }

    /** The logical id. */
    public String logicalId() {
        return logicalId;
    }

    /** Where the logical id is written. */
    public Location keyLocation() {
        return keyLocation;
    }

    /** The resource's whole declaration. */
    public MapNode node() {
        return node;
    }

    /** The resource type, e.g. {@code AWS::SageMaker::EndpointConfig}. */
    public String type() {
        return node.text("Type").orElse("");
    }

    /** The name of the condition that decides whether the resource is created, if any. */
    public Optional<String> condition() {
        return node.text("Condition");
    }

    /** The Properties node (normally a map), if any. */
    public Optional<Node> properties() {
        return node.find("Properties");
    }

    /** The Properties as a map; an empty map when absent or not a map. */
    public MapNode propertiesMap() {
        Node p = node.get("Properties");
        if (p instanceof MapNode m) {
            return m;
        }
        return new MapNode(List.of(), p == null ? node.location() : p.location(),
                Node.childPointer(node.pointer(), "Properties"));
    }

    /** One property's value, if present. */
    public Optional<Node> property(String name) {
        return Optional.ofNullable(propertiesMap().get(name));
    }

    /** The logical ids named in DependsOn (a string or a list of strings). */
    public List<String> dependsOn() {
        Node d = node.get("DependsOn");
        List<String> out = new ArrayList<>();
        if (d instanceof ScalarNode s) {
            out.add(s.text());
        } else if (d instanceof ListNode l) {
            for (Node n : l.items()) {
                if (n instanceof ScalarNode s) {
                    out.add(s.text());
                }
            }
        }
        return out;
    }

    /** The Metadata node, if any. */
    public Optional<Node> metadata() {
        return node.find("Metadata");
    }

    /** DeletionPolicy, if given as text. */
    public Optional<String> deletionPolicy() {
        return node.text("DeletionPolicy");
    }

    /** UpdateReplacePolicy, if given as text. */
    public Optional<String> updateReplacePolicy() {
        return node.text("UpdateReplacePolicy");
    }

    @Override
    public String toString() {
        return logicalId + " (" + type() + ")";
    }
}
