package io.github.cfnvalidator.guard.command;

import io.github.cfnvalidator.guard.GuardFiles;
import io.github.cfnvalidator.guard.GuardRules;
import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import io.github.cfnvalidator.guard.eval.GuardEvalException;
import io.github.cfnvalidator.guard.eval.GuardEvaluation;
import io.github.cfnvalidator.guard.eval.GuardFunctions;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.eval.GuardRecord;
import io.github.cfnvalidator.guard.eval.GuardStatus;
import io.github.cfnvalidator.guard.report.GuardText;
import io.github.cfnvalidator.guard.report.GuardYaml;
import io.github.cfnvalidator.guard.syntax.GuardParseException;
import io.github.cfnvalidator.report.JUnitXml;
import io.github.cfnvalidator.template.WholeCodePointReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * {@code cfn-guard test}, on the JVM: runs a rule file against spec files (a YAML or JSON list of
 * {@code {name, input, expectations: {rules: {rule: PASS|FAIL|SKIP}}}}) and reports, per test case, which rules
 * evaluated as expected. Exit codes as cfn-guard's: 0 every expectation met, 7 one was not, 1 an error (a spec or
 * rule file that cannot be read); a directory of rule files with {@code tests/} beside them is accepted too.
 */
public final class GuardTest {
    /** Every expectation met. */
    public static final int SUCCESS = 0;
    /** An expectation was not met. */
    public static final int FAILURE = 7;
    /** A rule or spec file could not be read. */
    public static final int ERROR = 1;

    /**
     * The options of {@code test}.
     *
     * @param rulesFile    the rule file ({@code -r}), or null with {@code dir}
     * @param testData     a spec file or directory of spec files ({@code -t}), or null with {@code dir}
     * @param dir          a directory of rule files with {@code tests/} folders ({@code -d}), or null
     * @param lastModified order spec files by modification time
     * @param verbose      print each evaluation's record tree
     * @param outputFormat single-line-summary, json, yaml or junit
     * @param options      evaluation options
     */
    public record Options(String rulesFile, String testData, String dir, boolean lastModified, boolean verbose,
                          String outputFormat, GuardOptions options) {
    }

    /** One test case of a spec file. */
    record Spec(String name, GuardValue input, Map<String, String> expectations) {
    }

    private static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    private final Options o;
    private final PrintWriter out;

    private GuardTest(Options o, PrintWriter out) {
        this.o = o;
        this.out = out;
    }

    /** Runs {@code test}; returns the exit code. */
    public static int run(Options options, PrintWriter out, PrintWriter err) {
        GuardTest t = new GuardTest(options, out);
        try {
            return t.execute();
        } catch (Fatal f) {
            out.flush();
            err.println("Error occurred " + f.getMessage());
            return 255;
        } catch (GuardEvalException e) {
            out.flush();
            err.println("Error occurred " + e.describe());
            return 255;
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            err.println("Error occurred internal error while testing (" + e + "); please report it");
            return 255;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private boolean structured() {
        return !o.outputFormat().equals("single-line-summary");
    }

    private int execute() throws Fatal, GuardEvalException {
        if (structured() && o.verbose()) {
            throw new Fatal("Cannot provide an output_type of JSON, YAML, or JUnit while the verbose flag is set");
        }
        if (o.outputFormat().equals("sarif")) {
            throw new Fatal("Cannot provide an output_type of SARIF, SARIF reporter is unsupported.");
        }
        if (o.dir() != null) {
            return directory(Path.of(o.dir()));
        }
        Path rules = Path.of(o.rulesFile());
        Path data = Path.of(o.testData());
        if (!Files.exists(rules)) {
            throw new Fatal("The path `" + o.rulesFile() + "` does not exist");
        }
        if (!Files.exists(data)) {
            throw new Fatal("The path `" + o.testData() + "` does not exist");
        }
        if (!Files.isRegularFile(rules)) {
            throw new Fatal("I/O error when reading invalid input parameter");
        }
        List<Path> specs = new ArrayList<>();
        try {
            for (Path p : GuardFiles.walk(data, o.lastModified())) {
                String n = p.getFileName() == null ? "" : p.getFileName().toString();
                if (Files.isRegularFile(p) && (n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".JSON")
                        || n.endsWith(".YAML") || n.endsWith(".yml") || n.endsWith(".jsn"))) {
                    specs.add(p);
                }
            }
        } catch (IOException e) {
            throw new Fatal("I/O error when reading " + e.getMessage());
        }
        String name = o.rulesFile();
        String text;
        try {
            text = Files.readString(rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (structured()) {
                return structuredReport(List.of(new Result(name, null, e.getMessage())));
            }
            out.print("Unable to read rule file content " + e.getMessage());
            return ERROR;
        }
        GuardRules parsed;
        try {
            parsed = GuardRules.parse(name, text);
        } catch (GuardParseException e) {
            if (structured()) {
                return structuredReport(List.of(new Result(name, null, parseMessage(e))));
            }
            out.println("Parse Error on ruleset file " + parseMessage(e));
            return ERROR;
        }
        if (parsed.isEmpty()) {
            return SUCCESS;
        }
        if (structured()) {
            return structuredReport(List.of(evaluate(name, parsed, specs)));
        }
        return plain(parsed, specs);
    }

    private static String parseMessage(GuardParseException e) {
        return "Parser Error when parsing `" + e.getMessage() + "`";
    }

    // ------------------------------------------------------------------ spec files

    /** Reads a spec file: a YAML (or JSON) list of test cases. */
    static List<Spec> readSpecs(Path file) throws Fatal {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Fatal("Unable to process data in file " + file + ", Error " + e.getMessage());
        }
        try {
            return specs(text);
        } catch (Fatal f) {
            throw new Fatal("Unable to process data in file " + file + ", Error " + f.getMessage());
        }
    }

    static List<Spec> specs(String text) throws Fatal {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setSchema(new CoreSchema()).setUseMarks(true).build())
                    .composeReader(new WholeCodePointReader(text));
        } catch (YamlEngineException e) {
            throw new Fatal(e.getMessage());
        }
        if (root.isEmpty() || !(root.get() instanceof SequenceNode seq)) {
            throw new Fatal("invalid type: expected a sequence of test cases");
        }
        List<Spec> out = new ArrayList<>();
        int index = 0;
        for (Node item : seq.getValue()) {
            index++;
            if (!(item instanceof MappingNode m)) {
                throw new Fatal("test case " + index + ": invalid type, expected a map with input and expectations");
            }
            String name = null;
            Node input = null;
            Node expectations = null;
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                switch (key) {
                    case "name":
                        if (t.getValueNode() instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                            name = s.getValue();
                        }
                        break;
                    case "input":
                        input = t.getValueNode();
                        break;
                    case "expectations":
                        expectations = t.getValueNode();
                        break;
                    default:
                        break;
                }
            }
            if (input == null) {
                throw new Fatal("test case " + index + ": missing field `input`" + at(item));
            }
            if (!(expectations instanceof MappingNode em)) {
                throw new Fatal("test case " + index + ": missing field `expectations`" + at(item));
            }
            Map<String, String> rules = null;
            for (NodeTuple t : em.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("rules")
                        && t.getValueNode() instanceof MappingNode rm) {
                    rules = new LinkedHashMap<>();
                    for (NodeTuple r : rm.getValue()) {
                        if (r.getKeyNode() instanceof ScalarNode rk && r.getValueNode() instanceof ScalarNode rv) {
                            rules.put(rk.getValue(), rv.getValue());
                        } else {
                            throw new Fatal("test case " + index + ": expectations.rules must map rule names to "
                                    + "PASS, FAIL or SKIP" + at(r.getKeyNode()));
                        }
                    }
                }
            }
            if (rules == null) {
                throw new Fatal("test case " + index + ": missing field `rules` in expectations" + at(expectations));
            }
            GuardValue value;
            try {
                value = GuardFunctions.fromYaml(input, ValuePath.ROOT);
            } catch (GuardEvalException e) {
                throw new Fatal("test case " + index + ": " + e.getMessage());
            }
            out.add(new Spec(name, value, rules));
        }
        return out;
    }

    private static String at(Node n) {
        return n.getStartMark().map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("");
    }

    // ------------------------------------------------------------------ evaluation

    /** The rule checks at the top of an evaluation, grouped by rule name in file order. */
    private static Map<String, List<GuardStatus>> byRules(GuardEvaluation e) {
        Map<String, List<GuardStatus>> m = new LinkedHashMap<>();
        for (GuardRecord r : e.root().children()) {
            if (r.type() instanceof GuardRecord.RuleCheck rc) {
                m.computeIfAbsent(rc.name(), k -> new ArrayList<>()).add(rc.status());
            }
        }
        return m;
    }

    /** get_status_result: the expected status if one evaluation of the rule matches it, else null. */
    private static GuardStatus matched(GuardStatus expected, List<GuardStatus> statuses) {
        if (expected == GuardStatus.SKIP) {
            return statuses.stream().allMatch(s -> s == GuardStatus.SKIP) ? expected : null;
        }
        return statuses.contains(expected) ? expected : null;
    }

    private static GuardStatus status(String s) throws Fatal {
        switch (s) {
            case "PASS":
                return GuardStatus.PASS;
            case "FAIL":
                return GuardStatus.FAIL;
            case "SKIP":
                return GuardStatus.SKIP;
            default:
                throw new Fatal("Types or variable assignments are incompatible `Status code is incorrect " + s
                        + "`");
        }
    }

    private int plain(GuardRules rules, List<Path> specFiles) throws GuardEvalException, Fatal {
        int exit = SUCCESS;
        int counter = 1;
        for (Path file : specFiles) {
            List<Spec> specs;
            try {
                specs = readSpecs(file);
            } catch (Fatal f) {
                out.println("Error processing Parser Error when parsing `" + f.getMessage() + "`");
                exit = ERROR;
                continue;
            }
            for (Spec spec : specs) {
                out.println("Test Case #" + counter);
                if (spec.name() != null) {
                    out.println("Name: " + spec.name());
                }
                GuardEvaluation e = rules.evaluate(spec.input(), "", o.options());
                Map<String, List<String>> byResult = new TreeMap<>();
                for (Map.Entry<String, List<GuardStatus>> r : byRules(e).entrySet()) {
                    String expectedText = spec.expectations().get(r.getKey());
                    if (expectedText == null) {
                        out.println("  No Test expectation was set for Rule " + r.getKey());
                        continue;
                    }
                    GuardStatus expected = status(expectedText);
                    GuardStatus m = matched(expected, r.getValue());
                    if (m != null) {
                        byResult.computeIfAbsent("PASS", k -> new ArrayList<>()).add(r.getKey() + ": Expected = "
                                + m);
                    } else {
                        byResult.computeIfAbsent("FAIL", k -> new ArrayList<>()).add(r.getKey() + ": Expected = "
                                + expected + ", Evaluated = " + r.getValue());
                    }
                }
                if (byResult.containsKey("FAIL")) {
                    exit = FAILURE;
                }
                if (o.verbose()) {
                    GuardText.tree(e.root(), "", true, out);
                }
                for (Map.Entry<String, List<String>> r : byResult.entrySet()) {
                    out.println("  " + r.getKey() + " Rules:");
                    for (String line : r.getValue()) {
                        out.println("    " + line);
                    }
                }
                out.println();
                counter++;
            }
        }
        return exit;
    }

    /** One rule file's test results, or the error that kept it from being tested. */
    record Result(String ruleFile, List<Map<String, Object>> testCases, String error) {
    }

    private Result evaluate(String ruleFile, GuardRules rules, List<Path> specFiles) throws GuardEvalException {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Path file : specFiles) {
            List<Spec> specs;
            try {
                specs = readSpecs(file);
            } catch (Fatal f) {
                return new Result(ruleFile, null, "Parser Error when parsing `" + f.getMessage() + "`");
            }
            for (Spec spec : specs) {
                long t0 = System.nanoTime();
                GuardEvaluation e = rules.evaluate(spec.input(), "", o.options());
                List<Object> passed = new ArrayList<>();
                List<Object> failed = new ArrayList<>();
                List<Object> skipped = new ArrayList<>();
                for (Map.Entry<String, List<GuardStatus>> r : byRules(e).entrySet()) {
                    String expectedText = spec.expectations().get(r.getKey());
                    if (expectedText == null) {
                        skipped.add(Map.of("name", r.getKey()));
                        continue;
                    }
                    GuardStatus expected;
                    try {
                        expected = status(expectedText);
                    } catch (Fatal f) {
                        return new Result(ruleFile, null, f.getMessage());
                    }
                    GuardStatus m = matched(expected, r.getValue());
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", r.getKey());
                    if (m != null) {
                        entry.put("evaluated", m.name());
                        passed.add(entry);
                    } else {
                        entry.put("expected", expected.name());
                        List<Object> ev = new ArrayList<>();
                        for (GuardStatus s : r.getValue()) {
                            ev.add(s.name());
                        }
                        entry.put("evaluated", ev);
                        failed.add(entry);
                    }
                }
                Map<String, Object> tc = new LinkedHashMap<>();
                tc.put("name", spec.name() == null ? "" : spec.name());
                tc.put("passed_rules", passed);
                tc.put("failed_rules", failed);
                tc.put("skipped_rules", skipped);
                tc.put("#time", (System.nanoTime() - t0) / 1_000_000);
                cases.add(tc);
            }
        }
        return new Result(ruleFile, cases, null);
    }

    private static int exitOf(Result r) {
        if (r.error() != null) {
            return ERROR;
        }
        for (Map<String, Object> tc : r.testCases()) {
            if (!((List<?>) tc.get("failed_rules")).isEmpty()) {
                return FAILURE;
            }
        }
        return SUCCESS;
    }

    private static int combine(int exit, int code) {
        if (exit == SUCCESS) {
            return code;
        }
        if (exit == ERROR) {
            return exit;
        }
        return code == ERROR ? ERROR : FAILURE;
    }

    private static Object plain(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule_file", r.ruleFile());
        if (r.error() != null) {
            m.put("error", r.error());
            return m;
        }
        List<Object> cases = new ArrayList<>();
        for (Map<String, Object> tc : r.testCases()) {
            Map<String, Object> c = new LinkedHashMap<>(tc);
            c.remove("#time");
            cases.add(c);
        }
        m.put("test_cases", cases);
        return m;
    }

    private int structuredReport(List<Result> results) {
        int exit = SUCCESS;
        for (Result r : results) {
            exit = combine(exit, exitOf(r));
        }
        boolean single = o.dir() == null;
        switch (o.outputFormat()) {
            case "yaml":
                out.print(GuardYaml.write(single ? plain(results.get(0)) : results.stream().map(GuardTest::plain)
                        .toList()));
                break;
            case "junit":
                junit(results);
                break;
            default:
                GuardJson.writePretty(single ? plain(results.get(0)) : results.stream().map(GuardTest::plain)
                        .toList(), out);
        }
        return exit;
    }

    private void junit(List<Result> results) {
        StringBuilder suites = new StringBuilder();
        JUnitXml x = new JUnitXml(suites, JUnitXml.Escaping.CFN_GUARD);
        int tests = 0;
        int failures = 0;
        int errors = 0;
        long total = 0;
        for (Result r : results) {
            if (r.error() != null) {
                errors++;
                tests++;
                x.raw("    ").start("testsuite", "name", r.ruleFile(), "errors", "1", "failures", "0", "time", "0")
                        .raw("\n        ").start("testcase", "name", r.ruleFile(), "time", "0", "status", "error")
                        .raw("\n            ").start("error").text(r.error()).end("error")
                        .raw("\n        ").end("testcase").raw("\n    ").end("testsuite").raw("\n");
                continue;
            }
            StringBuilder cases = new StringBuilder();
            JUnitXml c = new JUnitXml(cases, JUnitXml.Escaping.CFN_GUARD);
            int suiteFailures = 0;
            long time = 0;
            for (Map<String, Object> tc : r.testCases()) {
                long t = (Long) tc.get("#time");
                time += t;
                String id = (String) tc.get("name");
                for (Object p : (List<?>) tc.get("passed_rules")) {
                    tests++;
                    c.raw("        ").empty("testcase", "id", id, "name", (String) ((Map<?, ?>) p).get("name"),
                            "time", Long.toString(t), "status", "pass").raw("\n");
                }
                for (Object f : (List<?>) tc.get("failed_rules")) {
                    tests++;
                    suiteFailures++;
                    Map<?, ?> fm = (Map<?, ?>) f;
                    c.raw("        ").start("testcase", "id", id, "name", (String) fm.get("name"),
                            "time", Long.toString(t)).raw("\n            ").start("failure")
                            .text("Expected = " + fm.get("expected") + ", Evaluated = [" + String.join(", ",
                                    ((List<?>) fm.get("evaluated")).stream().map(Object::toString).toList()) + "]")
                            .end("failure").raw("\n        ").end("testcase").raw("\n");
                }
            }
            failures += suiteFailures;
            total += time;
            x.raw("    ").start("testsuite", "name", r.ruleFile(), "errors", "0", "failures",
                    Integer.toString(suiteFailures), "time", Long.toString(time)).raw("\n").raw(cases.toString())
                    .raw("    ").end("testsuite").raw("\n");
        }
        StringBuilder doc = new StringBuilder();
        new JUnitXml(doc, JUnitXml.Escaping.CFN_GUARD).declaration().raw("\n").start("testsuites",
                "name", "cfn-guard test report", "tests", Integer.toString(tests), "failures",
                Integer.toString(failures), "errors", Integer.toString(errors), "time", Long.toString(total))
                .raw("\n").raw(suites.toString()).end("testsuites").raw("\n");
        out.print(doc);
    }

    // ------------------------------------------------------------------ directories

    /** A rule file of a directory, with the spec files found for it under {@code tests/}. */
    private record DirRule(Path file, String prefix, List<Path> tests) {
    }

    private int directory(Path dir) throws Fatal, GuardEvalException {
        if (!Files.exists(dir)) {
            throw new Fatal("The path `" + dir + "` does not exist");
        }
        TreeMap<String, List<DirRule>> byDir = rulesWithTests(dir);
        int exit = SUCCESS;
        List<Result> results = new ArrayList<>();
        for (List<DirRule> rules : byDir.values()) {
            for (DirRule r : rules) {
                if (r.tests().isEmpty()) {
                    if (!structured()) {
                        out.println("Guard File " + r.file() + " did not have any tests associated, skipping.");
                        out.println("---");
                    }
                    continue;
                }
                String text;
                try {
                    text = Files.readString(r.file(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    results.add(new Result(r.file().toString(), null, e.getMessage()));
                    exit = ERROR;
                    continue;
                }
                GuardRules parsed;
                try {
                    parsed = GuardRules.parse(r.prefix(), text);
                } catch (GuardParseException e) {
                    if (structured()) {
                        results.add(new Result(r.file().toString(), null, parseMessage(e)));
                        exit = ERROR;
                    } else {
                        out.println("Testing Guard File " + r.file());
                        out.println("Parse Error on ruleset file " + parseMessage(e));
                        out.println("---");
                        exit = FAILURE;
                    }
                    continue;
                }
                if (structured()) {
                    if (!parsed.isEmpty()) {
                        Result res = evaluate(r.file().toString(), parsed, r.tests());
                        results.add(res);
                        exit = combine(exit, exitOf(res));
                    }
                } else {
                    out.println("Testing Guard File " + r.file());
                    if (!parsed.isEmpty()) {
                        int code = plain(parsed, r.tests());
                        exit = exit == SUCCESS ? code : exit;
                    }
                    out.println("---");
                }
            }
        }
        if (structured()) {
            int code = structuredReport(results);
            return exit == SUCCESS ? code : exit;
        }
        return exit;
    }

    /**
     * The rule files under a folder, by the folder that holds them, each with its spec files: those in the
     * {@code tests} folder beside it whose name starts with the rule file's name.
     */
    private static TreeMap<String, List<DirRule>> rulesWithTests(Path dir) throws Fatal {
        TreeMap<String, List<DirRule>> byDir = new TreeMap<>();
        List<Path> others = new ArrayList<>();
        try {
            for (Path p : GuardFiles.walk(dir, false)) {
                if (!Files.isRegularFile(p) || p.getFileName() == null) {
                    continue;
                }
                String name = p.getFileName().toString();
                if (name.endsWith(".guard") || name.endsWith(".ruleset")) {
                    String prefix = name.endsWith(".guard") ? name.substring(0, name.length() - 6)
                            : name.substring(0, name.length() - 8);
                    String parent = p.getParent() == null ? "" : p.getParent().toString();
                    byDir.computeIfAbsent(parent, k -> new ArrayList<>()).add(new DirRule(p, prefix,
                            new ArrayList<>()));
                } else {
                    others.add(p);
                }
            }
        } catch (IOException e) {
            throw new Fatal("I/O error when reading " + e.getMessage());
        }
        for (Path p : others) {
            String name = p.getFileName().toString();
            if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".jsn"))) {
                continue;
            }
            Path parent = p.getParent();
            if (parent == null || parent.getFileName() == null || !parent.getFileName().toString().equals("tests")
                    || parent.getParent() == null) {
                continue;
            }
            List<DirRule> candidates = byDir.get(parent.getParent().toString());
            if (candidates == null) {
                continue;
            }
            for (DirRule r : candidates) {
                if (name.startsWith(r.prefix())) {
                    r.tests().add(p);
                    break;
                }
            }
        }
        return byDir;
    }
}
