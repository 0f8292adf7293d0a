package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.guard.command.GuardValidate;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfn-validator guard validate}: cfn-guard 3.1.1's {@code validate}, same flags and exit codes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Evaluates Guard rules against data files (templates) to determine success or failure, as "
                + "cfn-guard 3.1.1 validate does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every rule passed or was skipped", "19:a rule failed",
            "5:a rule file could not be parsed", "255:an error (missing path, unreadable data, evaluation error)",
            "2:invalid options"})
public final class GuardValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rules"}, arity = "0..*", paramLabel = "PATH",
            description = "Rule files or directories of rule files (.guard, .ruleset). Repeatable.")
    List<String> rules = new ArrayList<>();

    @Option(names = {"-d", "--data"}, arity = "0..*", paramLabel = "PATH",
            description = "Data files or directories (.yaml .yml .json .jsn .template). Default: standard input.")
    List<String> data = new ArrayList<>();

    @Option(names = {"-i", "--input-params", "--input-parameters"}, arity = "0..*", paramLabel = "PATH",
            description = "Files merged into every data file before evaluation. Repeatable.")
    List<String> inputParams = new ArrayList<>();

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Accepted for compatibility (CFNTemplate); "
            + "it changes nothing, as in cfn-guard 3.")
    String type;

    @Option(names = {"-o", "--output-format"}, paramLabel = "FORMAT", defaultValue = "single-line-summary",
            description = "single-line-summary, json, yaml, junit or sarif (default: ${DEFAULT-VALUE}).")
    String outputFormat;

    @Option(names = {"-S", "--show-summary"}, split = ",", paramLabel = "TYPE",
            description = "all, pass, fail, skip or none (default: fail).")
    List<String> showSummary = new ArrayList<>();

    @Option(names = {"-a", "--alphabetical"}, description = "Order files alphabetically (the default).")
    boolean alphabetical;

    @Option(names = {"-m", "--last-modified"}, description = "Order files by last-modified time.")
    boolean lastModified;

    @Option(names = {"-v", "--verbose"}, description = "Print the evaluation's record tree.")
    boolean verbose;

    @Option(names = {"-p", "--print-json"}, description = "Print the evaluation's record tree as JSON.")
    boolean printJson;

    @Option(names = {"-P", "--payload"}, description = "Read {\"rules\": [..], \"data\": [..]} from standard input.")
    boolean payload;

    @Option(names = {"-z", "--structured"}, description = "Print one structured document (json, yaml, junit, sarif).")
    boolean structured;

    @Option(names = "--resolve", description = "Intrinsic-aware: compare a value given by Ref, Fn::If, Fn::FindInMap "
            + "... as the set of values it can take (CFN Validator extension).")
    boolean resolve;

    @Option(names = "--strict", description = "Fix cfn-guard 3.1.1's quirks (docs/guard-compatibility.md) instead of "
            + "reproducing them (CFN Validator extension).")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Evaluations run at once (default: processors).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String format = outputFormat.toLowerCase(java.util.Locale.ROOT);
        if (!List.of("single-line-summary", "json", "yaml", "junit", "sarif").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid value '" + outputFormat
                    + "' for '--output-format <OUTPUT_FORMAT>' [possible values: single-line-summary, json, yaml, "
                    + "junit, sarif]");
        }
        for (String s : showSummary) {
            if (!List.of("all", "pass", "fail", "skip", "none").contains(s)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "invalid value '" + s
                        + "' for '--show-summary <SHOW_SUMMARY>' [possible values: all, pass, fail, skip, none]");
            }
        }
        if (rules.isEmpty() && !payload) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the following required arguments were not provided: <--rules [<RULES>...]|--payload>");
        }
        if (payload && (!rules.isEmpty() || !data.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the argument '--payload' cannot be used with '--rules' or '--data'");
        }
        if (alphabetical && lastModified) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the argument '--alphabetical' cannot be used with '--last-modified'");
        }
        if (structured && (verbose || printJson)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the argument '--structured' cannot be used with '--verbose' or '--print-json'");
        }
        List<String> summary = showSummary.isEmpty() ? List.of("fail") : showSummary;
        GuardOptions options = GuardOptions.DEFAULT.withCompatible(!strict).withAllRecords(verbose || printJson);
        GuardValidate.Options o = new GuardValidate.Options(rules, data, inputParams, format, summary, structured,
                lastModified, verbose, printJson, payload, options, resolve,
                threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));
        PrintWriter out = spec.commandLine().getOut();
        return GuardValidate.run(o, System.in, out, err);
    }
}
