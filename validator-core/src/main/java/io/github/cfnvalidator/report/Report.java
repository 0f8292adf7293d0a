package io.github.cfnvalidator.report;

import java.util.Comparator;
import java.util.List;

/**
 * The result of one validation run: one {@link FileReport} per file, in the order the files were given, and the rules
 * that were applied (so that reports can list rules that found nothing).
 *
 * @param files the per-file reports
 * @param rules the rules that ran, sorted by id; may be empty when unknown
 */
public record Report(List<FileReport> files, List<RuleDescriptor> rules) {
    public Report {
        files = List.copyOf(files);
        rules = rules.stream().sorted(Comparator.comparing(RuleDescriptor::id)).distinct().toList();
    }

    /** A report that does not say which rules ran. */
    public Report(List<FileReport> files) {
        this(files, List.of());
    }

    /** The same rules with other files (e.g. input errors of parameter files put in front). */
    public Report withFiles(List<FileReport> newFiles) {
        return new Report(newFiles, rules);
    }

    /** Totals over all files. */
    public Summary summary() {
        int templates = 0;
        int skipped = 0;
        int invalid = 0;
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (FileReport f : files) {
            if (f.isSkipped()) {
                skipped++;
            } else if (f.hasErrors()) {
                invalid++;
            } else {
                templates++;
            }
            for (Finding x : f.findings()) {
                switch (x.severity()) {
                    case ERROR:
                        errors++;
                        break;
                    case WARNING:
                        warnings++;
                        break;
                    default:
                        infos++;
                }
            }
        }
        return new Summary(files.size(), templates, skipped, invalid, errors, warnings, infos);
    }

    /** Whether any file had input errors. */
    public boolean hasInputErrors() {
        return files.stream().anyMatch(FileReport::hasErrors);
    }

    /** All findings of all files. */
    public List<Finding> allFindings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }
}
