package io.github.cfnvalidator.template;

/**
 * One immutable node of a parsed template: a {@link MapNode}, a {@link ListNode} or a {@link ScalarNode}.
 * Every node knows where it was written ({@link #location()}) and where it sits in the document as a JSON pointer
 * ({@link #pointer()}). YAML short-form tags such as {@code !Ref} are already in their long form ({@code {"Ref": ..}}).
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    /** Where the node was written. */
    Location location();

    /** The node's path from the document root as an RFC 6901 JSON pointer ({@code ""} for the root). */
    String pointer();

    /** The node as plain Java values (LinkedHashMap, List, String, BigInteger, BigDecimal, Boolean, null). */
    Object toPlain();

    /** Whether both nodes hold the same data, ignoring positions and pointers. */
    default boolean sameData(Node other) {
        return java.util.Objects.equals(toPlain(), other.toPlain());
    }

    /** This node as a map, or {@code null} if it is not one. */
    default MapNode asMap() {
        return this instanceof MapNode m ? m : null;
    }

    /** This node as a list, or {@code null} if it is not one. */
    default ListNode asList() {
        return this instanceof ListNode l ? l : null;
    }

    /** This node as a scalar, or {@code null} if it is not one. */
    default ScalarNode asScalar() {
        return this instanceof ScalarNode s ? s : null;
    }

    /** A short name of the node's kind for messages: "a map", "a list", "a string", ... */
    String describeKind();

    /** Appends one path segment to a JSON pointer, escaping {@code ~} and {@code /}. */
    static String childPointer(String parent, String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return parent + "/" + segment;
        }
        return parent + "/" + segment.replace("~", "~0").replace("/", "~1");
    }
}
