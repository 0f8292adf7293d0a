package io.github.cfnvalidator.guard.data;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed template seen as Guard data, for running Guard rules beside the built-in rules: the template's node tree
 * converted once into Guard values, scalars typed the way cfn-guard types them ({@code True} stays a string,
 * {@code 0x1F} stays a string, whole numbers are 64-bit integers), and every value mapped back to the node it came
 * from so findings point at the exact place in the template. Thread-confined: one per template check.
 */
public final class GuardTemplateData {
    private final GuardValue root;
    private final Map<GuardValue, Node> nodes = new IdentityHashMap<>();
    private final Map<String, Node> byPointer = new java.util.HashMap<>();
    private final Map<Node, GuardValue> values = new IdentityHashMap<>();
    private final Map<Node, io.github.cfnvalidator.template.Location> keyLocations = new IdentityHashMap<>();

    private GuardTemplateData(Node document) {
        this.root = convert(document, "", true);
    }

    /** Converts a template's document tree. */
    public static GuardTemplateData of(Node document) {
        return new GuardTemplateData(document);
    }

    /** The document as Guard data. */
    public GuardValue root() {
        return root;
    }

    /** The template node a value came from, or {@code null} (rule literals, computed values). */
    public Node nodeOf(GuardValue v) {
        Node n = nodes.get(v);
        if (n == null && v != null && !v.path().pointer().isEmpty()) {
            n = byPointer.get(v.path().pointer());
        }
        return n;
    }

    /** Where the key is written under which a node stands in its map, or {@code null}. */
    public io.github.cfnvalidator.template.Location keyLocationOf(Node n) {
        return keyLocations.get(n);
    }

    /** The Guard value converted from a template node, or {@code null}. */
    public GuardValue valueOf(Node n) {
        return values.get(n);
    }

    /**
     * The template node at a Guard path (for data read by cfn-guard's loader, whose values carry paths but not
     * nodes), or {@code null}.
     */
    public Node nodeAt(String pointer) {
        return byPointer.get(pointer);
    }

    private static ValuePath at(String pointer, Node n) {
        return new ValuePath(pointer, n.location().line() - 1, n.location().column() - 1);
    }

    private GuardValue convert(Node n, String pointer, boolean root) {
        GuardValue v;
        if (n instanceof MapNode m) {
            ValuePath here = at(pointer, m);
            List<GuardValue.Str> keys = new ArrayList<>(m.size());
            LinkedHashMap<String, GuardValue> values = new LinkedHashMap<>();
            for (MapNode.Entry e : m.entries()) {
                keys.add(new GuardValue.Str(new ValuePath(pointer, e.keyLocation().line() - 1,
                        e.keyLocation().column() - 1), e.key()));
                values.put(e.key(), convert(e.value(), pointer + "/" + e.key(), false));
                keyLocations.put(e.value(), e.keyLocation());
            }
            v = new GuardValue.MapV(here, keys, values);
        } else if (n instanceof ListNode l) {
            List<GuardValue> items = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                items.add(convert(l.get(i), pointer + "/" + i, false));
            }
            v = new GuardValue.ListV(at(pointer, l), items);
        } else {
            v = scalar((ScalarNode) n, at(pointer, n));
        }
        nodes.put(v, n);
        values.put(n, v);
        byPointer.putIfAbsent(pointer, n);
        return v;
    }

    /** cfn-guard's typing of a scalar, from the template reader's kind and text. */
    static GuardValue scalar(ScalarNode s, ValuePath p) {
        String text = s.text();
        switch (s.kind()) {
            case NULL:
                return new GuardValue.Null(p);
            case BOOLEAN:
                if (text.equals("true") || text.equals("false")) {
                    return new GuardValue.Bool(p, text.equals("true"));
                }
                return new GuardValue.Str(p, text);
            case INTEGER:
            case DECIMAL: {
                Long i = GuardDataReader.rustI64(text);
                if (i != null) {
                    return new GuardValue.Int(p, i);
                }
                Double d = GuardDataReader.rustF64(text);
                if (d != null) {
                    return new GuardValue.Flt(p, d);
                }
                return new GuardValue.Str(p, text);
            }
            default:
                return new GuardValue.Str(p, text);
        }
    }
}
