package io.github.cfnvalidator.template;

import java.util.List;
import java.util.Objects;

/**
 * Why a file could not be read as a template: a sentence for the template's author and where it applies.
 *
 * @param message a sentence a template author understands
 * @param location where the problem is
 * @param related other places that take part (for a duplicate key: where the key was first written)
 */
public record ParseProblem(String message, Location location, List<Location> related) {
    public ParseProblem {
        Objects.requireNonNull(message);
        Objects.requireNonNull(location);
        related = List.copyOf(related);
    }

    /** A problem with no related locations. */
    public ParseProblem(String message, Location location) {
        this(message, location, List.of());
    }

    /** {@code file:line:col: message}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
