package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.Resource;
import java.util.Map;
import java.util.Objects;

/**
 * One resource the template declares: a plain entry of Resources, or one produced by an
 * {@code AWS::LanguageExtensions} {@code Fn::ForEach} loop together with the loop variables bound for it.
 *
 * @param resource the declaration
 * @param bindings loop identifiers and their values for this instance (empty outside loops)
 * @param loop     the loop's name ({@code Fn::ForEach::Name}) or {@code null}
 */
public record ResourceInstance(Resource resource, Map<String, Value> bindings, String loop) {
    public ResourceInstance {
        Objects.requireNonNull(resource);
        bindings = Map.copyOf(bindings);
    }

    /** The logical id (for a loop instance, with the loop variables substituted). */
    public String logicalId() {
        return resource.logicalId();
    }

    /** The resource type. */
    public String type() {
        return resource.type();
    }

    @Override
    public String toString() {
        return loop == null ? resource.toString() : resource + " from " + loop;
    }
}
