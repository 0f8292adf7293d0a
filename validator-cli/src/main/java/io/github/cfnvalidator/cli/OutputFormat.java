package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.report.JUnitReportWriter;
import io.github.cfnvalidator.report.JsonReportWriter;
import io.github.cfnvalidator.report.ReportWriter;
import io.github.cfnvalidator.report.SarifReportWriter;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.TextReportWriter;
import java.nio.file.Path;

/** The report formats the CLI can write; the writers are validator-core's, shared with the Maven plugin. */
public enum OutputFormat {
    /** {@code path:line:col: severity: [rule] message}, one line per finding. */
    TEXT,
    /** The JSON report (docs/report-formats.md). */
    JSON,
    /** SARIF 2.1.0 for GitHub code scanning; URIs relative to the working directory. */
    SARIF,
    /** JUnit XML in Surefire's shape; findings at or above {@code --fail-on} are test failures. */
    JUNIT;

    /**
     * The writer for this format.
     *
     * @param failOn     the build threshold (JUnit failures)
     * @param workingDir the folder paths are shown relative to and SARIF URIs are made relative to
     */
    ReportWriter writer(Severity failOn, Path workingDir) {
        switch (this) {
            case JSON:
                return new JsonReportWriter();
            case SARIF:
                return new SarifReportWriter(workingDir, workingDir);
            case JUNIT:
                return new JUnitReportWriter(failOn);
            default:
                return new TextReportWriter();
        }
    }
}
