package io.github.cfnvalidator.template;

/** The type a scalar was written as, the way CloudFormation reads YAML (core schema) and JSON. */
public enum ScalarKind {
    /** Any quoted scalar and any plain scalar that is not one of the other kinds. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** A number with a fraction or exponent. */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}, {@code ~} or an empty value. */
    NULL
}
