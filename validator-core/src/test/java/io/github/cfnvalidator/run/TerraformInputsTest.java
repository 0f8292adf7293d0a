package io.github.cfnvalidator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform plan JSON and describe output wherever templates are accepted: found in folders, named by address,
 * suppressed by address in cfn-validator.yaml (with a reason) and baselined (Guard rules over plans: validator-guard's
 * TerraformGuardTest).
 */
class TerraformInputsTest {
    private static final String PLAN = "sagemaker_variant_min_instances/terraform_plan_for_each_module_fails.json";
    private static final String DESCRIBE = "sagemaker_variant_min_instances/describe_endpoint_config_one_instance_fails"
            + ".json";
    private static final String DEV = "module.serving.aws_sagemaker_endpoint_configuration.this[\"dev\"]";

    @TempDir
    Path dir;

    private static String fixture(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(TerraformInputsTest.class.getResource("/fixtures/" + name).toURI()),
                StandardCharsets.UTF_8);
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private RunResult run(RunSettings.Builder b) {
        return Run.execute(b.projectDir(dir).paths(List.of(Path.of("infra"))).build());
    }

    private static List<String> findings(RunResult r) {
        return r.report().allFindings().stream().map(f -> f.ruleId() + " " + f.resource()).toList();
    }

    @Test
    void plansAndDescribeOutputInAFolderAreCheckedOtherJsonIsSkipped() throws Exception {
        write("infra/tfplan.json", fixture(PLAN));
        write("infra/audit/describe.json", fixture(DESCRIBE));
        write("infra/package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        RunResult r = run(RunSettings.builder().noConfig());
        assertThat(r.report().files()).extracting(FileReport::path)
                .containsExactly("infra/audit/describe.json", "infra/package.json", "infra/tfplan.json");
        assertThat(r.report().files().get(1).isSkipped()).isTrue();
        assertThat(findings(r)).contains("sagemaker_variant_min_instances fraud-config-2026-11-02",
                "sagemaker_variant_min_instances " + DEV);
        Finding dev = r.report().allFindings().stream().filter(f -> DEV.equals(f.resource())).findFirst()
                .orElseThrow();
        assertThat(dev.location().file()).isEqualTo("infra/tfplan.json");
        assertThat(dev.location().line()).isEqualTo(347);
        assertThat(dev.path()).isEqualTo("/resource_changes/2/change/after/production_variants/0/"
                + "initial_instance_count");
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATIONS);
    }

    @Test
    void aSuppressionByAddressInTheProjectConfigHidesThatResourceOnly() throws Exception {
        write("infra/tfplan.json", fixture(PLAN));
        write("cfn-validator.yaml", String.join("\n",
                "suppressions:",
                "  - rule: sagemaker_variant_min_instances",
                "    resource: '" + DEV + "'",
                "    path: 'infra/*.json'",
                "    reason: the dev endpoint is torn down every night",
                "  - rule: sagemaker_variant_min_instances",
                "    resource: 'aws_sagemaker_endpoint_configuration.shadow[0]'",
                "    path: 'elsewhere/**'",
                "    reason: does not match this file",
                ""));
        RunResult r = run(RunSettings.builder());
        assertThat(r.problems()).isEmpty();
        assertThat(findings(r)).containsExactly(
                "sagemaker_variant_min_instances aws_sagemaker_endpoint_configuration.shadow[0]");
    }

    @Test
    void aSuppressionWithoutAReasonIsAConfigurationError() throws Exception {
        write("infra/tfplan.json", fixture(PLAN));
        write("cfn-validator.yaml", "suppressions:\n  - {rule: sagemaker_variant_min_instances, resource: x}\n");
        RunResult r = run(RunSettings.builder());
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(InputProblem.Kind.CONFIG);
            assertThat(p.problem().message()).contains("needs a reason");
            assertThat(p.problem().location().line()).isEqualTo(2);
        });
    }

    @Test
    void aBaselineRecordsPlanFindingsAndHidesThemNextTime() throws Exception {
        write("infra/tfplan.json", fixture(PLAN));
        RunResult first = run(RunSettings.builder().noConfig().writeBaseline(Path.of("baseline.json")));
        assertThat(first.verdict()).isEqualTo(Verdict.PASS);
        RunResult second = run(RunSettings.builder().noConfig().baseline(Path.of("baseline.json")));
        assertThat(second.report().allFindings()).isEmpty();
        assertThat(second.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void inputKindsAreRecognisedByContent() throws Exception {
        TemplateReader reader = new TemplateReader();
        assertThat(Template.inputKind(reader.readDocument("a.json", fixture(PLAN))))
                .isEqualTo(Template.InputKind.TERRAFORM_PLAN);
        assertThat(Template.inputKind(reader.readDocument("b.json", fixture(DESCRIBE))))
                .isEqualTo(Template.InputKind.DESCRIBE_ENDPOINT_CONFIG);
        assertThat(Template.inputKind(reader.readDocument("c.json", fixture(
                "sagemaker_endpoint_auto_rollback/describe_endpoint_canary_passes.json"))))
                .isEqualTo(Template.InputKind.DESCRIBE_ENDPOINT);
        assertThat(Template.inputKind(reader.readDocument("d.json", "{\"Resources\": {\"format_version\": 1}}")))
                .isEqualTo(Template.InputKind.CLOUDFORMATION);
        Template empty = Template.of(reader.readDocument("e.json", "{\"format_version\": \"1.2\", "
                + "\"planned_values\": {\"root_module\": {}}}"));
        assertThat(empty.resources()).isEmpty();
    }
}
