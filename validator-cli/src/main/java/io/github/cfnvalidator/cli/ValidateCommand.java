package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.TextReportWriter;
import io.github.cfnvalidator.report.Threshold;
import io.github.cfnvalidator.run.BaselineOutcome;
import io.github.cfnvalidator.run.InputProblem;
import io.github.cfnvalidator.run.Run;
import io.github.cfnvalidator.run.RunPlan;
import io.github.cfnvalidator.run.RunResult;
import io.github.cfnvalidator.run.RunSettings;
import io.github.cfnvalidator.run.Verdict;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cfn-validator validate}: checks templates and folders of templates against the rules. Option mapping and
 * output only; precedence, baselines, walking and the verdict are the run layer's ({@link Run}).
 */
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
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output (a summary line still goes to standard output).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Lowest severity that makes the exit code 1: ${COMPLETION-CANDIDATES} "
                    + "(default: failOn in cfn-validator.yaml, else error).")
    Threshold failOn;

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
        RunSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            err.println("cfn-validator validate: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        RunPlan plan = Run.prepare(settings);
        if (!plan.blockingProblems().isEmpty()) {
            for (InputProblem p : plan.blockingProblems()) {
                err.println(TextReportWriter.line(p.problem()));
            }
            return ExitCodes.INPUT_ERROR;
        }
        RunResult result = plan.execute();
        write(result);
        PrintWriter out = spec.commandLine().getOut();
        result.baseline().applied().ifPresent(a -> out.println("(" + a.known() + " known finding(s) in baseline "
                + a.name() + " not shown" + (a.fixed() > 0 ? "; " + a.fixed() + " baseline entr(ies) fixed since"
                : "") + ")"));
        Optional<BaselineOutcome.Written> written = result.baseline().written();
        if (written.isPresent() && written.get().error().isPresent()) {
            out.flush();
            err.println("cfn-validator: " + written.get().error().get());
            return ExitCodes.INPUT_ERROR;
        }
        written.ifPresent(w -> out.println("baseline written: " + w.findings() + " finding(s) in " + w.name()));
        out.flush();
        Verdict verdict = result.verdict();
        return verdict == Verdict.INPUT_ERROR ? ExitCodes.INPUT_ERROR
                : verdict == Verdict.VIOLATIONS ? ExitCodes.VIOLATIONS : ExitCodes.OK;
    }

    /** The options as run settings; a bad {@code --unresolved} is an {@link IllegalArgumentException}. */
    private RunSettings settings() {
        RunSettings.Builder b = RunSettings.builder().paths(paths).failOn(failOn).guardRules(guardRules)
                .skipRules(skipRules).baseline(baseline).writeBaseline(writeBaseline)
                .threads(threads == null ? null : Math.max(1, threads));
        if (config != null) {
            b.configFile(config);
        } else if (noConfig) {
            b.noConfig();
        }
        if (unresolved != null) {
            Severity s = Severity.parse(unresolved);
            if (s == Severity.INFO) {
                throw new IllegalArgumentException("--unresolved takes warning or error");
            }
            b.unresolved(s);
        }
        parameterFiles.forEach(b::parameters);
        if (output != null) {
            b.output(format, output);
        }
        return b.build();
    }

    private void write(RunResult result) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            result.write(format, out);
            out.flush();
            return;
        }
        result.writeOutputs();
        for (FileReport f : result.report().files()) {
            for (ParseProblem p : f.errors()) {
                out.println(TextReportWriter.line(p));
            }
        }
        out.println(result.report().summary().describe() + " (report: " + output + ")");
        out.flush();
    }
}
