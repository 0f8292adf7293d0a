package io.github.cfnvalidator.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report formats every front end offers, each with its writer and its usual file name (docs/report-formats.md).
 * A new format is a value here plus its {@link ReportWriter}.
 */
public enum ReportFormat {
    /** {@code path:line:col: severity: [rule] message}, one line per finding, then a summary line. */
    TEXT("cfn-validator.txt"),
    /** The JSON report. */
    JSON("cfn-validator.json"),
    /** SARIF 2.1.0 for code scanning. */
    SARIF("cfn-validator.sarif"),
    /** JUnit XML in Surefire's shape; findings at or above the threshold are test failures. */
    JUNIT(JUnitReportWriter.FILE_NAME);

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The lower-case name used in options: {@code text}, {@code json}, {@code sarif}, {@code junit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file name of this format's report, e.g. {@code cfn-validator.sarif}. */
    public String defaultFileName() {
        return fileName;
    }

    /** The file name extension, without the dot: {@code txt}, {@code json}, {@code sarif}, {@code xml}. */
    public String extension() {
        return fileName.substring(fileName.lastIndexOf('.') + 1);
    }

    /**
     * The writer for this format.
     *
     * @param threshold   the run's threshold (JUnit failures)
     * @param displayBase the folder the report's file paths are relative to (the working directory for the CLI, the
     *                    project base directory for the Maven plugin); SARIF resolves them against it
     * @param sourceRoot  the folder SARIF URIs are relative to
     */
    public ReportWriter writer(Threshold threshold, Path displayBase, Path sourceRoot) {
        switch (this) {
            case JSON:
                return new JsonReportWriter();
            case SARIF:
                return new SarifReportWriter(displayBase, sourceRoot);
            case JUNIT:
                return new JUnitReportWriter(threshold.severity());
            default:
                return new TextReportWriter();
        }
    }

    /**
     * Parses one format name in any case.
     *
     * @throws IllegalArgumentException {@code unknown report format 'x' (expected sarif, junit, json or text)}
     */
    public static ReportFormat parse(String text) {
        String v = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + (text == null ? "" : text.trim())
                + "' (expected sarif, junit, json or text)");
    }

    /** Parses names, each of which may hold several separated by commas; blanks are ignored, repeats kept once. */
    public static List<ReportFormat> parseAll(Collection<String> names) {
        Set<ReportFormat> out = new LinkedHashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            for (String part : name.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(part));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
