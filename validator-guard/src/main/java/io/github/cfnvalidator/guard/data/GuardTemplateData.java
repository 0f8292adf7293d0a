package io.github.cfnvalidator.guard.data;

import io.github.cfnvalidator.resolve.ResourceInstance;
import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Map<Node, List<GuardValue>> values = new IdentityHashMap<>();
    private final Set<Node> listItems = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, io.github.cfnvalidator.template.Location> keyLocations = new IdentityHashMap<>();

    private GuardTemplateData(Node document) {
        this.root = convert(document, "", true);
    }

    private GuardTemplateData(Node document, List<ResourceInstance> resources) {
        this.root = expanded(document, resources);
    }

    /** Converts a template's document tree as written (cfn-guard's view: {@code Fn::ForEach} loops unexpanded). */
    public static GuardTemplateData of(Node document) {
        return new GuardTemplateData(document);
    }

    /**
     * Converts a template's document tree as CloudFormation deploys its resources: every resource an
     * {@code Fn::ForEach} loop produces stands under its own logical id in {@code Resources} (its values the
     * declaration's, so findings point into the loop body), and the loops themselves are gone.
     */
    public static GuardTemplateData deployed(Node document, List<ResourceInstance> resources) {
        return new GuardTemplateData(document, resources);
    }

    private GuardValue expanded(Node document, List<ResourceInstance> resources) {
        if (!(document instanceof MapNode top) || !(top.get("Resources") instanceof MapNode res)
                || res.keys().stream().noneMatch(k -> k.startsWith(Template.FOR_EACH_PREFIX))) {
            return convert(document, "", true);
        }
        List<GuardValue.Str> keys = new ArrayList<>();
        LinkedHashMap<String, GuardValue> entries = new LinkedHashMap<>();
        for (MapNode.Entry e : top.entries()) {
            keys.add(key("", e));
            if (!e.key().equals("Resources")) {
                entries.put(e.key(), convert(e.value(), "/" + e.key(), false));
                keyLocations.put(e.value(), e.keyLocation());
                continue;
            }
            List<GuardValue.Str> rkeys = new ArrayList<>();
            LinkedHashMap<String, GuardValue> rvalues = new LinkedHashMap<>();
            for (ResourceInstance r : resources) {
                Node decl = r.resource().node();
                String pointer = "/Resources/" + r.logicalId();
                rkeys.add(new GuardValue.Str(new ValuePath("/Resources", r.resource().keyLocation().line() - 1,
                        r.resource().keyLocation().column() - 1), r.logicalId()));
                rvalues.putIfAbsent(r.logicalId(), convert(decl, pointer, false));
                keyLocations.put(decl, r.resource().keyLocation());
            }
            GuardValue.MapV rmap = new GuardValue.MapV(at("/Resources", res), rkeys, rvalues);
            nodes.put(rmap, res);
            entries.put(e.key(), rmap);
        }
        GuardValue.MapV v = new GuardValue.MapV(at("", top), keys, entries);
        nodes.put(v, top);
        return v;
    }

    private static GuardValue.Str key(String pointer, MapNode.Entry e) {
        return new GuardValue.Str(new ValuePath(pointer, e.keyLocation().line() - 1, e.keyLocation().column() - 1),
                e.key());
    }

    /** Whether a node is an item of a list (so {@code AWS::NoValue} there removes the item, not a property). */
    public boolean isListItem(Node n) {
        return listItems.contains(n);
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
        List<GuardValue> l = values.get(n);
        return l == null ? null : l.get(0);
    }

    /**
     * The Guard value converted from a template node under the same resource as {@code near} (a declaration inside an
     * {@code Fn::ForEach} loop is converted once per resource it produces), or {@code null}.
     */
    public GuardValue valueOf(Node n, GuardValue near) {
        List<GuardValue> l = values.get(n);
        if (l == null) {
            return null;
        }
        String prefix = resourcePrefix(near.path().pointer());
        for (GuardValue v : l) {
            if (prefix != null && v.path().pointer().startsWith(prefix)) {
                return v;
            }
        }
        return l.get(0);
    }

    private static String resourcePrefix(String pointer) {
        if (!pointer.startsWith("/Resources/")) {
            return null;
        }
        int slash = pointer.indexOf('/', "/Resources/".length());
        return (slash < 0 ? pointer : pointer.substring(0, slash)) + "/";
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
                listItems.add(l.get(i));
            }
            v = new GuardValue.ListV(at(pointer, l), items);
        } else {
            v = scalar((ScalarNode) n, at(pointer, n));
        }
        nodes.put(v, n);
        values.computeIfAbsent(n, k -> new ArrayList<>(1)).add(v);
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
