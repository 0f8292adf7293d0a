package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.template.TemplateReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one harness for rule fixtures. A YAML fixture carries its expectations inline, Checkstyle-style:
 *
 * <pre>
 * # expect: rule_id [severity] ['message substring']
 * </pre>
 *
 * on the line(s) directly above the offending node; the finding must start on the next line that is not an
 * expectation. Header comments configure the run: {@code # parameters: Key=Value, Key2=Value2} pins parameters,
 * {@code # unresolved: error} sets the unresolved severity, {@code # rules: id1, id2} (or {@code all}) picks the rules,
 * {@code # guard: file.guard} runs Guard rule files (relative to the fixture; alone unless {@code # rules:} adds
 * built-ins); by default a fixture in a folder named after a rule runs that rule alone, any other folder runs every
 * rule ({@link RuleCatalogueTest} allows only the suppression checks' folders and the mixed folders it lists).
 * The harness fails on missing and on unexpected findings.
 * Every YAML fixture is also rendered as JSON and must give the same findings (same rule, severity, JSON pointer and
 * message, positions aside); a hand-written JSON twin ({@code name.json} beside {@code name.yaml}) must as well.
 * A fixture whose point the rendering would lose (a key written twice: the rendered tree holds it once) says
 * {@code # json: twin only}: it is not rendered, and its hand-written twin is required.
 *
 * <p>A JSON fixture with no YAML beside it (a Terraform plan, a describe output: JSON has no comments) keeps its
 * expectations in a sidecar {@code name.expect}: the same header comments, and one line per expected finding,
 * {@code LINE: rule_id [severity] ['message substring']}, where LINE is the line the finding starts on. The sidecar
 * is required (an empty one says "no findings"), and the same rules apply: missing and unexpected findings fail.
 */
public final class FixtureHarness {
    private static final Pattern EXPECT = Pattern.compile(
            "^\\s*#\\s*expect:\\s*([a-z0-9_]+)(?:\\s+(error|warning|info))?(?:\\s+'([^']*)')?\\s*$");
    private static final Pattern PARAMETERS = Pattern.compile("^\\s*#\\s*parameters:\\s*(.*)$");
    private static final Pattern UNRESOLVED = Pattern.compile("^\\s*#\\s*unresolved:\\s*(error|warning)\\s*$");
    private static final Pattern RULES = Pattern.compile("^\\s*#\\s*rules:\\s*(.*)$");
    private static final Pattern GUARD = Pattern.compile("^\\s*#\\s*guard:\\s*(.*)$");
    private static final Pattern SIDECAR_EXPECT = Pattern.compile(
            "^\\s*(\\d+):\\s*([a-z0-9_]+)(?:\\s+(error|warning|info))?(?:\\s+'([^']*)')?\\s*$");
    private static final Pattern JSON_TWIN_ONLY = Pattern.compile("^\\s*#\\s*json:\\s*twin only\\s*$");

    /** One expectation: a finding of a rule on a line, optionally with a severity and a message fragment. */
    record Expectation(int line, String ruleId, Severity severity, String fragment) {
        @Override
        public String toString() {
            return "line " + line + ": " + ruleId + (severity == null ? "" : " " + severity.label())
                    + (fragment == null ? "" : " '" + fragment + "'");
        }
    }

    /** A fixture's configuration and expectations. */
    record Fixture(Path file, String text, List<Expectation> expectations, ParameterValues parameters,
                   Severity unresolved, List<String> rules, List<Path> guardRules, boolean jsonTwinOnly) {
    }

    private FixtureHarness() {
    }

    /** The sidecar expectation file of a standalone JSON fixture: {@code name.expect} beside {@code name.json}. */
    static Path sidecar(Path json) {
        return json.resolveSibling(json.getFileName().toString().replaceAll("\\.json$", "") + ".expect");
    }

    /** Whether a file is a standalone JSON fixture (a JSON file with no YAML fixture beside it). */
    static boolean isStandaloneJson(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json")) {
            return false;
        }
        String base = name.substring(0, name.length() - ".json".length());
        return !Files.exists(file.resolveSibling(base + ".yaml")) && !Files.exists(file.resolveSibling(base + ".yml"));
    }

    /** Reads a fixture: YAML with inline expectations, or standalone JSON with its sidecar. */
    static Fixture read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean sidecar = isStandaloneJson(file);
        if (sidecar && !Files.exists(sidecar(file))) {
            throw new IllegalArgumentException(file + ": a JSON fixture needs its expectations in " + sidecar(file)
                    + " (an empty file if it must give no findings)");
        }
        String[] lines = (sidecar ? Files.readString(sidecar(file), StandardCharsets.UTF_8) : text)
                .split("\r\n|\n", -1);
        List<Expectation> expectations = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Severity unresolved = Severity.WARNING;
        List<String> rules = null;
        List<Matcher> pending = new ArrayList<>();
        List<Path> guardRules = new ArrayList<>();
        boolean jsonTwinOnly = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (JSON_TWIN_ONLY.matcher(line).matches()) {
                jsonTwinOnly = true;
                continue;
            }
            Matcher g = GUARD.matcher(line);
            if (g.matches()) {
                for (String f : g.group(1).split(",")) {
                    guardRules.add(file.resolveSibling(f.strip()));
                }
                continue;
            }
            Matcher p = PARAMETERS.matcher(line);
            if (p.matches()) {
                for (String kv : p.group(1).split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        params.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                continue;
            }
            Matcher rl = RULES.matcher(line);
            if (rl.matches()) {
                rules = new ArrayList<>();
                for (String id : rl.group(1).split(",")) {
                    rules.add(id.strip());
                }
                continue;
            }
            Matcher u = UNRESOLVED.matcher(line);
            if (u.matches()) {
                unresolved = Severity.parse(u.group(1));
                continue;
            }
            Matcher sc = SIDECAR_EXPECT.matcher(line);
            if (sidecar && sc.matches()) {
                expectations.add(new Expectation(Integer.parseInt(sc.group(1)), sc.group(2), sc.group(3) == null
                        ? null : Severity.parse(sc.group(3)), sc.group(4)));
                continue;
            }
            if (sidecar) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    throw new IllegalArgumentException(sidecar(file) + ":" + (i + 1) + ": malformed expectation: "
                            + line);
                }
                continue;
            }
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) {
                pending.add(m);
                continue;
            }
            if (line.strip().startsWith("# expect")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": malformed expectation: " + line);
            }
            for (Matcher e : pending) {
                expectations.add(new Expectation(i + 1, e.group(1), e.group(2) == null ? null
                        : Severity.parse(e.group(2)), e.group(3)));
            }
            pending.clear();
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(file + ": expectation at the end of the file has no node below it");
        }
        if (rules == null) {
            // a fixture in a rule's folder checks that rule alone; a fixture naming Guard rule files runs those
            // alone; other folders run every rule
            String folder = file.getParent().getFileName().toString();
            rules = !guardRules.isEmpty() ? List.of() : RuleRegistry.builtIn().find(folder).isPresent()
                    ? List.of(folder) : List.of("all");
        }
        return new Fixture(file, text, expectations, ParameterValues.of(params, "fixture"), unresolved, rules,
                guardRules, jsonTwinOnly);
    }

    /** A validator configured as the fixture asks. */
    static Validator validator(Fixture f) {
        Validator.Builder b = Validator.builder().threads(1).parameters(f.parameters())
                .unresolvedSeverity(f.unresolved());
        if (!f.rules().equals(List.of("all"))) {
            List<Rule> rules = new ArrayList<>();
            for (String id : f.rules()) {
                rules.add(RuleRegistry.builtIn().find(id).orElseThrow(
                        () -> new IllegalArgumentException(f.file() + ": no rule " + id)));
            }
            b.rules(rules);
        }
        if (!f.guardRules().isEmpty()) {
            RuleFileLoader.Loaded loaded = RuleFileLoader.loadAll(f.guardRules());
            if (!loaded.problems().isEmpty()) {
                throw new IllegalArgumentException(f.file() + ": " + loaded.problems());
            }
            b.addRules(loaded.rules());
        }
        return b.build();
    }

    /** Checks a YAML fixture against its expectations, and its JSON forms against it. */
    public static void check(Path file) throws Exception {
        Fixture f = read(file);
        Validator validator = validator(f);
        FileReport report = validator.validate(file.getFileName().toString(), f.text());
        assertThat(report.errors()).as("input errors in " + file).isEmpty();
        List<Finding> findings = report.findings();

        List<String> problems = new ArrayList<>();
        List<Finding> unmatched = new ArrayList<>(findings);
        for (Expectation e : f.expectations()) {
            Finding match = null;
            for (Finding x : unmatched) {
                if (x.ruleId().equals(e.ruleId()) && x.location().line() == e.line()
                        && (e.severity() == null || x.severity() == e.severity())
                        && (e.fragment() == null || x.fullMessage().contains(e.fragment()))) {
                    match = x;
                    break;
                }
            }
            if (match == null) {
                problems.add("missing: " + e);
            } else {
                unmatched.remove(match);
            }
        }
        for (Finding x : unmatched) {
            problems.add("unexpected: line " + x.location().line() + ": " + x.ruleId() + " " + x.severity().label()
                    + " '" + x.fullMessage() + "'");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(file + "\n  " + String.join("\n  ", problems) + "\nall findings:\n  "
                    + findings.stream().map(x -> x.location().line() + ": " + x.severity().label() + " "
                    + x.fullMessage()).collect(Collectors.joining("\n  ")));
        }

        if (isStandaloneJson(file)) {
            return; // nothing to render: the JSON is the fixture
        }
        // the same template as JSON gives the same findings
        String jsonName = file.getFileName().toString().replaceAll("\\.ya?ml$", "") + ".json";
        Path twin = file.resolveSibling(jsonName);
        if (f.jsonTwinOnly()) {
            assertThat(twin).as(file + " says json: twin only").exists();
        } else {
            Object plain = new TemplateReader().readDocument(file.getFileName().toString(), f.text()).toPlain();
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plain);
            assertSame(findings, validator.validate(jsonName, json), file + " rendered as JSON");
        }
        if (Files.exists(twin)) {
            assertSame(findings, validator.validate(jsonName, Files.readString(twin, StandardCharsets.UTF_8)),
                    twin.toString());
        }
    }

    private static void assertSame(List<Finding> yaml, FileReport json, String what) {
        assertThat(json.errors()).as("input errors in " + what).isEmpty();
        assertThat(signature(json.findings())).as(what).isEqualTo(signature(yaml));
    }

    private static List<String> signature(List<Finding> findings) {
        return findings.stream()
                .map(x -> x.ruleId() + " " + x.severity().label() + " " + x.path() + " "
                        + x.fullMessage().replaceAll("line \\d+(, column \\d+)?", "line N"))
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
