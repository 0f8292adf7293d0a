package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An insertion-ordered map node. Keys are strings; each key keeps the location where it was written. */
public final class MapNode implements Node {
    /** One key/value pair of a map, with the key's own location. */
    public record Entry(String key, Location keyLocation, Node value) {
        public Entry {
            Objects.requireNonNull(key);
            Objects.requireNonNull(keyLocation);
            Objects.requireNonNull(value);
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> index;
    private final Location location;
    private final String pointer;
    private final List<DuplicateKey> duplicates;

    /**
     * Creates a map node; keys must be unique.
     *
     * @param entries  the entries in source order
     * @param location where the map was written
     * @param pointer  its JSON pointer
     */
    public MapNode(List<Entry> entries, Location location, String pointer) {
        this(entries, location, pointer, List.of());
    }

    /**
     * Creates a map node as a reader does: keys unique (the last occurrence of a key written twice), and the earlier
     * occurrences that were dropped.
     */
    MapNode(List<Entry> entries, Location location, String pointer, List<DuplicateKey> duplicates) {
        this.duplicates = List.copyOf(duplicates);
        this.entries = List.copyOf(entries);
        Map<String, Entry> idx = new HashMap<>(Math.max(4, entries.size() * 2));
        for (Entry e : this.entries) {
            if (idx.putIfAbsent(e.key(), e) != null) {
                throw new IllegalArgumentException("duplicate key " + e.key());
            }
        }
        this.index = idx;
        this.location = Objects.requireNonNull(location);
        this.pointer = Objects.requireNonNull(pointer);
    }

    /** The entries in source order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The keys written more than once directly in this map, as the reader found them (the entries hold the last
     * occurrence of each). Empty for maps built in code.
     */
    public List<DuplicateKey> duplicates() {
        return duplicates;
    }

    /** The keys in source order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            keys.add(e.key());
        }
        return Collections.unmodifiableList(keys);
    }

    /** Whether the key is present. */
    public boolean has(String key) {
        return index.containsKey(key);
    }

    /** The value for a key, or {@code null}. */
    public Node get(String key) {
        Entry e = index.get(key);
        return e == null ? null : e.value();
    }

    /** The value for a key, if present. */
    public Optional<Node> find(String key) {
        return Optional.ofNullable(get(key));
    }

    /** The entry for a key, or {@code null}. */
    public Entry entry(String key) {
        return index.get(key);
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** Whether the map has no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The set of keys (unordered view). */
    public Set<String> keySet() {
        return Collections.unmodifiableSet(index.keySet());
    }

    /**
     * The name of the intrinsic function this map is, if it is one: a single-key map whose key is {@code Ref},
     * {@code Condition} or starts with {@code Fn::}.
     */
    public Optional<String> intrinsicName() {
        if (entries.size() != 1) {
            return Optional.empty();
        }
        String k = entries.get(0).key();
        if (k.equals("Ref") || k.equals("Condition") || k.startsWith("Fn::")) {
            return Optional.of(k);
        }
        return Optional.empty();
    }

    /** The string value of a key, if it is a scalar string (or any scalar: its text). */
    public Optional<String> text(String key) {
        Node n = get(key);
        return n instanceof ScalarNode s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
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
        Map<String, Object> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.key(), e.value().toPlain());
        }
        return m;
    }

    @Override
    public String describeKind() {
        return intrinsicName().map(n -> "an intrinsic function (" + n + ")").orElse("a map");
    }

    @Override
    public String toString() {
        return "MapNode" + keys() + "@" + location;
    }
}
