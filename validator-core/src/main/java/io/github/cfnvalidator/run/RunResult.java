package io.github.cfnvalidator.run;

import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.ReportWriter;
import io.github.cfnvalidator.report.Threshold;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run found and what it means: the report, the input problems as their own typed list, what the baselines
 * did, and the verdict against the threshold. Writing reports is offered here so that every front end writes them
 * the same way.
 */
public final class RunResult {
    private final Report report;
    private final List<InputProblem> problems;
    private final BaselineOutcome baseline;
    private final Threshold threshold;
    private final Names names;
    private final RunSettings settings;

    RunResult(Report report, List<InputProblem> problems, BaselineOutcome baseline, Threshold threshold, Names names,
              RunSettings settings) {
        this.report = report;
        this.problems = List.copyOf(problems);
        this.baseline = baseline;
        this.threshold = threshold;
        this.names = names;
        this.settings = settings;
    }

    /**
     * The report every writer formats: findings after the baseline, one entry per template and document in input
     * order, preceded by one failed entry per configuration, Guard rule, baseline or parameter file that could not
     * be used (the layout the text, JSON, SARIF and JUnit reports have always had).
     */
    public Report report() {
        return report;
    }

    /** Every input problem, typed: configuration, Guard rule, baseline and parameter files first, then templates. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** What the baselines did. */
    public BaselineOutcome baseline() {
        return baseline;
    }

    /** The threshold the verdict was judged against. */
    public Threshold threshold() {
        return threshold;
    }

    /** How many reported findings are at or above the threshold. */
    public int violations() {
        return threshold.violations(report.summary());
    }

    /**
     * The verdict: {@link Verdict#INPUT_ERROR} when an input could not be used or the baseline could not be
     * written; otherwise {@link Verdict#PASS} when a baseline was written (today's findings are recorded, not
     * judged) or nothing is at or above the threshold; else {@link Verdict#VIOLATIONS}.
     */
    public Verdict verdict() {
        boolean writeFailed = baseline.written().map(w -> w.error().isPresent()).orElse(false);
        if (!problems.isEmpty() || writeFailed) {
            return Verdict.INPUT_ERROR;
        }
        if (baseline.written().isPresent()) {
            return Verdict.PASS;
        }
        return violations() > 0 ? Verdict.VIOLATIONS : Verdict.PASS;
    }

    /** The writer of a format, set up for this run (threshold, the folder paths are relative to, source root). */
    public ReportWriter writer(ReportFormat format) {
        Path base = names.displayBase();
        Path root = settings.sourceRoot() != null ? names.resolve(settings.sourceRoot()) : base;
        return format.writer(threshold, base, root);
    }

    /** Writes the report in a format. */
    public void write(ReportFormat format, Writer out) throws IOException {
        writer(format).write(report, out);
    }

    /**
     * Writes the settings' report files, creating their folders.
     *
     * @return the files written, in order
     * @throws IOException saying which report could not be written
     */
    public List<Path> writeOutputs() throws IOException {
        List<Path> written = new ArrayList<>();
        for (RunSettings.Output o : settings.outputs()) {
            Path file = names.resolve(o.file());
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    write(o.format(), w);
                }
            } catch (IOException e) {
                throw new IOException("cannot write the " + o.format().label() + " report " + file + ": "
                        + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }
}
