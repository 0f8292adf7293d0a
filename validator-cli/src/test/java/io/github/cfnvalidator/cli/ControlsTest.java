package io.github.cfnvalidator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project configuration, baselines, and the rules/explain commands through the CLI. */
class ControlsTest {
    private static final String TEMPLATE = String.join("\n",
            "Parameters:",
            "  Env: {Type: String, AllowedValues: [dev, prod]}",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "Resources:",
            "  Config:",
            "    Type: AWS::SageMaker::EndpointConfig",
            "    Properties:",
            "      ProductionVariants:",
            "        - VariantName: primary",
            "          ModelName: m",
            "          InstanceType: !If [IsProd, ml.c5.xlarge, ml.t2.medium]",
            "          InitialInstanceCount: !If [IsProd, 2, 1]",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void configurationTurnsRulesOffChangesSeveritiesAndPinsParameters() throws IOException {
        Path t = write("templates/endpoint.yaml", TEMPLATE);
        CliRun plain = CliRun.of("validate", "--no-config", t.toString());
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.out()).contains("1 error(s), 1 warning(s)");

        Path off = write("off.yaml", "rules:\n  sagemaker_variant_min_instances: off\n"
                + "  sagemaker_variant_burstable_instance: error\n");
        CliRun r = CliRun.of("validate", "--config", off.toString(), t.toString());
        assertThat(r.out()).doesNotContain("sagemaker_variant_min_instances")
                .contains("error: [sagemaker_variant_burstable_instance]");
        assertThat(r.exitCode()).isEqualTo(1);

        write("params/prod.json", "{\"Parameters\": {\"Env\": \"prod\"}}");
        Path prod = write("prod.yaml", "parameters:\n  - {path: 'templates/**', file: params/prod.json}\n");
        assertThat(CliRun.of("validate", "--config", prod.toString(), t.toString()).exitCode()).isZero();

        Path strict = write("strict.yaml", "failOn: warning\nrules:\n  sagemaker_variant_min_instances: off\n");
        assertThat(CliRun.of("validate", "--config", strict.toString(), t.toString()).exitCode()).isEqualTo(1);
        // flags win over the file
        assertThat(CliRun.of("validate", "--config", strict.toString(), "--fail-on", "error", t.toString())
                .exitCode()).isZero();
    }

    @Test
    void badConfigurationIsAnInputErrorWithItsPosition() throws IOException {
        Path t = write("t.yaml", TEMPLATE);
        Path bad = write("bad.yaml", "rules:\n  sagemaker_variant_min_instances: sometimes\n");
        CliRun r = CliRun.of("validate", "--config", bad.toString(), t.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:2:36: error: [input] a rule setting is off, on, error, warning");
    }

    @Test
    void baselineRecordsTodayAndReportsOnlyNewFindings() throws IOException {
        Path t = write("t.yaml", TEMPLATE);
        Path baseline = dir.resolve("baseline.json");
        CliRun record = CliRun.of("validate", "--no-config", "--write-baseline", baseline.toString(), t.toString());
        assertThat(record.exitCode()).isZero();
        assertThat(record.out()).contains("baseline written: 2 finding(s)");

        CliRun again = CliRun.of("validate", "--no-config", "--baseline", baseline.toString(), t.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 error(s), 0 warning(s)").contains("2 known finding(s) in baseline");

        write("t.yaml", "# a comment moves every line down\n\n" + TEMPLATE.replace("ml.c5.xlarge, ml.t2.medium",
                "ml.c5.xlarge, ml.t2.medium]\n          InitialVariantWeight: !If [IsProd, 1, 1"));
        assertThat(CliRun.of("validate", "--no-config", "--baseline", baseline.toString(), t.toString()).exitCode())
                .isZero();

        write("u.yaml", TEMPLATE.replace("!If [IsProd, 2, 1]", "0"));
        CliRun grown = CliRun.of("validate", "--no-config", "--baseline", baseline.toString(), t.toString(),
                dir.resolve("u.yaml").toString());
        assertThat(grown.exitCode()).isEqualTo(1);
        assertThat(grown.out()).contains("u.yaml").doesNotContain("t.yaml:");
    }

    @Test
    void rulesAndExplain() {
        CliRun rules = CliRun.of("rules");
        assertThat(rules.exitCode()).isZero();
        assertThat(rules.out()).contains("sagemaker_variant_min_instances", "sagemaker_autoscaling_min_capacity",
                "sagemaker_endpoint_auto_rollback", "sagemaker_model_image_pinned",
                "sagemaker_variant_burstable_instance", "docs/rules/sagemaker_variant_min_instances.md");
        CliRun explain = CliRun.of("explain", "sagemaker_variant_min_instances");
        assertThat(explain.exitCode()).isZero();
        assertThat(explain.out()).startsWith("# sagemaker_variant_min_instances").contains("## Fixed example");
        assertThat(CliRun.of("explain", "no_such_rule").exitCode()).isEqualTo(2);
    }
}
