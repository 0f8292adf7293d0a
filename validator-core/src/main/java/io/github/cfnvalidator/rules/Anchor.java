package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;

/**
 * Where a finding points: a JSON pointer and a location. Usually a node's own; for "X has no Y" findings, the key
 * under which Y is missing (a resource's logical id, a {@code DeploymentConfig:} key), which is where a reader looks.
 *
 * @param pointer  the JSON pointer
 * @param location the location
 */
public record Anchor(String pointer, Location location) {
    /** A node's own place. */
    public static Anchor of(Node n) {
        return new Anchor(n.pointer(), n.location());
    }

    /** The place of a key in a map (its value's pointer, the key's location), or the map's when the key is absent. */
    public static Anchor key(MapNode parent, String key) {
        MapNode.Entry e = parent.entry(key);
        if (e == null) {
            return of(parent);
        }
        return new Anchor(e.value().pointer(), e.keyLocation());
    }

    /** The place of a resource: its logical id. */
    public static Anchor resource(ResourceInstance r) {
        return new Anchor(r.resource().node().pointer(), r.resource().keyLocation());
    }

    /** The place of the key a node is the value of, found through its parent map; the node itself otherwise. */
    public static Anchor keyOf(MapNode parent, Node value) {
        for (MapNode.Entry e : parent.entries()) {
            if (e.value() == value) {
                return new Anchor(value.pointer(), e.keyLocation());
            }
        }
        return of(value);
    }
}
