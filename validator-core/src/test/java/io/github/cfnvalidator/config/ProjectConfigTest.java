package io.github.cfnvalidator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.template.TemplateParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cfn-validator.yaml. */
class ProjectConfigTest {
    @TempDir
    Path dir;

    private ProjectConfig read(String yaml) throws Exception {
        Path f = dir.resolve(ProjectConfig.FILE_NAME);
        Files.writeString(f, yaml);
        return ProjectConfig.read(f);
    }

    @Test
    void everySettingIsRead() throws Exception {
        ProjectConfig c = read(String.join("\n",
                "rules:",
                "  sagemaker_variant_burstable_instance: off",
                "  sagemaker_model_image_pinned: error",
                "  sagemaker_endpoint_auto_rollback: {severity: info}",
                "  sagemaker_autoscaling_min_capacity: {enabled: false}",
                "unresolved: error",
                "failOn: warning",
                "parameters:",
                "  - params/common.json",
                "  - {path: 'templates/prod/**', file: params/prod.json}",
                "guardRules: [policy/]",
                "baseline: known.json",
                ""));
        assertThat(c.disabledRules()).containsExactly("sagemaker_autoscaling_min_capacity",
                "sagemaker_variant_burstable_instance");
        assertThat(c.severities()).containsEntry("sagemaker_model_image_pinned", Severity.ERROR)
                .containsEntry("sagemaker_endpoint_auto_rollback", Severity.INFO);
        assertThat(c.unresolved()).contains(Severity.ERROR);
        assertThat(c.failOn()).contains(io.github.cfnvalidator.report.Threshold.WARNING);
        assertThat(c.parameters()).hasSize(2);
        assertThat(c.parameters().get(0).glob()).isNull();
        assertThat(c.parameters().get(0).file()).isEqualTo(dir.resolve("params/common.json"));
        assertThat(c.parameters().get(1).glob()).isEqualTo("templates/prod/**");
        assertThat(c.guardRules()).containsExactly(dir.resolve("policy/"));
        assertThat(c.baseline()).contains(dir.resolve("known.json"));
    }

    @Test
    void emptyFileIsAnEmptyConfiguration() throws Exception {
        assertThat(read("").rules()).isEmpty();
    }

    @Test
    void mistakesAreReportedWithTheirPosition() {
        assertThatThrownBy(() -> read("rules:\n  x: sometimes\n"))
                .isInstanceOf(TemplateParseException.class)
                .hasMessageContaining("cfn-validator.yaml:2:6").hasMessageContaining("'sometimes'");
        assertThatThrownBy(() -> read("rule:\n  x: off\n")).hasMessageContaining("unknown key 'rule'");
        assertThatThrownBy(() -> read("unresolved: info\n")).hasMessageContaining("warning or error");
        assertThatThrownBy(() -> read("parameters:\n  - {path: a}\n")).hasMessageContaining("needs a file");
        assertThatThrownBy(() -> read("rules: [a\n")).hasMessageContaining("not valid YAML");
    }
}
