package io.github.cfnvalidator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.report.JUnitReportWriter;
import io.github.cfnvalidator.report.JsonReportWriter;
import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.SarifReportWriter;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Summary;
import io.github.cfnvalidator.report.TextReportWriter;
import io.github.cfnvalidator.report.Threshold;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one encoding of the fail threshold and of report formats that every front end parses into. */
class ThresholdAndFormatTest {
    @Test
    void thresholdsParseInAnyCaseAndCountFindingsAtOrAboveThem() {
        assertThat(Threshold.parse(" Warning ")).isEqualTo(Threshold.WARNING);
        assertThat(Threshold.parse("info").severity()).isEqualTo(Severity.INFO);
        assertThat(Threshold.parse("NONE").severity()).isNull();
        assertThatThrownBy(() -> Threshold.parse("fatal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be error, warning, info or none, not 'fatal'");
        assertThatThrownBy(() -> Threshold.parse(null)).hasMessageContaining("not 'null'");
        Summary s = new Summary(1, 1, 0, 0, 1, 2, 3);
        assertThat(List.of(Threshold.ERROR, Threshold.WARNING, Threshold.INFO, Threshold.NONE))
                .extracting(t -> t.violations(s)).containsExactly(1, 3, 6, 0);
        assertThat(Threshold.NONE.label()).isEqualTo("none");
    }

    @Test
    void formatsParseListsAndMakeTheirWriters() {
        assertThat(ReportFormat.parseAll(List.of("SARIF", "junit, json", " ", "sarif")))
                .containsExactly(ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.JSON);
        assertThatThrownBy(() -> ReportFormat.parse(" pdf ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'pdf' (expected sarif, junit, json or text)");
        Path here = Path.of("");
        assertThat(ReportFormat.TEXT.writer(Threshold.ERROR, here, here)).isInstanceOf(TextReportWriter.class);
        assertThat(ReportFormat.JSON.writer(Threshold.ERROR, here, here)).isInstanceOf(JsonReportWriter.class);
        assertThat(ReportFormat.SARIF.writer(Threshold.ERROR, here, here)).isInstanceOf(SarifReportWriter.class);
        assertThat(ReportFormat.JUNIT.writer(Threshold.NONE, here, here)).isInstanceOf(JUnitReportWriter.class);
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.writer(Threshold.ERROR, here, here).defaultFileName()).isEqualTo(f.defaultFileName());
            assertThat(f.defaultFileName()).endsWith("." + f.extension());
        }
        assertThat(ReportFormat.JUNIT.extension()).isEqualTo("xml");
    }
}
