package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.Scenario;
import java.util.List;

/**
 * The loop the built-in rules share: for one resource, in every deployment in which it exists
 * ({@link Resolver#whenExists}), walk a path into its Properties ({@link Resolver#walk}: intrinsic functions resolved
 * at every level) and hand each value reached, with its witness, to the rule.
 */
public final class ResourceWalk {
    /** Receives one value reached. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Visits a value.
         *
         * @param reached the value (or {@link io.github.cfnvalidator.resolve.Value.Absent} /
         *                {@link io.github.cfnvalidator.resolve.Value.Unknown}), the deployments that give it (within
         *                those in which the resource exists), where it is written and the list positions passed
         */
        void visit(Resolver.Reached reached);
    }

    /**
     * A path to walk and what to do with each value it reaches.
     *
     * @param steps   property names, or {@link Resolver#EACH} for every item of a list; none for the Properties
     * @param visitor receives each value reached
     */
    public record Path(List<String> steps, Visitor visitor) {
        public Path {
            steps = List.copyOf(steps);
        }

        /** A path of {@code steps} handing its values to {@code visitor}. */
        public static Path of(Visitor visitor, String... steps) {
            return new Path(List.of(steps), visitor);
        }
    }

    private final Resolver resolver;

    /** Walks over one template's resolver. */
    public ResourceWalk(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Hands every value reached at {@code steps} in resource {@code r}, in every deployment it exists in. */
    public void forEach(ResourceInstance r, Visitor visitor, String... steps) {
        forEach(r, List.of(Path.of(visitor, steps)));
    }

    /**
     * Walks several paths of one resource: deployment by deployment (in the order {@link Resolver#whenExists} gives
     * them), each path in the order given.
     */
    public void forEach(ResourceInstance r, List<Path> paths) {
        for (Scenario exists : resolver.whenExists(r)) {
            for (Path path : paths) {
                for (Resolver.Reached reached : resolver.walk(r, exists, path.steps().toArray(String[]::new))) {
                    path.visitor().visit(reached);
                }
            }
        }
    }
}
