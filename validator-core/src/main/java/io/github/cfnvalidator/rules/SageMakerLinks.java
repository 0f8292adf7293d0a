package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.resolve.Equality;
import io.github.cfnvalidator.resolve.Operand;
import io.github.cfnvalidator.resolve.Outcome;
import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.template.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the links between SageMaker resources of one template (Endpoint -> EndpointConfig -> Model, and anything
 * that names an endpoint) through {@code Ref}, {@code Fn::GetAtt} or a name equal to the target's own name (symbolic
 * equality: {@code !Sub '${AWS::StackName}-fraud'} written twice is one name), so findings can name the whole chain:
 * "Endpoint Api -> EndpointConfig ApiConfig -> variant primary".
 */
public final class SageMakerLinks {
    /** {@code AWS::SageMaker::Endpoint}. */
    public static final String ENDPOINT = "AWS::SageMaker::Endpoint";
    /** {@code AWS::SageMaker::EndpointConfig}. */
    public static final String ENDPOINT_CONFIG = "AWS::SageMaker::EndpointConfig";
    /** {@code AWS::SageMaker::Model}. */
    public static final String MODEL = "AWS::SageMaker::Model";

    private final Resolver resolver;

    /** Links over one template's resolver. */
    public SageMakerLinks(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The property that holds a SageMaker resource's own name (also its name attribute for {@code Fn::GetAtt}). */
    private static String nameProperty(String type) {
        switch (type) {
            case ENDPOINT:
                return "EndpointName";
            case ENDPOINT_CONFIG:
                return "EndpointConfigName";
            case MODEL:
                return "ModelName";
            default:
                return null;
        }
    }

    /**
     * A resource's name as the resolver compares it: {@code Fn::GetAtt R.EndpointName} (or the config's or model's
     * name attribute), which is the name property where the template sets it and a generated name otherwise.
     */
    public static Operand nameOf(ResourceInstance r) {
        return Operand.attribute(r, nameProperty(r.type()));
    }

    /** Whether a value (resolved in scenario {@code s}) is a SageMaker resource's name, deployment by deployment. */
    public Equality sameName(Value v, Scenario s, ResourceInstance target) {
        return resolver.equal(List.of(Operand.resolved(v)), List.of(nameOf(target)), s);
    }

    /**
     * The resources of a type that a value (written in {@code from}) can refer to: by {@code Ref}/{@code Fn::GetAtt},
     * or by a name that may equal the target's name (symbolic equality: equal in some deployment, or undecided).
     * Empty when it refers to nothing in this template.
     */
    public List<ResourceInstance> referenced(ResourceInstance from, Node value, String type) {
        Set<ResourceInstance> out = new LinkedHashSet<>();
        if (value == null) {
            return List.of();
        }
        for (Outcome o : resolver.resolve(from, value, Scenario.ANY)) {
            out.addAll(referencedBy(o.value(), o.scenario(), type));
        }
        return List.copyOf(out);
    }

    /**
     * The resources of a type one value (resolved in {@code s}) refers to: {@code Ref} or {@code Fn::GetAtt} of the
     * resource itself (for SageMaker resources {@code Ref} is the ARN, which CloudFormation refuses where a name is
     * expected; the link follows the author's intent), or a value whose symbolic equality with the resource's name
     * is not DIFFERENT in every deployment (undecided links count, so a rule judges rather than skips).
     */
    public List<ResourceInstance> referencedBy(Value v, Scenario s, String type) {
        List<ResourceInstance> out = new ArrayList<>();
        if (v instanceof Value.Unknown u && u.resource() != null && u.identity() != null) {
            resolver.resource(u.resource()).filter(r -> r.type().equals(type)).ifPresent(out::add);
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (nameProperty(type) == null || !(v instanceof Value.Text || v instanceof Value.Concat
                || v instanceof Value.Symbolic || v instanceof Value.Unknown)) {
            return out;
        }
        for (ResourceInstance r : resolver.resourcesOfType(type)) {
            if (!sameName(v, s, r).never()) {
                out.add(r);
            }
        }
        return out;
    }

    /** Resources of a type whose name may be the given literal. */
    public List<ResourceInstance> named(String type, String name) {
        List<ResourceInstance> out = new ArrayList<>();
        if (nameProperty(type) == null) {
            return out;
        }
        for (ResourceInstance r : resolver.resourcesOfType(type)) {
            if (!resolver.equal(List.of(Operand.literal(name)), List.of(nameOf(r)), Scenario.ANY).never()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The endpoint configs an endpoint uses (normally one). */
    public List<ResourceInstance> configsOf(ResourceInstance endpoint) {
        Set<ResourceInstance> out = new LinkedHashSet<>();
        for (Resolver.Reached o : resolver.walk(endpoint, Scenario.ANY, "EndpointConfigName")) {
            out.addAll(referencedBy(o.value(), o.scenario(), ENDPOINT_CONFIG));
        }
        return List.copyOf(out);
    }

    /** The endpoints that use an endpoint config. */
    public List<ResourceInstance> endpointsUsing(ResourceInstance config) {
        List<ResourceInstance> out = new ArrayList<>();
        for (ResourceInstance e : resolver.resourcesOfType(ENDPOINT)) {
            if (configsOf(e).contains(config)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The endpoint configs whose variants use a model. */
    public List<ResourceInstance> configsUsing(ResourceInstance model) {
        List<ResourceInstance> out = new ArrayList<>();
        for (ResourceInstance c : resolver.resourcesOfType(ENDPOINT_CONFIG)) {
            boolean uses = false;
            for (Resolver.Reached m : resolver.walk(c, Scenario.ANY, "ProductionVariants", Resolver.EACH,
                    "ModelName")) {
                uses |= referencedBy(m.value(), m.scenario(), MODEL).contains(model);
            }
            if (uses) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * "Endpoint Api -> EndpointConfig ApiConfig -> variant primary", or without the endpoint part when no endpoint
     * of the template uses the config; {@code variant} may be null.
     */
    public String chain(ResourceInstance config, String variant) {
        StringBuilder sb = new StringBuilder();
        List<ResourceInstance> endpoints = endpointsUsing(config);
        if (!endpoints.isEmpty()) {
            sb.append("Endpoint ").append(endpoints.get(0).logicalId());
            if (endpoints.size() > 1) {
                sb.append(" (and ").append(endpoints.size() - 1).append(" more)");
            }
            sb.append(" -> ");
        }
        sb.append("EndpointConfig ").append(config.logicalId());
        if (variant != null) {
            sb.append(" -> variant ").append(variant);
        }
        return sb.toString();
    }

    /** The name of a variant value: its literal VariantName, or {@code #n}. */
    public String variantName(ResourceInstance config, Value variant, Scenario s, int index) {
        if (variant instanceof Value.Struct) {
            for (Resolver.Reached o : resolver.walk(config, new Resolver.Reached(variant, s, variant.origin(),
                    List.of()), "VariantName")) {
                if (o.value() instanceof Value.Text t) {
                    return t.text();
                }
            }
        }
        return "#" + (index + 1);
    }

    /** Receives one production variant in one class of deployments. */
    public interface VariantVisitor {
        /**
         * Visits a variant.
         *
         * @param variant the variant as reached: its value (normally a {@link Value.Struct}; an
         *                {@link Value.Unknown} where the variants, or whether this one is serverless, cannot be known
         *                before deploy), the deployments that give it, and its position in ProductionVariants as
         *                written ({@link Resolver.Reached#index()}, -1 when the whole list is unknown)
         */
        void visit(Resolver.Reached variant);
    }

    /**
     * Visits every production variant of an endpoint config in every deployment in which the config exists, through
     * intrinsic functions at any level ({@link ResourceWalk}), skipping serverless variants when
     * {@code instanceBasedOnly}.
     */
    public void forEachVariant(ResourceInstance config, boolean instanceBasedOnly, VariantVisitor visitor) {
        new ResourceWalk(resolver).forEach(config, v -> {
            if (!instanceBasedOnly || v.value() instanceof Value.Unknown) {
                visitor.visit(v);
                return;
            }
            for (Resolver.Reached sc : resolver.walk(config, v, "ServerlessConfig")) {
                if (sc.value() instanceof Value.Absent) {
                    visitor.visit(new Resolver.Reached(v.value(), sc.scenario(), v.written(), v.indices()));
                } else if (sc.value() instanceof Value.Unknown u) {
                    visitor.visit(new Resolver.Reached(new Value.Unknown("whether the variant is serverless: "
                            + u.reason(), u.origin()), sc.scenario(), v.written(), v.indices()));
                }
            }
        }, "ProductionVariants", Resolver.EACH);
    }

    /** Whether some deployment gives the config an instance-based (not serverless) variant. */
    public boolean hasInstanceBasedVariant(ResourceInstance config) {
        boolean[] found = {false};
        forEachVariant(config, true, v -> found[0] |= v.value() instanceof Value.Struct);
        return found[0];
    }

    /** The first Endpoint whose {@code Ref} or {@code Fn::GetAtt} a value is or contains, if any. */
    public Optional<ResourceInstance> endpointIn(Value v) {
        List<Value> parts = v instanceof Value.Concat c ? c.parts() : List.of(v);
        for (Value part : parts) {
            if (part instanceof Value.Unknown u && u.resource() != null) {
                Optional<ResourceInstance> r = resolver.resource(u.resource()).filter(x -> x.type().equals(ENDPOINT));
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }
}
