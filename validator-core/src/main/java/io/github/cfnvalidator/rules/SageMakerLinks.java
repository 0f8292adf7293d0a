package io.github.cfnvalidator.rules;

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
 * that names an endpoint) through {@code Ref}, {@code Fn::GetAtt} or a literal name equal to the target's own name
 * property, so findings can name the whole chain: "Endpoint Api -> EndpointConfig ApiConfig -> variant primary".
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

    /** The property that holds a SageMaker resource's own name. */
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
     * The resources of a type that a value (written in {@code from}) can refer to: by {@code Ref}/{@code Fn::GetAtt},
     * or by a literal equal to the target's name property. Empty when it refers to nothing in this template.
     */
    public List<ResourceInstance> referenced(ResourceInstance from, Node value, String type) {
        Set<ResourceInstance> out = new LinkedHashSet<>();
        if (value == null) {
            return List.of();
        }
        for (Outcome o : resolver.resolve(from, value, Scenario.ANY)) {
            out.addAll(referencedBy(o.value(), type));
        }
        return List.copyOf(out);
    }

    /** The resources of a type one resolved value refers to. */
    public List<ResourceInstance> referencedBy(Value v, String type) {
        List<ResourceInstance> out = new ArrayList<>();
        if (v instanceof Value.Unknown u && u.resource() != null) {
            resolver.resource(u.resource()).filter(r -> r.type().equals(type)).ifPresent(out::add);
        } else if (v instanceof Value.Text t) {
            out.addAll(named(type, t.text()));
        } else if (v instanceof Value.Concat c) {
            for (Value part : c.parts()) {
                if (part instanceof Value.Unknown u && u.resource() != null) {
                    resolver.resource(u.resource()).filter(r -> r.type().equals(type)).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** Resources of a type whose name property is the given literal. */
    public List<ResourceInstance> named(String type, String name) {
        String property = nameProperty(type);
        List<ResourceInstance> out = new ArrayList<>();
        if (property == null) {
            return out;
        }
        for (ResourceInstance r : resolver.resourcesOfType(type)) {
            Node n = r.resource().propertiesMap().get(property);
            if (n == null) {
                continue;
            }
            for (Outcome o : resolver.resolve(r, n, Scenario.ANY)) {
                if (o.value() instanceof Value.Text t && t.text().equals(name)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    /** The endpoint configs an endpoint uses (normally one). */
    public List<ResourceInstance> configsOf(ResourceInstance endpoint) {
        return referenced(endpoint, endpoint.resource().propertiesMap().get("EndpointConfigName"), ENDPOINT_CONFIG);
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
            Node variants = c.resource().propertiesMap().get("ProductionVariants");
            if (variants == null) {
                continue;
            }
            boolean uses = false;
            for (Outcome list : resolver.resolve(c, variants, Scenario.ANY)) {
                for (Resolver.Item item : resolver.items(c, list.value(), list.scenario())) {
                    for (Outcome v : item.outcomes()) {
                        for (Outcome m : resolver.property(c, v.value(), "ModelName", v.scenario())) {
                            uses |= referencedBy(m.value(), MODEL).contains(model);
                        }
                    }
                }
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
            for (Outcome o : resolver.property(config, variant, "VariantName", s)) {
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
         * @param variant  the variant's value (normally a {@link Value.Struct})
         * @param scenario the deployments in which it has that value
         * @param index    its position in ProductionVariants as written
         */
        void visit(Value variant, Scenario scenario, int index);
    }

    /**
     * Visits every production variant of an endpoint config in every deployment in which the config exists,
     * skipping serverless variants when {@code instanceBasedOnly}.
     */
    public void forEachVariant(ResourceInstance config, boolean instanceBasedOnly, VariantVisitor visitor) {
        Node variants = config.resource().propertiesMap().get("ProductionVariants");
        if (variants == null) {
            return;
        }
        for (Scenario exists : resolver.whenExists(config)) {
            for (Outcome list : resolver.resolve(config, variants, exists)) {
                for (Resolver.Item item : resolver.items(config, list.value(), list.scenario())) {
                    for (Outcome v : item.outcomes()) {
                        if (!instanceBasedOnly) {
                            visitor.visit(v.value(), v.scenario(), item.index());
                            continue;
                        }
                        for (Outcome sc : resolver.property(config, v.value(), "ServerlessConfig", v.scenario())) {
                            if (sc.value() instanceof Value.Absent) {
                                visitor.visit(v.value(), sc.scenario(), item.index());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Whether some deployment gives the config an instance-based (not serverless) variant. */
    public boolean hasInstanceBasedVariant(ResourceInstance config) {
        boolean[] found = {false};
        forEachVariant(config, true, (v, s, i) -> found[0] |= v instanceof Value.Struct);
        return found[0];
    }

    /** The first Endpoint referred to by a value, if any. */
    public Optional<ResourceInstance> endpointIn(Value v) {
        List<ResourceInstance> r = referencedBy(v, ENDPOINT);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }
}
