package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.guard.GuardRuleSet;
import io.github.cfnvalidator.config.ProjectConfig;
import io.github.cfnvalidator.report.Baseline;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.report.ReportWriter;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.TextReportWriter;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.TemplateParseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfn-validator validate}: checks templates and folders of templates against the rules. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks CloudFormation templates (files, or folders searched for *.yaml *.yml *.json "
                + "*.template) against the rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on",
                "2:input error (unreadable or malformed template or parameter file, bad option)"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files or folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}). sarif is SARIF 2.1.0 for code scanning (URIs relative to the working "
            + "directory); junit is Surefire-style JUnit XML.", defaultValue = "text")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output (a summary line still goes to standard output).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Lowest severity that makes the exit code 1: ${COMPLETION-CANDIDATES} "
                    + "(default: failOn in cfn-validator.yaml, else error).")
    FailOn failOn;

    @Option(names = "--parameters", paramLabel = "FILE", description = "Deploy-time parameter values that pin "
            + "parameters: a CloudFormation JSON list, a {\"Parameters\": {..}} file or Key=Value lines. "
            + "Repeatable; later files win.")
    List<Path> parameterFiles = new ArrayList<>();

    @Option(names = "--unresolved", paramLabel = "LEVEL",
            description = "Severity of findings for values that cannot be verified before deploy: warning or error "
                    + "(default: unresolved in cfn-validator.yaml, else warning).")
    String unresolved;

    @Option(names = "--config", paramLabel = "FILE", description = "Project configuration (default: "
            + "cfn-validator.yaml in the working directory, if present). Flags override it.")
    Path config;

    @Option(names = "--no-config", description = "Ignore cfn-validator.yaml in the working directory.")
    boolean noConfig;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that are not in this "
            + "baseline (written earlier with --write-baseline).")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record today's findings in FILE and exit "
            + "0 (2 on input errors); later runs with --baseline FILE report only new findings.")
    Path writeBaseline;

    @Option(names = "--rules", paramLabel = "PATH", description = "Guard rule files or folders (CloudFormation Guard "
            + "3, .guard/.ruleset) to run beside the built-in rules; each failing Guard rule is a finding named after "
            + "it. Repeatable.")
    List<Path> guardRules = new ArrayList<>();

    @Option(names = "--skip-rule", paramLabel = "ID", description = "Turn a rule off. Repeatable.")
    List<String> skipRules = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Files checked at once (default: processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Validator.Builder builder = Validator.builder();
        List<FileReport> parameterErrors = new ArrayList<>();
        // precedence: built-in defaults < cfn-validator.yaml < flags
        ProjectConfig project = null;
        try {
            if (config != null) {
                project = ProjectConfig.read(config);
            } else if (!noConfig) {
                project = ProjectConfig.find(Path.of("")).orElse(null);
            }
        } catch (TemplateParseException e) {
            for (ParseProblem p : e.problems()) {
                err.println(TextReportWriter.line(p));
            }
            return ExitCodes.INPUT_ERROR;
        }
        if (project != null) {
            parameterErrors.addAll(project.applyTo(builder));
        }
        FailOn threshold = failOn != null ? failOn : project != null && project.failOn().isPresent()
                ? FailOn.valueOf(project.failOn().get().toUpperCase(java.util.Locale.ROOT)) : FailOn.ERROR;
        if (unresolved != null) {
            try {
                Severity unresolvedSeverity = Severity.parse(unresolved);
                if (unresolvedSeverity == Severity.INFO) {
                    throw new IllegalArgumentException("--unresolved takes warning or error");
                }
                builder.unresolvedSeverity(unresolvedSeverity);
            } catch (IllegalArgumentException e) {
                err.println("cfn-validator validate: " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
        }
        if (!guardRules.isEmpty()) {
            GuardRuleSet.Loaded loaded = GuardRuleSet.load(guardRules);
            for (ParseProblem p : loaded.problems()) {
                parameterErrors.add(FileReport.failed(p.location().file(), List.of(p)));
            }
            builder.addRules(List.of(loaded.rules()));
        }
        builder.skipRules(skipRules);
        if (threads != null) {
            builder.threads(Math.max(1, threads));
        }
        Path baselineFile = baseline != null ? baseline : project == null ? null
                : project.baseline().filter(p -> writeBaseline == null).orElse(null);
        Baseline known = null;
        if (baselineFile != null && writeBaseline == null) {
            try {
                known = Baseline.read(baselineFile);
            } catch (TemplateParseException e) {
                parameterErrors.add(FileReport.failed(baselineFile.toString(), e.problems()));
            }
        }
        for (Path p : parameterFiles) {
            try {
                builder.parameters(ParameterValues.read(p));
            } catch (TemplateParseException e) {
                parameterErrors.add(FileReport.failed(p.toString(), e.problems()));
            }
        }
        Report report = builder.build().validate(paths);
        if (writeBaseline != null) {
            Baseline.of(report).write(writeBaseline);
        }
        String note = "";
        if (known != null) {
            Baseline.Filtered filtered = known.filter(report);
            report = filtered.report();
            note = " (" + filtered.known() + " known finding(s) in baseline " + baselineFile + " not shown"
                    + (filtered.fixed() > 0 ? "; " + filtered.fixed() + " baseline entr(ies) fixed since" : "")
                    + ")";
        }
        if (!parameterErrors.isEmpty()) {
            List<FileReport> all = new ArrayList<>(parameterErrors);
            all.addAll(report.files());
            report = report.withFiles(all);
        }
        write(report, threshold.threshold());
        PrintWriter out = spec.commandLine().getOut();
        if (!note.isEmpty()) {
            out.println(note.trim());
        }
        if (writeBaseline != null) {
            out.println("baseline written: " + report.allFindings().size() + " finding(s) in " + writeBaseline);
        }
        out.flush();
        if (report.hasInputErrors()) {
            return ExitCodes.INPUT_ERROR;
        }
        if (writeBaseline != null) {
            return ExitCodes.OK;
        }
        return report.summary().atOrAbove(threshold.threshold()) > 0 ? ExitCodes.VIOLATIONS : ExitCodes.OK;
    }

    private ReportWriter writer(Severity threshold) {
        return format.writer(threshold, Path.of("").toAbsolutePath());
    }

    private void write(Report report, Severity threshold) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            writer(threshold).write(report, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer(threshold).write(report, w);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (FileReport f : report.files()) {
            for (ParseProblem p : f.errors()) {
                out.println(TextReportWriter.line(p));
            }
        }
        out.println(report.summary().describe() + " (report: " + output + ")");
        out.flush();
    }
}
