package io.github.cfnvalidator.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest changes with any input that decides the outcome, and only a recorded pass is reused. */
class UpToDateCheckTest {
    @TempDir
    Path dir;

    private UpToDateCheck check(Path template, String threshold) {
        UpToDateCheck c = new UpToDateCheck(dir.resolve("cache/check-default.properties"));
        c.add("failOnSeverity", threshold);
        c.addCodeOf(UpToDateCheck.class);
        c.addFile("t.yaml", template);
        return c;
    }

    @Test
    void aRecordedPassIsReusedUntilATemplateOrTheConfigurationChanges() throws IOException {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, "Resources: {}\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("cfn-validator.sarif");
        Files.writeString(report, "{}", StandardCharsets.UTF_8);

        assertThat(check(t, "error").previous()).isEmpty();
        check(t, "error").record("0 error(s), 0 warning(s) in 1 template(s)", List.of(report));
        assertThat(check(t, "error").previous()).hasValueSatisfying(p -> {
            assertThat(p.summary()).isEqualTo("0 error(s), 0 warning(s) in 1 template(s)");
            assertThat(p.reports()).containsExactly(report.toAbsolutePath());
        });

        assertThat(check(t, "warning").previous()).as("configuration changed").isEmpty();
        Files.writeString(t, "Resources: {A: {Type: X}}\n", StandardCharsets.UTF_8);
        assertThat(check(t, "error").previous()).as("template changed").isEmpty();
    }

    @Test
    void aMissingReportOrAForgottenStateMeansCheckingAgain() throws IOException {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, "Resources: {}\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("r.json");
        Files.writeString(report, "{}", StandardCharsets.UTF_8);
        check(t, "error").record("s", List.of(report));
        Files.delete(report);
        assertThat(check(t, "error").previous()).isEmpty();

        Files.writeString(report, "{}", StandardCharsets.UTF_8);
        assertThat(check(t, "error").previous()).isPresent();
        check(t, "error").forget();
        assertThat(check(t, "error").previous()).isEmpty();
    }

    @Test
    void anUnreadableFileStillGivesAStableDigest() {
        Path missing = dir.resolve("missing.yaml");
        assertThat(check(missing, "error").key()).isEqualTo(check(missing, "error").key());
    }
}
