package io.github.cfnvalidator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate command: inputs, formats, exit codes. */
class ValidateCommandTest {
    private static final String GOOD = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void cleanTemplateExitsZeroWithASummary() throws IOException {
        Path t = write("good.yaml", GOOD);
        CliRun r = CliRun.of("validate", t.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("0 error(s), 0 warning(s) in 1 template(s)");
    }

    @Test
    void malformedTemplateExitsTwoAndTheOtherFilesAreStillChecked() throws IOException {
        write("a-bad.yaml", "Resources:\n  A: [1, 2\n");
        write("b-good.yaml", GOOD);
        write("c-bad.json", "{\"Resources\": {\"A\": {\"Type\": \"X\"},}}");
        CliRun r = CliRun.of("validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.out()).containsPattern("a-bad\\.yaml:\\d+:\\d+: error: \\[input\\] YAML syntax error");
        assertThat(r.out()).containsPattern("c-bad\\.json:1:\\d+: error: \\[input\\] JSON syntax error");
        assertThat(r.out()).contains("in 1 template(s); 2 file(s) could not be read");
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDuplicateKeyIsAFindingAndTheExitCodeFollowsTheFindings() throws IOException {
        Path onlyDuplicate = write("dup/only.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
                + "    Properties:\n      DelaySeconds: 5\n      DelaySeconds: 10\n");
        CliRun warning = CliRun.of("validate", "--no-config", onlyDuplicate.toString());
        assertThat(warning.exitCode()).isZero();
        assertThat(warning.out()).contains("only.yaml:5:7: warning: [template_duplicate_key] key DelaySeconds at "
                + "line 5, column 7 is written again at line 6, column 7").doesNotContain("[input]");
        assertThat(CliRun.of("validate", "--no-config", "--fail-on", "warning", onlyDuplicate.toString())
                .exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(CliRun.of("validate", "--no-config", "--skip-rule", "template_duplicate_key", "--fail-on",
                "warning", onlyDuplicate.toString()).exitCode()).isZero();

        write("dup/variant.yaml", "Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n"
                + "    Properties:\n      ProductionVariants:\n        - VariantName: v\n          VariantName: v\n"
                + "          ModelName: m\n          InstanceType: ml.m5.large\n          InitialInstanceCount: 1\n");
        CliRun both = CliRun.of("validate", "--no-config", dir.resolve("dup").toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(both.out()).contains("variant.yaml:6:11: warning: [template_duplicate_key] key VariantName")
                .contains("variant.yaml:10:33: error: [sagemaker_variant_min_instances]")
                .contains("1 error(s), 2 warning(s) in 2 template(s)");

        // a truly malformed file is still an input error (exit 2) and hides nothing of the other files
        write("dup/broken.yaml", "Resources:\n  A: [1, 2\n");
        CliRun withBroken = CliRun.of("validate", "--no-config", dir.resolve("dup").toString());
        assertThat(withBroken.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(withBroken.out()).containsPattern("broken\\.yaml:\\d+:\\d+: error: \\[input\\] YAML syntax error")
                .contains("variant.yaml:10:33: error: [sagemaker_variant_min_instances]")
                .contains("only.yaml:5:7: warning: [template_duplicate_key]")
                .contains("1 error(s), 2 warning(s) in 2 template(s); 1 file(s) could not be read");
    }

    @Test
    void filesInAFolderThatAreNotTemplatesAreSkippedWithANote() throws IOException {
        write("t/good.yaml", GOOD);
        write("t/buildspec.yml", "version: 0.2\nphases: {}\n");
        write("t/params.json", "[{\"ParameterKey\": \"A\", \"ParameterValue\": \"b\"}]");
        write("t/readme.txt", "not even considered");
        CliRun r = CliRun.of("validate", dir.resolve("t").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("buildspec\\.yml: note: skipped: not a CloudFormation template");
        assertThat(r.out()).contains("params.json: note: skipped");
        assertThat(r.out()).doesNotContain("readme.txt");
        assertThat(r.out()).contains("in 1 template(s); 2 file(s) skipped as not templates");
    }

    @Test
    void aFileNamedDirectlyThatIsNotATemplateIsAnInputError() throws IOException {
        Path p = write("buildspec.yml", "version: 0.2\n");
        CliRun r = CliRun.of("validate", p.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.out()).contains("buildspec.yml:1:1: error: [input] the document has no Resources section");
    }

    @Test
    void missingPathIsAnInputError() {
        CliRun r = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.out()).contains("nope.yaml:1:1: error: [input] no such file");
    }

    @Test
    void badOptionsExitTwo() throws IOException {
        Path t = write("good.yaml", GOOD);
        assertThat(CliRun.of("validate", "--format", "xml", t.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", "--fail-on", "sometimes", t.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", "--unresolved", "info", t.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void jsonReportHasTheDocumentedShape() throws IOException {
        write("good.yaml", GOOD);
        write("bad.yaml", "Resources:\n  A:\n    Properties: {}\n");
        CliRun r = CliRun.of("validate", "--format", "json", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("files")).hasSize(2);
        JsonNode bad = json.get("files").get(0);
        assertThat(bad.get("path").asText()).endsWith("bad.yaml");
        assertThat(bad.get("findings")).isEmpty();
        assertThat(bad.get("errors").get(0).get("message").asText()).isEqualTo("resource A has no Type");
        assertThat(bad.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(bad.get("errors").get(0).get("column").asInt()).isEqualTo(3);
        JsonNode summary = json.get("summary");
        assertThat(summary.get("templates").asInt()).isEqualTo(1);
        assertThat(summary.get("invalid").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").asInt()).isZero();
    }

    @Test
    void outputFileGetsTheReportAndStdoutTheSummary() throws IOException {
        Path t = write("good.yaml", GOOD);
        Path report = dir.resolve("out/report.json");
        CliRun r = CliRun.of("validate", "--format", "json", "--output", report.toString(), t.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(report.toFile()).get("summary").get("templates").asInt()).isEqualTo(1);
        assertThat(r.out()).contains("0 error(s), 0 warning(s) in 1 template(s) (report: ");
    }

    @Test
    void malformedParameterFileIsAnInputError() throws IOException {
        Path t = write("good.yaml", GOOD);
        Path params = write("p.json", "[{\"ParameterKey\": \"A\",}]");
        CliRun r = CliRun.of("validate", "--parameters", params.toString(), t.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).containsPattern("p\\.json:1:\\d+: error: \\[input\\] parameter file is not valid JSON");
        assertThat(r.out()).contains("in 1 template(s)");
    }

    @Test
    void sarifFormatUsesTheCoreWriter() throws IOException {
        write("good.yaml", GOOD);
        write("bad.yaml", "Resources:\n  A:\n    Properties: {}\n");
        Path report = dir.resolve("out/cfn.sarif");
        CliRun r = CliRun.of("validate", "--format", "sarif", "-o", report.toString(), dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode sarif = new ObjectMapper().readTree(report.toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("columnKind").asText()).isEqualTo("utf16CodeUnits");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("input");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("/bad.yaml");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
    }

    @Test
    void sarifUrisAreRelativeToTheWorkingDirectory() throws IOException {
        Path local = Path.of("target", "cli-sarif-test", "t.yaml");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "Resources:\n  A: {}\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("validate", "--format", "sarif", local.toString());
        JsonNode uri = new ObjectMapper().readTree(r.out())
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(uri.get("uri").asText()).isEqualTo("target/cli-sarif-test/t.yaml");
        assertThat(uri.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }

    @Test
    void junitFormatIsSurefireShaped() throws IOException {
        write("good.yaml", GOOD);
        write("buildspec.yml", "version: 0.2\n");
        CliRun r = CliRun.of("validate", "--format", "JUNIT", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("<?xml").contains("<testsuite ").contains("name=\"cfn-validator\"")
                .contains("skipped=\"1\"").contains("<skipped message=\"not a CloudFormation template");
    }

    @Test
    void sarifAndJunitCarryTheRuleFindingsWithTheFailOnThreshold() throws IOException {
        Path local = Path.of("target", "cli-sarif-test", "single.yaml");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n"
                + "      ProductionVariants:\n        - {VariantName: A, ModelName: m, InstanceType: ml.m5.large,"
                + " InitialInstanceCount: 1}\n", StandardCharsets.UTF_8);
        CliRun sarif = CliRun.of("validate", "--no-config", "--format", "sarif", local.toString());
        assertThat(sarif.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        JsonNode run = new ObjectMapper().readTree(sarif.out()).at("/runs/0");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("sagemaker_variant_min_instances");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("target/cli-sarif-test/single.yaml");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(6);
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("sagemaker_variant_min_instances",
                "sagemaker_variant_burstable_instance");

        CliRun junit = CliRun.of("validate", "--no-config", "--format", "junit", "--fail-on", "none",
                local.toString());
        assertThat(junit.exitCode()).isZero();
        assertThat(junit.out()).contains("failures=\"0\"").contains("<system-out>")
                .contains("error: [sagemaker_variant_min_instances]");
    }
}
