package io.github.cfnvalidator.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The choices that describe a class of deployments: parameters fixed to a value or known to differ from some
 * values, and assumptions about conditions that cannot be decided before deploy. Immutable; the resolver extends it
 * as it meets conditions. {@link #describe()} is the witness text, e.g. {@code Env=dev}.
 */
public final class Scenario {
    /** Any deployment. */
    public static final Scenario ANY = new Scenario(Map.of(), Map.of(), List.of());

    private final Map<String, String> fixed;
    private final Map<String, Set<String>> excluded;
    private final List<String> notes;

    private Scenario(Map<String, String> fixed, Map<String, Set<String>> excluded, List<String> notes) {
        this.fixed = fixed;
        this.excluded = excluded;
        this.notes = notes;
    }

    /** The value a parameter is fixed to in this scenario. */
    public Optional<String> fixedValue(String parameter) {
        return Optional.ofNullable(fixed.get(parameter));
    }

    /** Values a parameter is known not to take in this scenario. */
    public Set<String> excludedValues(String parameter) {
        return excluded.getOrDefault(parameter, Set.of());
    }

    /** Parameters fixed so far, in the order they were fixed. */
    public Map<String, String> fixedParameters() {
        return Collections.unmodifiableMap(fixed);
    }

    /** This scenario with a parameter fixed to a value. */
    public Scenario fix(String parameter, String value) {
        if (value.equals(fixed.get(parameter))) {
            return this;
        }
        Map<String, String> f = new LinkedHashMap<>(fixed);
        f.put(parameter, value);
        Map<String, Set<String>> x = new LinkedHashMap<>(excluded);
        x.remove(parameter);
        return new Scenario(f, x, notes);
    }

    /** This scenario with a parameter known to differ from a value. */
    public Scenario exclude(String parameter, String value) {
        Map<String, Set<String>> x = new LinkedHashMap<>(excluded);
        Set<String> s = new LinkedHashSet<>(x.getOrDefault(parameter, Set.of()));
        s.add(value);
        x.put(parameter, Collections.unmodifiableSet(s));
        return new Scenario(fixed, x, notes);
    }

    /** This scenario with an assumption noted (e.g. an undecidable condition taken as true). */
    public Scenario note(String assumption) {
        if (notes.contains(assumption)) {
            return this;
        }
        List<String> n = new ArrayList<>(notes);
        n.add(assumption);
        return new Scenario(fixed, excluded, List.copyOf(n));
    }

    /** Whether nothing has been chosen: the outcome holds for every deployment. */
    public boolean isAny() {
        return fixed.isEmpty() && excluded.isEmpty() && notes.isEmpty();
    }

    /** The witness, e.g. {@code Env=dev, Size is neither small nor large}; empty for any deployment. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        fixed.forEach((k, v) -> parts.add(k + "=" + v));
        excluded.forEach((k, v) -> {
            if (v.size() == 1) {
                parts.add(k + "\u2260" + v.iterator().next());
            } else {
                parts.add(k + " is none of " + String.join(", ", v));
            }
        });
        parts.addAll(notes);
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && s.fixed.equals(fixed) && s.excluded.equals(excluded)
                && s.notes.equals(notes);
    }

    @Override
    public int hashCode() {
        return fixed.hashCode() * 31 + excluded.hashCode() * 7 + notes.hashCode();
    }

    @Override
    public String toString() {
        return isAny() ? "any deployment" : describe();
    }
}
