package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.guard.command.GuardValidate;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.run.Run;
import io.github.cfnvalidator.run.RunResult;
import io.github.cfnvalidator.run.RunSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guard rules over Terraform plan JSON: native rules (through the run layer) see the plan's own keys and its resources
 * as a template; drop-in {@code guard validate} reads the plan as any JSON.
 */
class TerraformGuardTest {
    private static final String PLAN = "sagemaker_variant_min_instances/terraform_plan_for_each_module_fails.json";

    @TempDir
    Path dir;

    private static String fixture(String name) throws IOException {
        try (InputStream in = TerraformGuardTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
    void guardRulesReadThePlanAsJsonAndItsResourcesAsATemplate() throws Exception {
        write("infra/tfplan.json", fixture(PLAN));
        write("policy/plan.guard", String.join("\n",
                "let configs = resource_changes[ type == 'aws_sagemaker_endpoint_configuration' ]",
                "rule tf_two_instances when %configs !empty {",
                "  %configs.change.after.production_variants[*].initial_instance_count exists",
                "    <<known only after apply, or set>>",
                "}",
                "let cfn = Resources.*[ Type == 'AWS::SageMaker::EndpointConfig' ]",
                "rule cfn_shape_two_instances when %cfn !empty {",
                "  %cfn.Properties.ProductionVariants[ InstanceType exists ].InitialInstanceCount >= 2",
                "}",
                ""));
        RunResult r = run(RunSettings.builder().noConfig().skipRules(List.of("sagemaker_variant_min_instances",
                "sagemaker_variant_burstable_instance")).guardRules(List.of(Path.of("policy/plan.guard"))));
        assertThat(r.problems()).isEmpty();
        assertThat(findings(r)).anyMatch(s -> s.startsWith("tf_two_instances"))
                .anyMatch(s -> s.startsWith("cfn_shape_two_instances"));
    }

    @Test
    void theDropInGuardValidateReadsThePlanAsAnyJson() throws Exception {
        write("infra/tfplan.json", fixture(PLAN));
        write("policy/plan.guard", String.join("\n",
                "let variants = resource_changes[ type == 'aws_sagemaker_endpoint_configuration' ]"
                        + ".change.after.production_variants[ instance_type exists ]",
                "rule tf_two_instances when %variants !empty {",
                "  %variants.initial_instance_count >= 2",
                "}",
                ""));
        java.io.StringWriter out = new java.io.StringWriter();
        GuardValidate.Options o = new GuardValidate.Options(
                List.of(dir.resolve("policy/plan.guard").toString()), List.of(dir.resolve("infra/tfplan.json")
                .toString()), List.of(), "single-line-summary", List.of("fail"), false, false, false, false, false,
                GuardOptions.DEFAULT, false, 2);
        int code = GuardValidate.run(o, java.io.InputStream.nullInputStream(),
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(code).isEqualTo(GuardValidate.FAILURE);
        assertThat(out.toString()).contains("tf_two_instances");
    }
}
