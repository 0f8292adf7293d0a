package io.github.cfnvalidator.template;

import java.util.Optional;

/** A typed view of one entry of the Outputs section. */
public final class Output {
    private final String name;
    private final Location keyLocation;
    private final MapNode node;

    Output(String name, Location keyLocation, MapNode node) {
        this.name = name;
        this.keyLocation = keyLocation;
        this.node = node;
    }

    /** The output's logical name. */
    public String name() {
        return name;
    }

    /** Where its name is written. */
    public Location keyLocation() {
        return keyLocation;
    }

    /** The whole declaration. */
    public MapNode node() {
        return node;
    }

    /** The Value node, if any. */
    public Optional<Node> value() {
        return node.find("Value");
    }

    /** The Condition name, if any. */
    public Optional<String> condition() {
        return node.text("Condition");
    }

    /** The Export.Name node, if any. */
    public Optional<Node> exportName() {
        Node e = node.get("Export");
        return e instanceof MapNode m ? m.find("Name") : Optional.empty();
    }

    /** The Description, if any. */
    public Optional<String> description() {
        return node.text("Description");
    }
}
