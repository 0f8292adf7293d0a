package io.github.cfnvalidator.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Threshold;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin's option mapping: strings from the POM or {@code -D} into the run layer's types, with the plugin's
 * messages. (Which files are checked is the run layer's walker, tested in validator-core's TemplateFinderTest.)
 */
class OptionsTest {
    @Test
    void optionsAreValidated() throws Exception {
        assertThat(CheckMojo.parseFormats(List.of("SARIF", "junit,json", " text ", "sarif")))
                .containsExactly(ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.JSON, ReportFormat.TEXT);
        assertThatThrownBy(() -> CheckMojo.parseFormats(List.of("pdf")))
                .hasMessage("formats: unknown report format 'pdf' (expected sarif, junit, json or text)");
        assertThat(CheckMojo.parseThreshold("none")).isEqualTo(Threshold.NONE);
        assertThat(CheckMojo.parseThreshold(" Info ")).isEqualTo(Threshold.INFO);
        assertThatThrownBy(() -> CheckMojo.parseThreshold("fatal"))
                .hasMessage("failOnSeverity must be error, warning, info or none, not 'fatal'");
        assertThat(CheckMojo.parseUnresolved("ERROR")).isEqualTo(Severity.ERROR);
        assertThatThrownBy(() -> CheckMojo.parseUnresolved("info")).hasMessageContaining("warning or error");
    }

    @Test
    void defaultIncludesAreTheWalkersTemplateExtensions() {
        assertThat(CheckMojo.DEFAULT_INCLUDES).containsExactly("**/*.yaml", "**/*.yml", "**/*.json",
                "**/*.template");
    }
}
