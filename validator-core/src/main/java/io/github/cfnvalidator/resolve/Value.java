package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One value a template expression can take in one deployment, as far as it can be known before deploy. Values are
 * shallow: a {@link Struct} or {@link Items} holds its children unresolved, so rules resolve only what they look at.
 */
public sealed interface Value {

    /** The node this value was written at (a literal, a parameter reference, a function). */
    Node origin();

    /** A short description for messages, e.g. {@code 1}, {@code "ml.t2.medium"}, {@code any value of Count}. */
    String describe();

    /**
     * A concrete scalar: text as CloudFormation passes it on.
     *
     * @param text      the value
     * @param kind      how it was written (a string that holds a number is still a number to CloudFormation)
     * @param origin    where the value itself is written (a literal, a mapping entry, a parameter's declaration)
     * @param parameter the parameter whose chosen value this is, or {@code null}
     */
    record Text(String text, ScalarKind kind, Node origin, String parameter) implements Value {
        /** The value as a number, if it is one. */
        public Optional<BigDecimal> number() {
            return io.github.cfnvalidator.template.Numbers.parse(text,
                    kind == ScalarKind.INTEGER || kind == ScalarKind.DECIMAL ? kind : ScalarKind.STRING);
        }

        @Override
        public String describe() {
            return kind == ScalarKind.STRING ? "\"" + text + "\"" : text;
        }

        /** A literal scalar node as a value. */
        public static Text of(ScalarNode n) {
            return new Text(n.text(), n.kind(), n, null);
        }
    }

    /**
     * A map written in the template (not an intrinsic function); its entries are resolved on demand.
     *
     * @param map the map
     */
    record Struct(MapNode map) implements Value {
        @Override
        public Node origin() {
            return map;
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /**
     * A list; each item is a value, possibly {@link Lazy} (not yet resolved; may still turn out to be
     * {@code AWS::NoValue}).
     *
     * @param items  the items
     * @param origin where the list comes from
     */
    record Items(List<Value> items, Node origin) implements Value {
        public Items {
            items = List.copyOf(items);
        }

        /** A list literal, its items unresolved. */
        public static Items of(ListNode list) {
            return new Items(list.items().stream().map(n -> (Value) new Lazy(n)).toList(), list);
        }

        @Override
        public String describe() {
            return "a list of " + items.size();
        }
    }

    /**
     * A node not yet resolved (an item of a literal list).
     *
     * @param origin the node
     */
    record Lazy(Node origin) implements Value {
        @Override
        public String describe() {
            return "an unresolved value";
        }
    }

    /**
     * The key or item is removed ({@code Ref: AWS::NoValue}), or a property is not set at all.
     *
     * @param origin where the removal is written, or the map that lacks the key
     */
    record Absent(Node origin) implements Value {
        @Override
        public String describe() {
            return "not set";
        }
    }

    /**
     * Any value a parameter admits in this deployment (its domain, minus values excluded by the conditions taken so
     * far). Used where the domain is too large to list; {@link ParameterDomain} answers questions about it.
     *
     * @param domain   the parameter's admissible values
     * @param excluded values the scenario has ruled out
     * @param origin   the reference to the parameter
     */
    record Symbolic(ParameterDomain domain, java.util.Set<String> excluded, Node origin) implements Value {
        public Symbolic {
            excluded = java.util.Set.copyOf(excluded);
        }

        @Override
        public String describe() {
            return "any value of " + domain.name() + domain.describeConstraints(excluded);
        }
    }

    /**
     * A string built of parts, some of which are not concrete ({@code Fn::Sub}/{@code Fn::Join} over a free
     * parameter or an unknown value).
     *
     * @param parts  the parts in order: {@link Text}, {@link Symbolic} or {@link Unknown}
     * @param origin the function that builds it
     */
    record Concat(List<Value> parts, Node origin) implements Value {
        public Concat {
            parts = List.copyOf(parts);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("\"");
            for (Value p : parts) {
                if (p instanceof Text t) {
                    sb.append(t.text());
                } else if (p instanceof Symbolic s) {
                    sb.append("${").append(s.domain().name()).append('}');
                } else {
                    sb.append("${?}");
                }
            }
            return sb.append('"').toString();
        }
    }

    /**
     * A value that cannot be known before deploy, with the reason: a resource's physical id or attribute, an
     * imported value, an SSM parameter, a function that is not modelled, too many combinations.
     *
     * @param reason    a sentence fragment, e.g. "Fn::ImportValue SharedCount is read from another stack"
     * @param origin    where the value is written
     * @param resource  the logical id of the resource it refers to, or {@code null}
     * @param attribute the attribute for {@code Fn::GetAtt}, or {@code null} for {@code Ref}
     * @param identity  what the value is exactly, when every occurrence of it is the same value in a deployment:
     *                  {@code Ref R}, {@code Fn::GetAtt R.A}, {@code Fn::ImportValue Name}, {@code Ref P} for a
     *                  parameter read at deploy time; {@code null} when the value is only derived from one (an item
     *                  of an unknown list, a key of an unknown map), so nothing is known to equal it
     */
    record Unknown(String reason, Node origin, String resource, String attribute, String identity)
            implements Value {
        /** An unknown value that does not refer to a resource. */
        public Unknown(String reason, Node origin) {
            this(reason, origin, null, null, null);
        }

        /** An unknown value derived from a resource, without an identity of its own. */
        public Unknown(String reason, Node origin, String resource, String attribute) {
            this(reason, origin, resource, attribute, null);
        }

        /** The same unknown as a value merely derived from this one (it keeps the reason, not the identity). */
        public Unknown derived() {
            return identity == null ? this : new Unknown(reason, origin, resource, attribute, null);
        }

        @Override
        public String describe() {
            return "unknown (" + reason + ")";
        }
    }
}
