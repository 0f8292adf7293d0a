package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.Location;
import java.util.Objects;

/**
 * One step of the chain that led to a finding, e.g. "parameter Count admits 1 (MinValue: 1)" at the parameter's
 * declaration.
 *
 * @param message what this step says
 * @param location where it is written
 */
public record Evidence(String message, Location location) {
    public Evidence {
        Objects.requireNonNull(message);
        Objects.requireNonNull(location);
    }
}
