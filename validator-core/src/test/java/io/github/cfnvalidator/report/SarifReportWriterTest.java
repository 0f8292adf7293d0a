package io.github.cfnvalidator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.cfnvalidator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output: valid against the official 2.1.0 schema, and carrying what GitHub code scanning reads. */
class SarifReportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    static final String PUBLIC_BUCKET = "Resources:\n"
            + "  # ünïcödé 😀 before the value moves nothing: columns are counted per line\n"
            + "  Logs:\n"
            + "    Type: AWS::S3::Bucket\n"
            + "    Properties:\n"
            + "      BucketName: \"😀😀\"\n"
            + "      AccessControl: PublicRead\n";

    @TempDir
    Path repo;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = repo.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private JsonNode sarif(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReportWriter(repo, repo).write(report, out);
        JsonNode doc = MAPPER.readTree(out.toString());
        Set<ValidationMessage> problems = schema.validate(doc);
        assertThat(problems).as("SARIF 2.1.0 schema violations").isEmpty();
        return doc;
    }

    @Test
    void findingsBecomeResultsWithRepoRelativeUrisAndUtf16Regions() throws IOException {
        write("infra/api.yaml", PUBLIC_BUCKET);
        Validator v = SampleRules.validator();
        JsonNode doc = sarif(v.validate(List.of(repo.resolve("infra"))));

        assertThat(doc.get("version").asText()).isEqualTo("2.1.0");
        assertThat(doc.get("$schema").asText()).endsWith("sarif-schema-2.1.0.json");
        JsonNode run = doc.get("runs").get(0);
        assertThat(run.get("columnKind").asText()).isEqualTo("utf16CodeUnits");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("cfn-validator");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).startsWith("file:").endsWith("/");

        JsonNode results = run.get("results");
        assertThat(results).hasSize(1);
        JsonNode r = results.get(0);
        assertThat(r.get("ruleId").asText()).isEqualTo("sample_public_bucket");
        assertThat(r.get("level").asText()).isEqualTo("error");
        assertThat(r.at("/message/text").asText())
                .isEqualTo("Bucket Logs is publicly readable. Fix: remove AccessControl: PublicRead");
        JsonNode loc = r.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("infra/api.yaml");
        assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(7);
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(22);
        assertThat(loc.at("/region/endLine").asInt()).isEqualTo(7);
        assertThat(loc.at("/region/endColumn").asInt()).isEqualTo(32);
        assertThat(r.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("Logs");
        assertThat(r.at("/relatedLocations/0/message/text").asText()).isEqualTo("declared as an S3 bucket here");
        assertThat(r.at("/relatedLocations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
        assertThat(r.at("/partialFingerprints/cfnValidatorFinding~1v1").asText()).matches("[0-9a-f]{32}:1");
        assertThat(r.at("/properties/jsonPointer").asText()).isEqualTo("/Resources/Logs/Properties/AccessControl");
        int index = r.get("ruleIndex").asInt();
        assertThat(run.at("/tool/driver/rules/" + index + "/id").asText()).isEqualTo("sample_public_bucket");
    }

    @Test
    void columnsCountUtf16CodeUnitsOnTheSameLine() throws IOException {
        write("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: \"😀\", "
                + "AccessControl: PublicRead}\n");
        JsonNode r = sarif(SampleRules.validator().validate(List.of(repo.resolve("t.yaml")))).at("/runs/0/results/0");
        // "    Properties: {BucketName: "😀", AccessControl: " is 50 UTF-16 code units (the emoji counts two).
        assertThat(r.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(51);
    }

    @Test
    void everyRuleThatRanIsListedWithDescriptionsHelpAndLevelEvenWithoutResults() throws IOException {
        write("clean.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      MessageRetentionPeriod: 60\n");
        JsonNode run = sarif(SampleRules.validator().validate(List.of(repo.resolve("clean.yaml")))).at("/runs/0");
        assertThat(run.get("results")).isEmpty();
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.findValuesAsText("id")).containsExactly("sample_public_bucket", "sample_queue_retention",
                "suppression_missing_reason", "suppression_unused");
        JsonNode bucket = rules.get(0);
        assertThat(bucket.get("id").asText()).isEqualTo("sample_public_bucket");
        assertThat(bucket.get("name").asText()).isEqualTo("SamplePublicBucket");
        assertThat(bucket.at("/shortDescription/text").asText()).isEqualTo("S3 buckets are not publicly readable.");
        assertThat(bucket.at("/fullDescription/text").asText()).contains("severity error");
        assertThat(bucket.at("/help/text").asText()).contains("docs/rules/sample_public_bucket.md");
        assertThat(bucket.at("/help/markdown").asText()).contains("`docs/rules/sample_public_bucket.md`");
        assertThat(bucket.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(bucket.has("helpUri")).isFalse();
        JsonNode queue = rules.get(1);
        assertThat(queue.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(queue.get("helpUri").asText()).isEqualTo("https://example.org/rules/sample_queue_retention");
    }

    @Test
    void warningsAndInfosMapToSarifLevels() throws IOException {
        write("q.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        Validator v = Validator.builder().rules(List.of(SampleRules.QUEUE_RETENTION))
                .severity("sample_queue_retention", Severity.INFO).build();
        JsonNode run = sarif(v.validate(List.of(repo.resolve("q.yaml")))).at("/runs/0");
        assertThat(run.at("/results/0/level").asText()).isEqualTo("note");
        assertThat(run.at("/tool/driver/rules/0/defaultConfiguration/level").asText()).isEqualTo("note");
    }

    @Test
    void inputErrorsAreResultsOfTheInputRuleAndSkippedFilesAreNotifications() throws IOException {
        write("t/broken.yaml", "Resources:\n  A: [1, 2\n");
        // a key written twice is read (the last one), not an input error
        write("t/dup.yaml", "Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n");
        write("t/tagged.yaml", "Resources:\n  A: {Type: X}\n  B: !GetAttr A.Arn\n");
        write("t/buildspec.yml", "version: 0.2\n");
        JsonNode run = sarif(SampleRules.validator().validate(List.of(repo.resolve("t")))).at("/runs/0");
        List<String> ids = new ArrayList<>();
        run.get("results").forEach(r -> ids.add(r.get("ruleId").asText()));
        assertThat(ids).containsOnly("input").hasSize(2);
        JsonNode broken = run.get("results").get(0);
        assertThat(broken.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("t/broken.yaml");
        assertThat(broken.at("/relatedLocations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        JsonNode tagged = run.get("results").get(1);
        assertThat(tagged.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("t/tagged.yaml");
        assertThat(tagged.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("input");
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .contains("t/buildspec.yml").contains("not a CloudFormation template");
    }

    @Test
    void fingerprintsSurviveLinesMovingAndDistinguishRepeatedFindings() throws IOException {
        Path t = write("a.yaml", PUBLIC_BUCKET);
        Validator v = SampleRules.validator();
        JsonNode before = sarif(v.validate(List.of(t))).at("/runs/0/results/0");
        Files.writeString(t, "# a new comment\n\n" + PUBLIC_BUCKET, StandardCharsets.UTF_8);
        JsonNode after = sarif(v.validate(List.of(t))).at("/runs/0/results/0");
        assertThat(after.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(9);
        assertThat(after.get("partialFingerprints")).isEqualTo(before.get("partialFingerprints"));

        Path other = write("b.yaml", PUBLIC_BUCKET);
        JsonNode elsewhere = sarif(v.validate(List.of(other))).at("/runs/0/results/0");
        assertThat(elsewhere.get("partialFingerprints")).isNotEqualTo(before.get("partialFingerprints"));
    }

    @Test
    void filesOutsideTheSourceRootGetAbsoluteFileUrisAndOddNamesAreEncoded() throws IOException {
        Path inside = write("with space/ä.yaml", PUBLIC_BUCKET);
        SarifReportWriter w = new SarifReportWriter(repo.resolve("with space"), repo);
        assertThat(w.uri("ä.yaml").uri()).isEqualTo("with%20space/%C3%A4.yaml");
        assertThat(w.uri(inside.toString()).uri()).isEqualTo("with%20space/%C3%A4.yaml");
        assertThat(w.uri("../../elsewhere/x.yaml").uri()).startsWith("file:/").endsWith("/elsewhere/x.yaml");
        assertThat(w.uri("../../elsewhere/x.yaml").baseId()).isNull();
        assertThat(new SarifReportWriter(repo, repo).uri("c:odd.yaml").uri()).isEqualTo("./c:odd.yaml");
    }

    @Test
    void theSchemaCheckItselfRejectsInvalidSarif() throws IOException {
        write("infra/api.yaml", PUBLIC_BUCKET);
        StringWriter out = new StringWriter();
        new SarifReportWriter(repo, repo).write(SampleRules.validator().validate(List.of(repo)), out);
        String broken = out.toString().replace("\"startLine\" : 7", "\"startLine\" : 0")
                .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
        assertThat(broken).isNotEqualTo(out.toString());
        assertThat(schema.validate(MAPPER.readTree(broken))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anEmptyReportIsValidSarif() throws IOException {
        JsonNode run = sarif(new Report(List.of())).at("/runs/0");
        assertThat(run.get("results")).isEmpty();
        assertThat(run.at("/tool/driver/rules")).isEmpty();
    }
}
