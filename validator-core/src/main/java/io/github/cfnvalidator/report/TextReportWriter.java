package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.io.Writer;

/**
 * The compiler-style text format: {@code path:line:col: severity: [rule_id] message} per finding and
 * {@code path:line:col: error: [input] message} per input error, then a summary line.
 */
public final class TextReportWriter implements ReportWriter {
    private final boolean showSkipped;

    /** A writer that also lists skipped files as notes. */
    public TextReportWriter() {
        this(true);
    }

    /** A writer; {@code showSkipped} adds a note line per skipped file. */
    public TextReportWriter(boolean showSkipped) {
        this.showSkipped = showSkipped;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (FileReport f : report.files()) {
            if (f.isSkipped()) {
                if (showSkipped) {
                    out.write(f.path() + ": note: skipped: " + f.skipped() + "\n");
                }
                continue;
            }
            for (ParseProblem p : f.errors()) {
                out.write(line(p));
                out.write('\n');
            }
            for (Finding x : f.findings()) {
                out.write(line(x));
                out.write('\n');
            }
        }
        out.write(report.summary().describe());
        out.write('\n');
    }

    /** One finding in the text format. */
    public static String line(Finding x) {
        return x.location().file() + ":" + x.location().line() + ":" + x.location().column() + ": "
                + x.severity().label() + ": [" + x.ruleId() + "] " + x.fullMessage();
    }

    /** One input error in the text format. */
    public static String line(ParseProblem p) {
        return p.location().file() + ":" + p.location().line() + ":" + p.location().column() + ": error: [input] "
                + p.message();
    }

    @Override
    public String defaultFileName() {
        return "cfn-validator.txt";
    }
}
