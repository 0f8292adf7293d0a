package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A typed view of one entry of the template's Parameters section: its Type and the constraints that decide which
 * values a deployer may pass.
 */
public final class Parameter {
    private final String name;
    private final Location keyLocation;
    private final MapNode node;

    Parameter(String name, Location keyLocation, MapNode node) {
        this.name = name;
        this.keyLocation = keyLocation;
        this.node = node;
    }

    /** The parameter's logical name. */
    public String name() {
        return name;
    }

    /** Where the parameter's name is written. */
    public Location keyLocation() {
        return keyLocation;
    }

    /** The parameter's declaration. */
    public MapNode node() {
        return node;
    }

    /** The declared Type, e.g. {@code Number}, {@code String}, {@code AWS::SSM::Parameter::Value<String>}. */
    public String type() {
        return node.text("Type").orElse("String");
    }

    /** Whether the Type is {@code Number}. */
    public boolean isNumber() {
        return type().equals("Number");
    }

    /** Whether the Type is a list type ({@code List<...>} or {@code CommaDelimitedList}). */
    public boolean isList() {
        String t = type();
        return t.equals("CommaDelimitedList") || t.startsWith("List<")
                || t.startsWith("AWS::SSM::Parameter::Value<List<")
                || t.startsWith("AWS::SSM::Parameter::Value<CommaDelimitedList");
    }

    /** Whether the value is read from Systems Manager Parameter Store at deploy time. */
    public boolean isSsm() {
        return type().startsWith("AWS::SSM::Parameter::Value<");
    }

    /** The Default node, if any. */
    public Optional<Node> defaultValue() {
        return node.find("Default");
    }

    /** The MinValue node, if any. */
    public Optional<Node> minValue() {
        return node.find("MinValue");
    }

    /** The MaxValue node, if any. */
    public Optional<Node> maxValue() {
        return node.find("MaxValue");
    }

    /** The MinLength node, if any. */
    public Optional<Node> minLength() {
        return node.find("MinLength");
    }

    /** The MaxLength node, if any. */
    public Optional<Node> maxLength() {
        return node.find("MaxLength");
    }

    /** The AllowedValues items, if the key is present and is a list (a scalar counts as a one-item list). */
    public Optional<List<Node>> allowedValues() {
        Node n = node.get("AllowedValues");
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof ListNode l) {
            return Optional.of(l.items());
        }
        List<Node> one = new ArrayList<>();
        one.add(n);
        return Optional.of(one);
    }

    /** The AllowedPattern, if any. */
    public Optional<String> allowedPattern() {
        return node.text("AllowedPattern");
    }

    /** Whether NoEcho is true. */
    public boolean noEcho() {
        return node.text("NoEcho").map(s -> s.equalsIgnoreCase("true")).orElse(false);
    }

    /** The Description, if any. */
    public Optional<String> description() {
        return node.text("Description");
    }

    @Override
    public String toString() {
        return "Parameter " + name + " (" + type() + ")";
    }
}
