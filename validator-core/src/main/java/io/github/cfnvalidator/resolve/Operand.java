package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.Node;
import java.util.Objects;

/**
 * One piece of a string compared by {@link Resolver#equal(java.util.List, java.util.List, Scenario)}: literal text, a
 * node written in a resource (resolved in that resource's context), a value already resolved, or what {@code Ref} /
 * {@code Fn::GetAtt} of a resource returns. A string to compare is a list of pieces, concatenated.
 */
public sealed interface Operand {

    /**
     * Literal text.
     *
     * @param text the text
     */
    record Literal(String text) implements Operand {
        public Literal {
            Objects.requireNonNull(text);
        }
    }

    /**
     * A node written in the template, resolved in the context of a resource (its loop variables).
     *
     * @param context the resource the node is written in, or {@code null} outside resources
     * @param node    the node
     */
    record Written(ResourceInstance context, Node node) implements Operand {
        public Written {
            Objects.requireNonNull(node);
        }
    }

    /**
     * A value the resolver already produced (in the scenario the comparison starts from).
     *
     * @param value the value
     */
    record Resolved(Value value) implements Operand {
        public Resolved {
            Objects.requireNonNull(value);
        }
    }

    /**
     * What {@code Fn::GetAtt resource.attribute} returns, or {@code Ref resource} when {@code attribute} is null.
     * Where CloudFormation documents that the attribute is the resource's own name property (the
     * {@code EndpointName} of an {@code AWS::SageMaker::Endpoint}, the {@code AlarmName} that {@code Ref} of an
     * {@code AWS::CloudWatch::Alarm} returns, ...), it is that property when the template sets it.
     *
     * @param resource  the resource
     * @param attribute the attribute, or {@code null} for {@code Ref}
     */
    record Attribute(ResourceInstance resource, String attribute) implements Operand {
        public Attribute {
            Objects.requireNonNull(resource);
        }
    }

    /** Literal text. */
    static Operand literal(String text) {
        return new Literal(text);
    }

    /** A node in a resource's context. */
    static Operand written(ResourceInstance context, Node node) {
        return new Written(context, node);
    }

    /** A resolved value. */
    static Operand resolved(Value value) {
        return new Resolved(value);
    }

    /** {@code Fn::GetAtt resource.attribute}, or {@code Ref resource} when {@code attribute} is null. */
    static Operand attribute(ResourceInstance resource, String attribute) {
        return new Attribute(resource, attribute);
    }
}
