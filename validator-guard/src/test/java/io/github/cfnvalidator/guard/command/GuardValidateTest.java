package io.github.cfnvalidator.guard.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guard validate}: the structured reports are those of cfn-guard 3.1.1 byte for byte (the expected files were
 * written by cfn-guard 3.1.1 from the same rules and template), SARIF positions are 1-based, and exit codes follow
 * cfn-guard's.
 */
class GuardValidateTest {
    private static final Path DIR = Path.of("src/test/resources/guard-reports");

    record Run(int code, String out, String err) {
    }

    static Run run(List<String> rules, List<String> data, String format, boolean structured, String... summary) {
        return run(rules, data, format, structured, InputStream.nullInputStream(), summary);
    }

    static Run run(List<String> rules, List<String> data, String format, boolean structured, InputStream in,
                   String... summary) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        GuardValidate.Options o = new GuardValidate.Options(rules, data, List.of(), format,
                summary.length == 0 ? List.of("fail") : List.of(summary), structured, false, false, false, false,
                GuardOptions.DEFAULT, false, 2);
        int code = GuardValidate.run(o, in, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String normalise(String report) throws Exception {
        return report.replace(DIR.resolve("template.yaml").toRealPath().toString(), "TEMPLATE");
    }

    @Test
    void structuredJsonAndYamlAreCfnGuards() throws Exception {
        Run json = run(List.of(DIR.resolve("s3.guard").toString()), List.of(DIR.resolve("template.yaml").toString()),
                "json", true, "none");
        assertThat(json.code()).isEqualTo(GuardValidate.FAILURE);
        assertThat(normalise(json.out())).isEqualTo(Files.readString(DIR.resolve("expected.json")));
        Run yaml = run(List.of(DIR.resolve("s3.guard").toString()), List.of(DIR.resolve("template.yaml").toString()),
                "yaml", true, "none");
        assertThat(normalise(yaml.out())).isEqualTo(Files.readString(DIR.resolve("expected.yaml")));
    }

    /**
     * Duplicate keys in data, YAML and JSON, at the top level, among logical ids and in properties: cfn-guard 3.1.1
     * keeps the last value in the first key's place, and so do we. The expected reports were written by cfn-guard
     * 3.1.1 ({@code validate -o json --structured --show-summary none}, file name replaced by DATA).
     */
    @Test
    void duplicateKeysInDataKeepTheLastValueAsCfnGuardDoes() throws Exception {
        Path dir = DIR.resolve("duplicate-keys");
        for (String[] c : new String[][] {{"first", "t.yaml"}, {"first", "t.json"}, {"order", "t2.yaml"},
                {"order", "t2.json"}, {"order", "t4.yaml"}}) {
            Path data = dir.resolve(c[1]);
            Run r = run(List.of(dir.resolve(c[0] + ".guard").toString()), List.of(data.toString()), "json", true,
                    "none");
            assertThat(r.code()).as(c[1]).isEqualTo(GuardValidate.FAILURE);
            String expected = Files.readString(dir.resolve("expected-" + c[0] + "-" + c[1] + ".json"));
            assertThat(r.out().replace(data.toRealPath().toString(), "DATA").replace(data.toString(), "DATA"))
                    .as(c[1]).isEqualTo(expected);
        }
    }

    @Test
    void sarifPointsAtTheOffendingValueOneBased() throws Exception {
        Run sarif = run(List.of(DIR.resolve("s3.guard").toString()), List.of(DIR.resolve("template.yaml").toString()),
                "sarif", true, "none");
        JsonNode root = new ObjectMapper().readTree(sarif.out());
        JsonNode results = root.path("runs").get(0).path("results");
        JsonNode versioning = null;
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals("S3_VERSIONED")) {
                versioning = r;
            }
        }
        assertThat(versioning).isNotNull();
        JsonNode region = versioning.path("locations").get(0).path("physicalLocation").path("region");
        // "Status: Suspended" is on line 8, the value starts in column 17
        assertThat(region.path("startLine").asInt()).isEqualTo(8);
        assertThat(region.path("startColumn").asInt()).isEqualTo(17);
        assertThat(versioning.path("message").path("text").asText()).contains("[S3.1]: Buckets keep versions");
    }

    @Test
    void singleLineSummaryTableAsCfnGuard() {
        Run plain = run(List.of(DIR.resolve("s3.guard").toString()), List.of(DIR.resolve("template.yaml").toString()),
                "single-line-summary", false, "all");
        assertThat(plain.out()).contains(" Status = FAIL\nFAILED rules\n").contains("s3.guard/s3_named         FAIL\n")
                .contains("s3.guard/s3_versioned     FAIL\n").contains("---\n");
        assertThat(plain.out()).contains("line 8, column 17");
    }

    @Test
    void exitCodes(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.guard");
        Files.writeString(ok, "rule ok { Resources exists }\n");
        Path bad = dir.resolve("bad.guard");
        Files.writeString(bad, "rule bad {\n  Resources exists\n");
        Path broken = dir.resolve("broken.guard");
        Files.writeString(broken, "rule broken { Resources.X.Y is_string\n  nothere_rule\n}\n");
        String t = DIR.resolve("template.yaml").toString();
        assertThat(run(List.of(ok.toString()), List.of(t), "json", true, "none").code()).isZero();
        Run parse = run(List.of(bad.toString()), List.of(t), "json", true, "none");
        assertThat(parse.code()).isEqualTo(GuardValidate.PARSE_ERROR);
        assertThat(parse.err()).contains("bad.guard:3:1");
        // a parse error and a failure: in structured mode the failure's 19 wins, as in cfn-guard
        assertThat(run(List.of(bad.toString(), DIR.resolve("s3.guard").toString()), List.of(t), "json", true,
                "none").code()).isEqualTo(GuardValidate.FAILURE);
        Run error = run(List.of(broken.toString()), List.of(t), "json", true, "none");
        assertThat(error.code()).isEqualTo(GuardValidate.ERROR);
        assertThat(error.out()).isEmpty();
        assertThat(error.err()).contains("Error occurred").contains("nothere_rule");
        assertThat(run(List.of(ok.toString()), List.of(dir.resolve("missing.yaml").toString()), "json", true,
                "none").err()).contains("does not exist");
        assertThat(run(List.of(ok.toString()), List.of(t), "junit", false).code()).isEqualTo(GuardValidate.ERROR);
        Path selfish = dir.resolve("selfish.guard");
        Files.writeString(selfish, "rule a {\n  b\n}\nrule b {\n  a\n}\n");
        Run loop = run(List.of(selfish.toString()), List.of(t), "json", true, "none");
        assertThat(loop.code()).isEqualTo(GuardValidate.ERROR);
        assertThat(loop.err()).contains("depends on itself");
    }

    @Test
    void readsDataFromStandardInputAndPayloads() {
        String doc = "Resources:\n  A:\n    Type: X\n";
        Run stdin = run(List.of(DIR.resolve("s3.guard").toString()), List.of(), "json", true,
                new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "none");
        assertThat(stdin.code()).isZero();
        assertThat(stdin.out()).contains("\"name\": \"STDIN\"");

        String payload = "{\"rules\": [\"rule r { Resources.A.Type == 'Y' }\"], \"data\": [\"" + doc.replace("\n",
                "\\n") + "\"]}";
        StringWriter out = new StringWriter();
        GuardValidate.Options o = new GuardValidate.Options(List.of(), List.of(), List.of(), "json", List.of("none"),
                true, false, false, false, true, GuardOptions.DEFAULT, false, 1);
        int code = GuardValidate.run(o, new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isEqualTo(GuardValidate.FAILURE);
        assertThat(out.toString()).contains("DATA_STDIN[1]").contains("\"r\"");
    }

    @Test
    void unreadableDataStopsTheRunWith255(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("numeric-keys.yaml");
        Files.writeString(data, "Mappings:\n  M:\n    1: {a: b}\n");
        Run r = run(List.of(DIR.resolve("s3.guard").toString()), List.of(data.toString()), "json", true, "none");
        assertThat(r.code()).isEqualTo(GuardValidate.ERROR);
        assertThat(r.err()).contains("string types");
    }
}
