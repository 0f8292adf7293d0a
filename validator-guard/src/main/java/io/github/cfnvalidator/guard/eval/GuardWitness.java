package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.template.Location;

/**
 * A place that explains an intrinsic-aware verdict, e.g. the declaration of the parameter whose admissible values
 * break a rule.
 *
 * @param message  what it shows, e.g. {@code parameter Count admits 1 (MinValue 1)}
 * @param location where it is written
 */
public record GuardWitness(String message, Location location) {
}
