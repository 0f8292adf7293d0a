package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.resolve.Outcome;
import io.github.cfnvalidator.resolve.ParameterDomain;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges resolved numeric values against a floor ("every admissible value is at least N") and words the witness,
 * evidence and fix the same way for every rule that needs it.
 */
public final class MinimumCheck {
    private final BigDecimal minimum;
    private final String property;
    private final Resolver resolver;
    private final Map<String, Violation> violations = new LinkedHashMap<>();
    private final Map<String, Value.Unknown> unknowns = new LinkedHashMap<>();
    private final Map<String, Scenario> unknownScenarios = new LinkedHashMap<>();
    private final List<Scenario> absent = new ArrayList<>();

    /**
     * A value below the floor in one class of deployments.
     *
     * @param value     the offending value as text
     * @param scenario  the deployments that give it
     * @param source    where the value is written (literal, mapping entry, parameter declaration)
     * @param domain    the parameter it comes from, or {@code null}
     * @param notNumber whether the value is not a number at all
     */
    public record Violation(String value, Scenario scenario, Node source, ParameterDomain domain,
                            boolean notNumber) {
    }

    /**
     * A check of one property against a floor.
     *
     * @param minimum  the least acceptable value
     * @param property the property's name, for messages
     * @param resolver the resolver (to find parameter declarations)
     */
    public MinimumCheck(BigDecimal minimum, String property, Resolver resolver) {
        this.minimum = minimum;
        this.property = property;
        this.resolver = resolver;
    }

    /** Judges one outcome. */
    public void accept(Outcome o) {
        Value v = o.value();
        Scenario s = o.scenario();
        if (v instanceof Value.Text t) {
            Optional<BigDecimal> n = t.number();
            ParameterDomain d = t.parameter() == null ? null : resolver.domain(t.parameter()).orElse(null);
            if (n.isEmpty()) {
                add(new Violation(t.text(), s, t.origin(), d, true));
            } else if (n.get().compareTo(minimum) < 0) {
                add(new Violation(Numbers.format(n.get()), s, t.origin(), d, false));
            }
        } else if (v instanceof Value.Symbolic sym) {
            Optional<String> below = sym.domain().valueBelow(minimum, sym.excluded());
            if (below.isPresent()) {
                add(new Violation(below.get(), s.fix(sym.domain().name(), below.get()), sym.domain().declaration(),
                        sym.domain(), false));
            }
        } else if (v instanceof Value.Unknown u) {
            String key = u.reason();
            unknowns.putIfAbsent(key, u);
            unknownScenarios.putIfAbsent(key, s);
        } else if (v instanceof Value.Concat c) {
            Value.Unknown u = new Value.Unknown(property + " is built from a value known only at deploy time ("
                    + c.describe() + ")", c.origin());
            unknowns.putIfAbsent(u.reason(), u);
            unknownScenarios.putIfAbsent(u.reason(), s);
        } else if (v instanceof Value.Absent) {
            absent.add(s);
        } else {
            add(new Violation(v.describe(), s, v.origin(), null, true));
        }
    }

    /** Judges every outcome. */
    public void acceptAll(List<Outcome> outcomes) {
        outcomes.forEach(this::accept);
    }

    private void add(Violation v) {
        violations.putIfAbsent(v.value() + "|" + v.scenario().describe(), v);
    }

    /** The violations found, lowest value first. */
    public List<Violation> violations() {
        List<Violation> list = new ArrayList<>(violations.values());
        list.sort((a, b) -> {
            Optional<BigDecimal> x = Numbers.parse(a.value(), io.github.cfnvalidator.template.ScalarKind.STRING);
            Optional<BigDecimal> y = Numbers.parse(b.value(), io.github.cfnvalidator.template.ScalarKind.STRING);
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get());
            }
            return x.isPresent() ? 1 : y.isPresent() ? -1 : 0;
        });
        return list;
    }

    /** Values that cannot be known before deploy, with a scenario each. */
    public Map<Value.Unknown, Scenario> unknowns() {
        Map<Value.Unknown, Scenario> m = new LinkedHashMap<>();
        unknowns.forEach((k, u) -> m.put(u, unknownScenarios.get(k)));
        return m;
    }

    /** Where each value that cannot be known before deploy comes from: its reason, at its origin. */
    public List<Evidence> unknownEvidence() {
        List<Evidence> evidence = new ArrayList<>();
        for (Value.Unknown u : unknowns.values()) {
            evidence.add(new Evidence(u.reason(), u.origin().location()));
        }
        return evidence;
    }

    /** The scenarios in which the property is not set. */
    public List<Scenario> absent() {
        return List.copyOf(absent);
    }

    /** {@code Env=dev gives 1}, or {@code every deployment gives 1}. */
    public static String witness(Violation v) {
        String w = v.scenario().describe();
        return (w.isEmpty() ? "every deployment" : w) + " gives " + v.value();
    }

    /** The witnesses of several violations, at most three, joined by "; ". */
    public static String witnesses(List<Violation> list) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, list.size()); i++) {
            parts.add(witness(list.get(i)));
        }
        if (list.size() > 3) {
            parts.add("and " + (list.size() - 3) + " more");
        }
        return String.join("; ", parts);
    }

    /** How to fix a violation, as an imperative phrase. */
    public String fix(Violation v, Node propertyNode) {
        String min = Numbers.format(minimum);
        ParameterDomain d = v.domain();
        if (v.notNumber() && d == null) {
            return "set " + property + " to a number of " + min + " or more";
        }
        if (d != null) {
            if (d.pinned().isPresent()) {
                return "pin parameter " + d.name() + " to " + min + " or more" + d.pinnedSource().map(f -> " in " + f)
                        .orElse("");
            }
            if (d.hasAllowedValues()) {
                return "remove " + v.value() + " from the AllowedValues of parameter " + d.name();
            }
            if (d.kind() == ParameterDomain.Kind.NUMBER) {
                return "set MinValue: " + min + " on parameter " + d.name();
            }
            return "declare parameter " + d.name() + " as Type: Number with MinValue: " + min;
        }
        Node src = v.source();
        if (src != null && src.pointer().startsWith("/Mappings/")) {
            return "change " + dotted(src.pointer()) + " (line " + src.location().line() + ") to " + min + " or more";
        }
        if (src == null || propertyNode == null || src == propertyNode
                || src.location().equals(propertyNode.location())) {
            return "set " + property + " to " + min + " or more";
        }
        return "change the value " + v.value() + " at line " + src.location().line() + ", column "
                + src.location().column() + " to " + min + " or more";
    }

    /** A JSON pointer as a dotted path: {@code /Mappings/Sizes/dev/Count -> Mappings.Sizes.dev.Count}. */
    static String dotted(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String seg : pointer.substring(1).split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(seg.replace("~1", "/").replace("~0", "~"));
        }
        return sb.toString();
    }

    /** Where each of the (first three) violations comes from. */
    public static List<Evidence> evidence(List<Violation> list) {
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, list.size()); i++) {
            Violation v = list.get(i);
            ParameterDomain d = v.domain();
            if (d != null && !d.isPseudo()) {
                out.add(new Evidence("parameter " + d.name() + " admits " + v.value()
                        + d.describeConstraints(java.util.Set.of()), v.source() == null ? d.location()
                        : v.source().location()));
            } else if (v.source() != null) {
                String when = v.scenario().isAny() ? "" : " (" + v.scenario().describe() + ")";
                String text = v.source().pointer().startsWith("/Mappings/")
                        ? dotted(v.source().pointer()) + " is " + v.value() + when
                        : "the value " + v.value() + " is written here" + when;
                out.add(new Evidence(text, v.source().location()));
            }
        }
        return out;
    }
}
