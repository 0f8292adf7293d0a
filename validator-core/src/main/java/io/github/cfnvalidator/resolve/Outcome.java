package io.github.cfnvalidator.resolve;

/**
 * One value an expression takes, and the deployment scenario (parameter choices, conditions) that gives it.
 *
 * @param value    the value
 * @param scenario the choices that lead to it
 */
public record Outcome(Value value, Scenario scenario) {
}
