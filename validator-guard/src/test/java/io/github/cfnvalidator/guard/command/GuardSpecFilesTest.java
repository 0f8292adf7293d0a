package io.github.cfnvalidator.guard.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.guard.eval.GuardOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Guard rule files under {@code src/test/resources/guard} against their {@code guard test} spec files
 * ({@code tests/<name>_tests.yaml}), exactly as {@code cfn-validator guard test -d} does. The expectations were
 * checked against cfn-guard 3.1.1 ({@code cfn-guard test -d}); every construct of the language and every
 * reproduced quirk has a case.
 */
class GuardSpecFilesTest {
    private static Path root() throws URISyntaxException {
        return Path.of(GuardSpecFilesTest.class.getResource("/guard").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everySpecFileMeetsItsExpectations() throws Exception {
        Path root = root();
        List<Path> rules;
        try (Stream<Path> s = Files.list(root)) {
            rules = s.filter(p -> p.toString().endsWith(".guard")).sorted().toList();
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
        return rules.stream().map(r -> DynamicTest.dynamicTest(r.getFileName().toString(), () -> {
            String name = r.getFileName().toString().replace(".guard", "");
            Path spec = root.resolve("tests").resolve(name + "_tests.yaml");
            assertThat(spec).exists();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = GuardTest.run(new GuardTest.Options(r.toString(), spec.toString(), null, false, false,
                    "single-line-summary", GuardOptions.DEFAULT), new PrintWriter(out), new PrintWriter(err));
            assertThat(out.toString()).as(out.toString()).doesNotContain("FAIL Rules:").contains("PASS Rules:");
            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
        }));
    }

    @Test
    void directoryModeFindsEveryRuleFileWithItsTests() throws Exception {
        StringWriter out = new StringWriter();
        int code = GuardTest.run(new GuardTest.Options(null, null, root().toString(), false, false, "json",
                GuardOptions.DEFAULT), new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"rule_file\"").contains("queries.guard").contains("quirks.guard")
                .contains("\"failed_rules\": []").doesNotContain("\"expected\"");
    }

    @Test
    void aFailedExpectationExitsSevenAndAnUnreadableSpecExitsOne(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path rules = dir.resolve("r.guard");
        Files.writeString(rules, "rule r { Resources exists }\n");
        Path wrong = dir.resolve("wrong.yaml");
        Files.writeString(wrong, "- input: {Resources: {}}\n  expectations: {rules: {r: FAIL}}\n");
        StringWriter out = new StringWriter();
        assertThat(GuardTest.run(new GuardTest.Options(rules.toString(), wrong.toString(), null, false, false,
                "single-line-summary", GuardOptions.DEFAULT), new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isEqualTo(GuardTest.FAILURE);
        assertThat(out.toString()).contains("r: Expected = FAIL, Evaluated = [PASS]");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "- name: no input\n  expectations: {rules: {r: PASS}}\n");
        out = new StringWriter();
        assertThat(GuardTest.run(new GuardTest.Options(rules.toString(), broken.toString(), null, false, false,
                "single-line-summary", GuardOptions.DEFAULT), new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isEqualTo(GuardTest.ERROR);
        assertThat(out.toString()).contains("missing field `input`");
    }
}
