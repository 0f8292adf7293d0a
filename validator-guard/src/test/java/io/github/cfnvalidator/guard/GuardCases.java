package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import io.github.cfnvalidator.template.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Small rule-and-data cases for the unit tests of each evaluation stage. Every case names the verdict cfn-guard 3.1.1
 * gives its rule {@code r} (recorded by running cfn-guard on the case): our engine must give it ({@link #tests}), and
 * {@link #cfnGuardGivesTheRecordedVerdicts} runs the reference binary on every case again, so a wrong recording
 * cannot hide (skipped where the binary is not installed, failed in CI, as {@code SharedCorpus} does).
 */
public final class GuardCases {
    /** One case: rule file text (its rule {@code r} is judged), data file text, and cfn-guard's verdict of r. */
    public record Case(String name, String rules, String data, String verdict) {
    }

    private GuardCases() {
    }

    /** A dynamic test per case: our verdict is cfn-guard's recorded one. */
    public static Stream<DynamicTest> tests(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertThat(ours(c)).as("our verdict of " + c.name()).isEqualTo(c.verdict())));
    }

    /** Runs cfn-guard 3.1.1 on every case: it must still give the recorded verdicts. */
    public static void cfnGuardGivesTheRecordedVerdicts(List<Case> cases) throws Exception {
        Path bin = SharedCorpus.requireOracleBinary();
        List<String> moved = new ArrayList<>();
        for (Case c : cases) {
            String theirs = theirs(bin, c);
            if (!theirs.equals(c.verdict())) {
                moved.add(c.name() + ": recorded " + c.verdict() + ", cfn-guard gives " + theirs);
            }
        }
        assertThat(moved).isEmpty();
    }

    /** Our verdict of rule {@code r}: PASS, FAIL, SKIP, or NONE when the report does not name it. */
    public static String ours(Case c) throws Exception {
        GuardRules rules = GuardRules.parse("r.guard", c.rules());
        GuardFileReport report = GuardFileReport.of(rules.evaluate(GuardDataReader.read("d.yaml", c.data()),
                "d.yaml", GuardOptions.DEFAULT));
        if (report.compliant().contains("r")) {
            return "PASS";
        }
        if (report.notApplicable().contains("r")) {
            return "SKIP";
        }
        boolean failed = report.notCompliant().stream()
                .anyMatch(f -> f instanceof GuardFileReport.RuleFailure rf && rf.ruleName().equals("r"));
        return failed ? "FAIL" : "NONE";
    }

    /** cfn-guard's verdict of rule {@code r}, from its structured JSON report. */
    static String theirs(Path bin, Case c) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("guard-case");
        try {
            Path rules = Files.writeString(dir.resolve("r.guard"), c.rules() + "\n", StandardCharsets.UTF_8);
            Path data = Files.writeString(dir.resolve("d.yaml"), c.data(), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(bin.toString(), "validate", "-r", rules.toString(), "-d", data.toString(),
                    "-o", "json", "-z", "-S", "none").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("cfn-guard finished").isTrue();
            JsonNode report = new ObjectMapper().readTree(out).get(0);
            for (JsonNode n : report.get("compliant")) {
                if (n.asText().equals("r")) {
                    return "PASS";
                }
            }
            for (JsonNode n : report.get("not_applicable")) {
                if (n.asText().equals("r")) {
                    return "SKIP";
                }
            }
            for (JsonNode n : report.get("not_compliant")) {
                if (n.path("Rule").path("name").asText().equals("r")) {
                    return "FAIL";
                }
            }
            return "NONE";
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
