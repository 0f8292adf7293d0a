package io.github.cfnvalidator.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A leaf value. {@link #text()} is the value as a string the way CloudFormation passes it on (for a plain YAML scalar
 * this is its source text, so {@code 0123} keeps its leading zero); {@link #kind()} says how it was typed.
 */
public final class ScalarNode implements Node {
    private final ScalarKind kind;
    private final String text;
    private final Location location;
    private final String pointer;

    /**
     * Creates a scalar.
     *
     * @param kind     how the value was typed
     * @param text     the value's text (for NULL: the empty string)
     * @param location where it was written
     * @param pointer  its JSON pointer
     */
    public ScalarNode(ScalarKind kind, String text, Location location, String pointer) {
        this.kind = Objects.requireNonNull(kind);
        this.text = Objects.requireNonNull(text);
        this.location = Objects.requireNonNull(location);
        this.pointer = Objects.requireNonNull(pointer);
    }

    /** A string scalar. */
    public static ScalarNode string(String text, Location location, String pointer) {
        return new ScalarNode(ScalarKind.STRING, text, location, pointer);
    }

    /** How the value was typed. */
    public ScalarKind kind() {
        return kind;
    }

    /** The value as text. */
    public String text() {
        return text;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public String pointer() {
        return pointer;
    }

    /** Whether this scalar is a string. */
    public boolean isString() {
        return kind == ScalarKind.STRING;
    }

    /** Whether this scalar is null. */
    public boolean isNull() {
        return kind == ScalarKind.NULL;
    }

    /** The value as a number, if it is one or is a string that holds one (CloudFormation accepts both). */
    public Optional<BigDecimal> asNumber() {
        return Numbers.parse(text, kind);
    }

    /** The value typed: String, BigInteger, BigDecimal, Boolean or null. */
    @Override
    public Object toPlain() {
        switch (kind) {
            case INTEGER:
                return Numbers.parseInteger(text).map(i -> (Object) i).orElse(text);
            case DECIMAL:
                return Numbers.parse(text, kind).map(d -> (Object) d).orElse(text);
            case BOOLEAN:
                return Boolean.valueOf(text.equalsIgnoreCase("true"));
            case NULL:
                return null;
            default:
                return text;
        }
    }

    @Override
    public String describeKind() {
        switch (kind) {
            case INTEGER:
            case DECIMAL:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return "a string";
        }
    }

    @Override
    public String toString() {
        return kind == ScalarKind.STRING ? '"' + text + '"' : kind == ScalarKind.NULL ? "null" : text;
    }

    /** Exposes {@link BigInteger} parsing to callers that need whole numbers. */
    public Optional<BigInteger> asInteger() {
        return asNumber().flatMap(d -> {
            try {
                return Optional.of(d.toBigIntegerExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }
}
