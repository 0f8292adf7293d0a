package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.ParseProblem;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What validation found in one file: its findings, or the input errors that kept it from being checked, or the note
 * that it was skipped because it is not a template.
 *
 * @param path     the file's path as displayed
 * @param findings the findings, in source order
 * @param errors   input errors (unreadable, malformed or not a template)
 * @param skipped  why the file was skipped, or {@code null} if it was checked
 * @param setAside findings made but not reported (suppressed or known from a baseline), with the reason
 */
public record FileReport(String path, List<Finding> findings, List<ParseProblem> errors, String skipped,
                         List<SetAside> setAside) {
    /** Orders findings by position, then rule id. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId).thenComparing(Finding::message);

    public FileReport {
        Objects.requireNonNull(path);
        findings = findings.stream().sorted(ORDER).toList();
        errors = List.copyOf(errors);
        setAside = setAside.stream().sorted(java.util.Comparator.comparing(SetAside::finding, ORDER)).toList();
    }

    /** A report with nothing set aside. */
    public FileReport(String path, List<Finding> findings, List<ParseProblem> errors, String skipped) {
        this(path, findings, errors, skipped, List.of());
    }

    /** A report for a file that was checked. */
    public static FileReport checked(String path, List<Finding> findings) {
        return new FileReport(path, findings, List.of(), null);
    }

    /** A report for a file that was checked, with the findings its suppressions set aside. */
    public static FileReport checked(String path, List<Finding> findings, List<SetAside> setAside) {
        return new FileReport(path, findings, List.of(), null, setAside);
    }

    /** A report for a file that could not be read. */
    public static FileReport failed(String path, List<ParseProblem> errors) {
        return new FileReport(path, List.of(), errors, null);
    }

    /** A report for a file that was passed over. */
    public static FileReport skipped(String path, String reason) {
        return new FileReport(path, List.of(), List.of(), reason);
    }

    /** Whether the file was passed over as not a template. */
    public boolean isSkipped() {
        return skipped != null;
    }

    /** Whether the file had input errors. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The number of findings of a severity. */
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
