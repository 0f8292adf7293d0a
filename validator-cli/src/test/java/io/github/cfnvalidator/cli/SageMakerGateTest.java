package io.github.cfnvalidator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.TextReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headline rule through the CLI: exit codes, pinned parameters, unresolved severity, agreement with the library. */
class SageMakerGateTest {
    private static final String DEV_SINGLE = String.join("\n",
            "Parameters:",
            "  Env:",
            "    Type: String",
            "    AllowedValues: [dev, prod]",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "Resources:",
            "  Config:",
            "    Type: AWS::SageMaker::EndpointConfig",
            "    Properties:",
            "      ProductionVariants:",
            "        - VariantName: AllTraffic",
            "          ModelName: m",
            "          InstanceType: ml.m5.large",
            "          InitialInstanceCount: !If [IsProd, 2, 1]",
            "");
    private static final String COMPLIANT = String.join("\n",
            "Parameters:",
            "  InitialInstanceCount: {Type: Number, Default: 2, MinValue: 2}",
            "Resources:",
            "  Config:",
            "    Type: AWS::SageMaker::EndpointConfig",
            "    Properties:",
            "      ProductionVariants:",
            "        - {VariantName: AllTraffic, ModelName: m, InstanceType: ml.m5.large,",
            "           InitialInstanceCount: !Ref InitialInstanceCount}",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void failingTemplateExitsOneWithTheWitnessAndItsLocation() throws IOException {
        Path t = write("endpoint.yaml", DEV_SINGLE);
        CliRun r = CliRun.of("validate", t.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.VIOLATIONS);
        assertThat(r.out()).contains(t + ":15:33: error: [sagemaker_variant_min_instances] EndpointConfig Config -> "
                + "variant AllTraffic can start with 1 instance (Env=dev gives 1)");
        assertThat(r.out()).contains("1 error(s), 0 warning(s) in 1 template(s)");
    }

    @Test
    void compliantTemplateFromTheIssueExitsZero() throws IOException {
        CliRun r = CliRun.of("validate", write("ok.yaml", COMPLIANT).toString());
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void pinningProdWithAParameterFileMakesTheDevOnlySingleInstanceIrrelevant() throws IOException {
        Path t = write("endpoint.yaml", DEV_SINGLE);
        Path prodList = write("prod.json", "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}]");
        Path prodConfig = write("prod-config.json", "{\"Parameters\": {\"Env\": \"prod\"}}");
        Path prodLines = write("prod.properties", "Env=prod\n");
        Path dev = write("dev.properties", "Env=dev\n");
        for (Path p : List.of(prodList, prodConfig, prodLines)) {
            assertThat(CliRun.of("validate", "--parameters", p.toString(), t.toString()).exitCode())
                    .as(p.toString()).isZero();
        }
        CliRun devRun = CliRun.of("validate", "--parameters", dev.toString(), t.toString());
        assertThat(devRun.exitCode()).isEqualTo(1);
        assertThat(devRun.out()).contains("every deployment gives 1");
    }

    @Test
    void unresolvedValuesAreWarningsUnlessAskedOtherwise() throws IOException {
        Path t = write("imported.yaml", COMPLIANT.replace("!Ref InitialInstanceCount", "!ImportValue Count"));
        CliRun warn = CliRun.of("validate", t.toString());
        assertThat(warn.exitCode()).isZero();
        assertThat(warn.out()).contains("warning: [sagemaker_variant_min_instances]")
                .contains("cannot be verified before deploy");
        assertThat(CliRun.of("validate", "--fail-on", "warning", t.toString()).exitCode()).isEqualTo(1);
        CliRun err = CliRun.of("validate", "--unresolved", "error", t.toString());
        assertThat(err.exitCode()).isEqualTo(1);
        assertThat(err.out()).contains("error: [sagemaker_variant_min_instances]");
    }

    @Test
    void skippingTheRuleSilencesIt() throws IOException {
        Path t = write("endpoint.yaml", DEV_SINGLE);
        assertThat(CliRun.of("validate", "--skip-rule", "sagemaker_variant_min_instances", t.toString()).exitCode())
                .isZero();
    }

    @Test
    void cliAndLibraryPrintTheSameFindings() throws IOException {
        Path t = write("endpoint.yaml", DEV_SINGLE);
        FileReport lib = Validator.builder().build().validate(t);
        CliRun r = CliRun.of("validate", t.toString());
        assertThat(lib.findings()).hasSize(1);
        assertThat(r.out()).contains(TextReportWriter.line(lib.findings().get(0)));
    }
}
