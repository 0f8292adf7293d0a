package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.report.JsonReportWriter;
import io.github.cfnvalidator.report.ReportWriter;
import io.github.cfnvalidator.report.TextReportWriter;

/** The report formats the CLI can write. */
public enum OutputFormat {
    /** {@code path:line:col: severity: [rule] message}, one line per finding. */
    TEXT,
    /** The JSON report (docs/report-formats.md). */
    JSON;

    /** The writer for this format. */
    ReportWriter writer() {
        switch (this) {
            case JSON:
                return new JsonReportWriter();
            default:
                return new TextReportWriter();
        }
    }
}
