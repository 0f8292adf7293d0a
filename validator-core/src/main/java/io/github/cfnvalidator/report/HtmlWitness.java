package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Parameter;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The witness deployment of a finding as rows for the HTML report: each parameter the witness fixes (read from the
 * {@code Env=dev gives 1} part of the message or evidence, and from evidence such as {@code parameter Count admits 1}),
 * with the lines that declare it, and each condition of the template that those values decide, with its truth value
 * and the lines that define it. Conditions that depend on anything the witness does not fix are left out. The
 * witness is read from the text rules write (the model keeps it as text, not as a structure).
 */
final class HtmlWitness {
    /**
     * One row: a parameter and its value, or a condition and {@code true}/{@code false}, and the lines that define it
     * (its name's line to the end of its definition, at most {@link #MAX_LINES}).
     */
    record Row(String kind, String name, String value, int line, int lastLine) {
    }

    /** Lines of a definition shown at most. */
    static final int MAX_LINES = 5;

    /** {@code Env=dev, Size=small gives ...}, wherever it stands in a message (built-in rules and Guard). */
    private static final Pattern GIVES = Pattern.compile(
            "((?:[A-Za-z0-9:]+=[^,()\\s]+)(?:, [A-Za-z0-9:]+=[^,()\\s]+)*) gives ");
    private static final Pattern WHEN = Pattern.compile("\\(([^()]*=[^()]*)\\)$");
    private static final Pattern ADMITS = Pattern.compile("^parameter (\\S+) admits (?:values such as )?(\\S+)");
    private static final Pattern PAIR = Pattern.compile("^\\s*([A-Za-z0-9:]+)=(.*)$");

    private HtmlWitness() {
    }

    /** The witness rows of a finding in a template; empty when the finding holds for every deployment. */
    static List<Row> rows(Finding finding, Template template) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = GIVES.matcher(finding.message());
        if (m.find()) {
            pairs(m.group(1), values);
        }
        for (Evidence e : finding.evidence()) {
            Matcher g = GIVES.matcher(e.message());
            if (g.find()) {
                pairs(g.group(1), values);
            }
            Matcher a = ADMITS.matcher(e.message());
            if (a.find()) {
                values.putIfAbsent(a.group(1), a.group(2));
            }
            Matcher w = WHEN.matcher(e.message());
            if (w.find()) {
                pairs(w.group(1), values);
            }
        }
        List<Row> rows = new ArrayList<>();
        values.forEach((name, value) -> {
            Optional<Parameter> p = template.parameter(name);
            if (p.isPresent()) {
                int line = p.get().keyLocation().line();
                rows.add(new Row("parameter", name, unquote(value), line, last(line, p.get().node().location())));
            }
        });
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, String> known = new LinkedHashMap<>();
        rows.forEach(r -> known.put(r.name(), r.value()));
        for (Map.Entry<String, Node> c : template.conditions().entrySet()) {
            Optional<Boolean> truth = truth(c.getValue(), known, template, 0);
            int line = conditionLine(template, c.getKey(), c.getValue());
            truth.ifPresent(t -> rows.add(new Row("condition", c.getKey(), t.toString(), line,
                    last(line, c.getValue().location()))));
        }
        return rows;
    }

    private static void pairs(String text, Map<String, String> out) {
        for (String part : text.split(", ")) {
            Matcher p = PAIR.matcher(part);
            if (p.matches()) {
                out.putIfAbsent(p.group(1), p.group(2));
            }
        }
    }

    private static int last(int line, io.github.cfnvalidator.template.Location definition) {
        return Math.max(line, Math.min(definition.endLine(), line + MAX_LINES - 1));
    }

    private static int conditionLine(Template template, String name, Node value) {
        Node conditions = template.root().get("Conditions");
        if (conditions instanceof MapNode map && map.entry(name) != null) {
            return map.entry(name).keyLocation().line();
        }
        return value.location().line();
    }

    /** The truth of a condition under fixed parameter values, when they decide it. */
    private static Optional<Boolean> truth(Node node, Map<String, String> known, Template template, int depth) {
        if (depth > 20 || !(node instanceof MapNode map) || map.size() != 1) {
            return Optional.empty();
        }
        String fn = map.keys().get(0);
        Node arg = map.get(fn);
        switch (fn) {
            case "Condition":
                return arg instanceof ScalarNode s && template.conditions().containsKey(s.text())
                        ? truth(template.conditions().get(s.text()), known, template, depth + 1) : Optional.empty();
            case "Fn::Not":
                return arg instanceof ListNode l && l.size() == 1
                        ? truth(l.get(0), known, template, depth + 1).map(b -> !b) : Optional.empty();
            case "Fn::And":
            case "Fn::Or":
                return combine(fn.equals("Fn::And"), arg, known, template, depth);
            case "Fn::Equals":
                if (arg instanceof ListNode l && l.size() == 2) {
                    Optional<String> a = operand(l.get(0), known);
                    Optional<String> b = operand(l.get(1), known);
                    return a.isPresent() && b.isPresent() ? Optional.of(a.get().equals(b.get())) : Optional.empty();
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<Boolean> combine(boolean and, Node arg, Map<String, String> known, Template template,
                                             int depth) {
        if (!(arg instanceof ListNode l)) {
            return Optional.empty();
        }
        for (Node item : l.items()) {
            Optional<Boolean> t = truth(item, known, template, depth + 1);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            if (t.get() != and) {
                return Optional.of(!and);
            }
        }
        return Optional.of(and);
    }

    private static Optional<String> operand(Node node, Map<String, String> known) {
        if (node instanceof ScalarNode s) {
            return Optional.of(s.text());
        }
        if (node instanceof MapNode m && m.size() == 1 && m.get("Ref") instanceof ScalarNode ref) {
            return Optional.ofNullable(unquote(known.get(ref.text())));
        }
        return Optional.empty();
    }

    private static String unquote(String v) {
        return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1)
                : v;
    }
}
