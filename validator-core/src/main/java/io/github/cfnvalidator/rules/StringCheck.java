package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.resolve.Outcome;
import io.github.cfnvalidator.resolve.ParameterDomain;
import io.github.cfnvalidator.resolve.Scenario;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.template.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges resolved string values against a rule's predicate over every admissible deployment. Parameters with a
 * short list of values are already enumerated by the resolver; a parameter with a large domain is tried with the
 * rule's candidate values (those its constraints admit); a string with unknown parts is judged with the unknown
 * parts in place, and is unknown only if the judgement depends on them.
 */
public final class StringCheck {
    /** Marks an unknown part inside an instantiated string. */
    public static final char UNKNOWN_PART = '\u0000';
    private static final int MAX_COMBINATIONS = 256;

    /** A rule's verdict on one concrete string. */
    public sealed interface Verdict {
    }

    /** The string is fine. */
    public record Fine() implements Verdict {
    }

    /**
     * The string breaks the rule.
     *
     * @param reason why, e.g. "its tag is latest"
     */
    public record Bad(String reason) implements Verdict {
    }

    /** The verdict depends on a part that is unknown before deploy. */
    public record Undecided() implements Verdict {
    }

    /** The rule's judgement of a string that may contain {@link #UNKNOWN_PART}. */
    public interface Judge {
        /** Judges one string. */
        Verdict judge(String value);
    }

    /**
     * A string that breaks the rule in one class of deployments.
     *
     * @param value    the offending string
     * @param reason   the judge's reason
     * @param scenario the deployments that give it
     * @param source   where the value (or the parameter it comes from) is written
     * @param domain   the parameter that was instantiated, or {@code null}
     */
    public record Violation(String value, String reason, Scenario scenario, Node source, ParameterDomain domain) {
    }

    private final Judge judge;
    private final List<String> candidates;
    private final Map<String, Violation> violations = new LinkedHashMap<>();
    private final Map<String, Scenario> unknowns = new LinkedHashMap<>();
    private final Map<String, Node> unknownNodes = new LinkedHashMap<>();

    /**
     * A check with a judge and the values to try for parameters that admit too many values to list.
     *
     * @param judge      the rule's judgement
     * @param candidates values a deployer might pass that the judge would reject (e.g. {@code latest})
     */
    public StringCheck(Judge judge, List<String> candidates) {
        this.judge = judge;
        this.candidates = List.copyOf(candidates);
    }

    /** Judges one outcome. */
    public void accept(Outcome o) {
        Value v = o.value();
        Scenario s = o.scenario();
        if (v instanceof Value.Text t) {
            Verdict verdict = judge.judge(t.text());
            if (verdict instanceof Bad b) {
                add(new Violation(t.text(), b.reason(), s, t.origin(), null));
            }
        } else if (v instanceof Value.Symbolic || v instanceof Value.Concat) {
            List<Value> parts = v instanceof Value.Concat c ? c.parts() : List.of(v);
            instantiate(parts, s, v.origin());
        } else if (v instanceof Value.Unknown u) {
            unknowns.putIfAbsent(u.reason(), s);
            unknownNodes.putIfAbsent(u.reason(), u.origin());
        }
    }

    /** Judges every outcome. */
    public void acceptAll(List<Outcome> outcomes) {
        outcomes.forEach(this::accept);
    }

    private void instantiate(List<Value> parts, Scenario s, Node at) {
        List<List<String>> choices = new ArrayList<>();
        long combinations = 1;
        for (Value p : parts) {
            List<String> c = new ArrayList<>();
            if (p instanceof Value.Text t) {
                c.add(t.text());
            } else if (p instanceof Value.Symbolic sym) {
                // try the values that would break the rule; a parameter whose constraints admit none of them
                // (AllowedValues, AllowedPattern) cannot break it through this part
                for (String x : candidates) {
                    if (sym.domain().admits(x) && !sym.excluded().contains(x)) {
                        c.add(x);
                    }
                }
                if (c.isEmpty()) {
                    return;
                }
            } else {
                c.add(String.valueOf(UNKNOWN_PART));
            }
            choices.add(c);
            combinations *= c.size();
        }
        if (combinations > MAX_COMBINATIONS) {
            unknowns.putIfAbsent("too many combinations of parameter values to try", s);
            unknownNodes.putIfAbsent("too many combinations of parameter values to try", at);
            return;
        }
        int[] idx = new int[parts.size()];
        boolean undecided = false;
        while (true) {
            StringBuilder sb = new StringBuilder();
            Scenario scenario = s;
            ParameterDomain domain = null;
            boolean tried = false;
            for (int i = 0; i < parts.size(); i++) {
                String piece = choices.get(i).get(idx[i]);
                sb.append(piece);
                if (parts.get(i) instanceof Value.Symbolic sym && !piece.equals(String.valueOf(UNKNOWN_PART))) {
                    scenario = scenario.fix(sym.domain().name(), piece);
                    domain = sym.domain();
                    tried = true;
                }
            }
            Verdict verdict = judge.judge(sb.toString());
            if (verdict instanceof Bad b) {
                add(new Violation(sb.toString().replace(String.valueOf(UNKNOWN_PART), "${?}"), b.reason(),
                        scenario, domain != null && tried ? domain.declaration() : at, domain));
            } else if (verdict instanceof Undecided) {
                undecided = true;
            }
            int k = parts.size() - 1;
            while (k >= 0 && ++idx[k] == choices.get(k).size()) {
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                break;
            }
        }
        if (undecided && violations.isEmpty()) {
            String reason = describeUnknown(parts);
            unknowns.putIfAbsent(reason, s);
            unknownNodes.putIfAbsent(reason, at);
        }
    }

    private static String describeUnknown(List<Value> parts) {
        for (Value p : parts) {
            if (p instanceof Value.Unknown u) {
                return u.reason();
            }
        }
        for (Value p : parts) {
            if (p instanceof Value.Symbolic sym) {
                return "parameter " + sym.domain().name() + " admits values that cannot all be checked"
                        + sym.domain().describeConstraints(sym.excluded());
            }
        }
        return "part of the value is known only at deploy time";
    }

    private void add(Violation v) {
        violations.putIfAbsent(v.value() + "|" + v.scenario().describe(), v);
    }

    /** The violations found. */
    public List<Violation> violations() {
        return List.copyOf(violations.values());
    }

    /** Reasons the verdict could not be reached, with a scenario each. */
    public Map<String, Scenario> unknowns() {
        return Map.copyOf(unknowns);
    }

    /** Where each unknown is written. */
    public Node unknownNode(String reason) {
        return unknownNodes.get(reason);
    }

    /** The witness of a violation: {@code Tag=latest gives "repo:latest"}, or {@code every deployment gives ...}. */
    public static String witness(Violation v) {
        String w = v.scenario().describe();
        return (w.isEmpty() ? "every deployment" : w) + " gives \"" + v.value() + "\"";
    }
}
