package io.github.cfnvalidator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfn-validator guard validate|test} and {@code validate --rules}: flags, outputs and exit codes. */
class GuardCommandTest {
    @TempDir
    Path dir;
    Path rules;
    Path template;

    @BeforeEach
    void files() throws Exception {
        rules = dir.resolve("s3.guard");
        Files.writeString(rules, """
                let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]
                rule s3_versioned when %buckets !empty {
                    %buckets.Properties.VersioningConfiguration.Status == "Enabled"
                        << [S3.1]: Buckets keep versions [FIX]: enable versioning >>
                }
                """);
        template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Logs:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration:
                        Status: Suspended
                """);
    }

    @Test
    void guardValidateGivesCfnGuardsReportAndExitCodes() throws Exception {
        CliRun r = CliRun.of("guard", "validate", "-r", rules.toString(), "-d", template.toString(), "-o", "json",
                "-z", "-S", "none");
        assertThat(r.exitCode()).isEqualTo(19);
        assertThat(r.out()).startsWith("[\n  {\n    \"name\": \"" + template.toRealPath() + "\"")
                .contains("\"not_compliant\": [").contains("\"name\": \"s3_versioned\"");
        Files.writeString(template, "Resources: {}\n");
        assertThat(CliRun.of("guard", "validate", "--rules", rules.toString(), "--data", template.toString())
                .exitCode()).isZero();
    }

    @Test
    void guardValidateOptionErrors() throws Exception {
        assertThat(CliRun.of("guard", "validate", "-d", template.toString()).exitCode()).isEqualTo(2);
        CliRun junit = CliRun.of("guard", "validate", "-r", rules.toString(), "-d", template.toString(), "-o",
                "junit");
        assertThat(junit.exitCode()).isEqualTo(255);
        assertThat(junit.err()).contains("the structured flag must be set");
        Path bad = dir.resolve("bad.guard");
        Files.writeString(bad, "rule bad {\n  Resources exists\n");
        CliRun parse = CliRun.of("guard", "validate", "-r", bad.toString(), "-d", template.toString());
        assertThat(parse.exitCode()).isEqualTo(5);
        assertThat(parse.err()).contains("bad.guard:3:1").doesNotContain("Exception");
    }

    @Test
    void guardValidateResolveComparesParameterDomains() throws Exception {
        Path sm = dir.resolve("sm.guard");
        Files.writeString(sm, """
                rule two when Resources.*[ Type == 'AWS::SageMaker::EndpointConfig' ] !empty {
                    Resources.*[ Type == 'AWS::SageMaker::EndpointConfig' ]
                        .Properties.ProductionVariants[*].InitialInstanceCount >= 2
                }
                """);
        Path t = dir.resolve("sm.yaml");
        Files.writeString(t, """
                Parameters:
                  Count: {Type: Number, MinValue: 2}
                Resources:
                  C:
                    Type: AWS::SageMaker::EndpointConfig
                    Properties:
                      ProductionVariants:
                        - {VariantName: a, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: !Ref Count}
                """);
        assertThat(CliRun.of("guard", "validate", "-r", sm.toString(), "-d", t.toString()).exitCode()).isEqualTo(19);
        assertThat(CliRun.of("guard", "validate", "--resolve", "-r", sm.toString(), "-d", t.toString()).exitCode())
                .isZero();
    }

    @Test
    void guardTestRunsSpecFiles() throws Exception {
        Path spec = dir.resolve("s3_tests.yaml");
        Files.writeString(spec, """
                - name: suspended
                  input: {Resources: {B: {Type: AWS::S3::Bucket, Properties: {VersioningConfiguration: {Status: Off}}}}}
                  expectations: {rules: {s3_versioned: FAIL}}
                - name: no buckets
                  input: {Resources: {}}
                  expectations: {rules: {s3_versioned: SKIP}}
                """);
        CliRun ok = CliRun.of("guard", "test", "-r", rules.toString(), "-t", spec.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("Test Case #2").contains("s3_versioned: Expected = SKIP");
        Files.writeString(spec, """
                - input: {Resources: {}}
                  expectations: {rules: {s3_versioned: PASS}}
                """);
        CliRun failed = CliRun.of("guard", "test", "-r", rules.toString(), "-t", spec.toString(), "-o", "json");
        assertThat(failed.exitCode()).isEqualTo(7);
        assertThat(failed.out()).contains("\"failed_rules\": [").contains("\"expected\": \"PASS\"");
    }

    @Test
    void validateRunsGuardRulesBesideTheBuiltIns() throws Exception {
        CliRun r = CliRun.of("validate", "--no-config", "--rules", rules.toString(), template.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("template.yaml:6:17: error: [s3_versioned] [S3.1]: Buckets keep versions "
                + "Fix: enable versioning");
        Path bad = dir.resolve("bad.guard");
        Files.writeString(bad, "rule bad {\n  Resources exists\n");
        CliRun broken = CliRun.of("validate", "--no-config", "--rules", bad.toString(), template.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out() + broken.err()).contains("bad.guard:3:1");
    }
}
