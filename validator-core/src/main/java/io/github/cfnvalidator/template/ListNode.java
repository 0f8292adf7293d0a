package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A list node: its items in source order. */
public final class ListNode implements Node {
    private final List<Node> items;
    private final Location location;
    private final String pointer;

    /**
     * Creates a list node.
     *
     * @param items    the items in order
     * @param location where the list was written
     * @param pointer  its JSON pointer
     */
    public ListNode(List<Node> items, Location location, String pointer) {
        this.items = List.copyOf(items);
        this.location = Objects.requireNonNull(location);
        this.pointer = Objects.requireNonNull(pointer);
    }

    /** The items. */
    public List<Node> items() {
        return items;
    }

    /** The item at an index. */
    public Node get(int i) {
        return items.get(i);
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public String pointer() {
        return pointer;
    }

    @Override
    public Object toPlain() {
        List<Object> l = new ArrayList<>(items.size());
        for (Node n : items) {
            l.add(n.toPlain());
        }
        return l;
    }

    @Override
    public String describeKind() {
        return "a list";
    }

    @Override
    public String toString() {
        return "ListNode(" + items.size() + ")@" + location;
    }
}
