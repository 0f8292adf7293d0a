package io.github.cfnvalidator.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one place rules are discovered: every {@link Rule} registered under {@code META-INF/services} on the class path
 * (the built-ins ship that way; a user's own rule jar can add more). Immutable once built.
 */
public final class RuleRegistry {
    private final Map<String, Rule> rules;

    private RuleRegistry(List<Rule> list) {
        Map<String, Rule> m = new LinkedHashMap<>();
        list.stream().sorted(Comparator.comparing(r -> r.metadata().id())).forEach(r -> {
            if (m.putIfAbsent(r.metadata().id(), r) != null) {
                throw new IllegalStateException("two rules share the id " + r.metadata().id());
            }
        });
        this.rules = Collections.unmodifiableMap(m);
    }

    /** The rules found by {@link ServiceLoader} with this class's loader. */
    public static RuleRegistry builtIn() {
        return discover(RuleRegistry.class.getClassLoader());
    }

    /** The rules found by {@link ServiceLoader} with a class loader. */
    public static RuleRegistry discover(ClassLoader loader) {
        List<Rule> list = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(list::add);
        return new RuleRegistry(list);
    }

    /** A registry of exactly these rules. */
    public static RuleRegistry of(List<Rule> rules) {
        return new RuleRegistry(rules);
    }

    /** Every rule, sorted by id. */
    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    /** A rule by id. */
    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }
}
