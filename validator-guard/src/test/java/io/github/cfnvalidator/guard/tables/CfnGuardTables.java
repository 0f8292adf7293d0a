package io.github.cfnvalidator.guard.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.guard.GuardRules;
import io.github.cfnvalidator.guard.data.GuardDataException;
import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import io.github.cfnvalidator.guard.syntax.GuardParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The shared harness of the Guard stage tables (operators, functions, scopes, evaluator): reads a table of cases from
 * {@code src/test/resources/guard-cases/<table>.cases}, evaluates each case's rules against its data through the
 * public API ({@link GuardRules#parse}, {@link GuardDataReader#read}, {@link GuardFileReport#toPlain()}), renders
 * the outcome as an expectation text and compares it with the one cfn-guard 3.1.1 gave, which the table records.
 *
 * <p>A case is {@code === name}, the rule text, {@code --- data}, the document, optionally {@code --- disabled
 * reason} (a known disagreement: the case is reported as skipped with the reason), and {@code --- expect} with the
 * expectation. The expectations are written by {@code bench/guard-cases.py --write}, which runs the reference binary
 * ({@code cfn-guard validate -o json --structured -S none}) and renders its report exactly as
 * {@link #expectation(Map)} renders ours: the overall status, then {@code <rule> PASS|FAIL|SKIP} per rule sorted by
 * name, each failing rule followed by its checks' messages depth first ({@code "  <context> => <error message>
 * <<custom message>>"}); {@code ERROR <message>} where cfn-guard stops with an error, {@code PARSE_ERROR} where it
 * cannot parse the rules, {@code CRASH <how>} where it crashes (we must then stop with an error: the case passes
 * when our outcome is an {@code ERROR}). The tests need no binary at run time.
 */
final class CfnGuardTables {
    private CfnGuardTables() {
    }

    /** One case of a table. */
    record Case(String name, String rules, String data, String disabled, String expect) {
    }

    /** The cases of {@code guard-cases/<table>.cases}, checked for unique names. */
    static List<Case> load(String table) throws IOException {
        String text;
        try (InputStream in = CfnGuardTables.class.getResourceAsStream("/guard-cases/" + table + ".cases")) {
            assertThat(in).as("table " + table).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String name = null;
        String disabled = null;
        List<List<String>> sections = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                addCase(cases, names, name, sections, disabled);
                name = line.substring(4).trim();
                disabled = null;
                sections = new ArrayList<>(List.of(new ArrayList<>()));
            } else if (name == null) {
                continue;
            } else if (line.startsWith("--- data") || line.startsWith("--- expect")) {
                sections.add(new ArrayList<>());
            } else if (line.startsWith("--- disabled")) {
                disabled = line.substring("--- disabled".length()).trim();
            } else {
                sections.get(sections.size() - 1).add(line);
            }
        }
        addCase(cases, names, name, sections, disabled);
        return cases;
    }

    private static void addCase(List<Case> cases, Set<String> names, String name, List<List<String>> sections,
                                String disabled) {
        if (name == null) {
            return;
        }
        assertThat(sections).as(name + ": rules, data and expect sections").hasSize(3);
        assertThat(names.add(name)).as("case name used twice: " + name).isTrue();
        cases.add(new Case(name, join(sections.get(0)), join(sections.get(1)), disabled, join(sections.get(2))));
    }

    private static String join(List<String> lines) {
        List<String> l = new ArrayList<>(lines);
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return String.join("\n", l);
    }

    /** One dynamic test per case of the table, each comparing our expectation text with cfn-guard's. */
    static Stream<DynamicTest> tests(String table) throws IOException {
        List<Case> cases = load(table);
        assertThat(cases).as(table).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Assumptions.assumeTrue(c.disabled() == null, () -> "disabled: " + c.disabled());
            String described = c.name() + "\n--- rules\n" + c.rules() + "\n--- data\n" + c.data();
            if (c.expect().startsWith("CRASH ")) {
                assertThat(outcome(c)).as(described).startsWith("ERROR ");
            } else {
                assertThat(outcome(c)).as(described).isEqualTo(c.expect());
            }
        }));
    }

    /** Evaluates one case and renders the outcome as an expectation text. */
    static String outcome(Case c) {
        GuardRules rules;
        try {
            rules = GuardRules.parse("rules.guard", c.rules() + "\n");
        } catch (GuardParseException e) {
            return "PARSE_ERROR";
        }
        String data = c.data() + "\n";
        String dataName = data.stripLeading().startsWith("{") || data.stripLeading().startsWith("[")
                ? "data.json" : "data.yaml";
        GuardValue doc;
        try {
            doc = GuardDataReader.read(dataName, data);
        } catch (GuardDataException e) {
            return "ERROR " + oneLine("Parser Error when parsing `" + e.getMessage() + "`");
        }
        GuardFileReport report = new GuardFileReport(dataName);
        if (!rules.isEmpty()) {
            try {
                report.add(rules.evaluate(doc, dataName, GuardOptions.DEFAULT));
            } catch (GuardEvalException e) {
                return "ERROR " + oneLine(e.describe());
            }
        }
        return expectation(report.toPlain());
    }

    /** Renders a structured report (cfn-guard's JSON shape) as bench/guard-cases.py does. */
    static String expectation(Map<String, Object> report) {
        Map<String, String> status = new TreeMap<>();
        Map<String, List<String>> failures = new TreeMap<>();
        for (Object n : (List<?>) report.get("not_applicable")) {
            status.put((String) n, "SKIP");
        }
        for (Object n : (List<?>) report.get("compliant")) {
            status.put((String) n, "PASS");
        }
        for (Object f : (List<?>) report.get("not_compliant")) {
            Map<?, ?> rule = (Map<?, ?>) ((Map<?, ?>) f).get("Rule");
            String name = (String) rule.get("name");
            status.put(name, "FAIL");
            messages(rule, failures.computeIfAbsent(name, k -> new ArrayList<>()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.valueOf(report.get("status")));
        status.forEach((name, s) -> {
            lines.add(name + " " + s);
            lines.addAll(failures.getOrDefault(name, List.of()));
        });
        return String.join("\n", lines);
    }

    private static void messages(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("messages") instanceof Map<?, ?> msg) {
                String error = msg.get("error_message") instanceof String s ? s : "";
                String custom = msg.get("custom_message") instanceof String s ? s : "";
                if (!error.isEmpty() || !custom.isEmpty()) {
                    StringBuilder line = new StringBuilder("  ");
                    if (m.get("context") instanceof String ctx && !ctx.isEmpty()) {
                        line.append(ctx.strip()).append(" => ");
                    }
                    line.append(error);
                    if (!custom.isEmpty()) {
                        line.append(" <<").append(custom).append(">>");
                    }
                    out.add(oneLine(line.toString().stripTrailing()));
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!"messages".equals(e.getKey())) {
                    messages(e.getValue(), out);
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                messages(v, out);
            }
        }
    }

    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
