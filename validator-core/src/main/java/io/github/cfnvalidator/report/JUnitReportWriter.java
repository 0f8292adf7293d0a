package io.github.cfnvalidator.report;

import io.github.cfnvalidator.Version;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JUnit XML in the shape Maven Surefire 3 writes ({@code TEST-cfn-validator.xml}), so CI dashboards that collect
 * {@code TEST-*.xml} show templates as tests (docs/report-formats.md).
 *
 * <p>One {@code testsuite} named {@code cfn-validator}; one {@code testcase} per template and rule that ran on it
 * ({@code classname} is the template's path, {@code name} the rule id). Findings at or above the failure threshold are
 * {@code failure} elements; findings below it are listed in the test case's {@code system-out}. A file that could not
 * be read is one test case {@code input} with an {@code error}; a file skipped as not a template is a skipped test.
 */
public final class JUnitReportWriter implements ReportWriter {
    /** The file name CI tools look for ({@code TEST-*.xml}). */
    public static final String FILE_NAME = "TEST-cfn-validator.xml";
    private static final String SCHEMA =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";

    private final Severity failureThreshold;

    /** A writer that turns errors into failures. */
    public JUnitReportWriter() {
        this(Severity.ERROR);
    }

    /**
     * A writer.
     *
     * @param failureThreshold the lowest severity written as a test failure; {@code null} writes no failures (the
     *                         build's {@code --fail-on none})
     */
    public JUnitReportWriter(Severity failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    private record Case(String classname, String name, List<Finding> failures, List<Finding> others,
                        List<ParseProblem> errors, String skipped) {
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (FileReport f : report.files()) {
            if (f.isSkipped()) {
                cases.add(new Case(f.path(), "template", List.of(), List.of(), List.of(), f.skipped()));
                continue;
            }
            if (f.hasErrors()) {
                cases.add(new Case(f.path(), SarifReportWriter.INPUT_RULE_ID, List.of(), List.of(), f.errors(),
                        null));
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            report.rules().forEach(r -> ids.add(r.id()));
            f.findings().forEach(x -> ids.add(x.ruleId()));
            if (ids.isEmpty()) {
                cases.add(new Case(f.path(), "rules", List.of(), List.of(), List.of(), null));
                continue;
            }
            Map<String, List<Finding>> byRule = new LinkedHashMap<>();
            ids.forEach(id -> byRule.put(id, new ArrayList<>()));
            f.findings().forEach(x -> byRule.get(x.ruleId()).add(x));
            byRule.forEach((id, findings) -> {
                List<Finding> failures = new ArrayList<>();
                List<Finding> others = new ArrayList<>();
                for (Finding x : findings) {
                    (failureThreshold != null && x.severity().atLeast(failureThreshold) ? failures : others).add(x);
                }
                cases.add(new Case(f.path(), id, failures, others, List.of(), null));
            });
        }
        int failures = (int) cases.stream().filter(c -> !c.failures().isEmpty()).count();
        int errors = (int) cases.stream().filter(c -> !c.errors().isEmpty()).count();
        int skipped = (int) cases.stream().filter(c -> c.skipped() != null).count();
        StringBuilder sb = new StringBuilder();
        JUnitXml x = new JUnitXml(sb, JUnitXml.Escaping.STAX);
        x.declaration().raw("\n");
        x.start("testsuite", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:noNamespaceSchemaLocation", SCHEMA, "version", "3.0", "name", "cfn-validator", "time", "0",
                "tests", Integer.toString(cases.size()), "errors", Integer.toString(errors),
                "skipped", Integer.toString(skipped), "failures", Integer.toString(failures));
        x.raw("\n  ").start("properties");
        property(x, "cfn-validator.version", Version.current());
        property(x, "cfn-validator.failOn", failureThreshold == null ? "none" : failureThreshold.label());
        x.raw("\n  ").end("properties");
        for (Case c : cases) {
            writeCase(x, c);
        }
        x.raw("\n").end("testsuite");
        out.write(sb.toString());
        out.write('\n');
    }

    private static void property(JUnitXml x, String name, String value) {
        x.raw("\n    ").empty("property", "name", name, "value", clean(value));
    }

    private static void writeCase(JUnitXml x, Case c) {
        x.raw("\n  ");
        String[] attributes = {"name", clean(c.name()), "classname", clean(c.classname()), "time", "0"};
        if (c.failures().isEmpty() && c.others().isEmpty() && c.errors().isEmpty() && c.skipped() == null) {
            x.empty("testcase", attributes);
            return;
        }
        x.start("testcase", attributes);
        for (Finding f : c.failures()) {
            x.raw("\n    ").start("failure", "message", clean(f.fullMessage()), "type", f.severity().label())
                    .text(clean(details(f))).end("failure");
        }
        if (c.skipped() != null) {
            x.raw("\n    ").empty("skipped", "message", clean(c.skipped()));
        }
        if (!c.errors().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (ParseProblem p : c.errors()) {
                sb.append(TextReportWriter.line(p)).append('\n');
            }
            x.raw("\n    ").start("error", "message", clean(c.errors().get(0).message()),
                    "type", SarifReportWriter.INPUT_RULE_ID).text(clean(sb.toString())).end("error");
        }
        if (!c.others().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Finding f : c.others()) {
                sb.append(TextReportWriter.line(f)).append('\n');
            }
            x.raw("\n    ").start("system-out").text(clean(sb.toString())).end("system-out");
        }
        x.raw("\n  ").end("testcase");
    }

    private static String details(Finding f) {
        StringBuilder sb = new StringBuilder(TextReportWriter.line(f)).append('\n');
        if (!f.path().isEmpty()) {
            sb.append("  at ").append(f.path()).append('\n');
        }
        for (Evidence e : f.evidence()) {
            sb.append("  ").append(e.location()).append(": ").append(e.message()).append('\n');
        }
        return sb.toString();
    }

    /** Replaces the characters XML 1.0 cannot carry. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c) && validSurrogate(s, i);
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    @Override
    public String defaultFileName() {
        return FILE_NAME;
    }
}
