package io.github.cfnvalidator.report;

import java.io.IOException;
import java.io.Writer;

/** Formats a {@link Report}; one implementation per output format. */
public interface ReportWriter {
    /** Writes the report. */
    void write(Report report, Writer out) throws IOException;

    /** The usual file name for this format's report, e.g. {@code cfn-validator.sarif}. */
    String defaultFileName();
}
