package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.guard.command.GuardTest;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfn-validator guard test}: cfn-guard 3.1.1's {@code test}, same flags and exit codes. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs a Guard rule file against unit-test spec files (YAML or JSON lists of {name, input, "
                + "expectations: {rules: {rule: PASS|FAIL|SKIP}}}), as cfn-guard 3.1.1 test does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation met", "7:an expectation was not met",
            "1:a rule or spec file could not be read", "255:an error", "2:invalid options"})
public final class GuardTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rules-file"}, paramLabel = "FILE", description = "The rule file.")
    String rulesFile;

    @Option(names = {"-t", "--test-data"}, paramLabel = "PATH", description = "A spec file or a directory of them.")
    String testData;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "A directory of rule files, each with specs in a tests/ folder beside it.")
    String dir;

    @Option(names = {"-a", "--alphabetical"}, description = "Order spec files alphabetically (the default).")
    boolean alphabetical;

    @Option(names = {"-m", "--last-modified"}, description = "Order spec files by last-modified time.")
    boolean lastModified;

    @Option(names = {"-v", "--verbose"}, description = "Print each evaluation's record tree.")
    boolean verbose;

    @Option(names = {"-o", "--output-format"}, paramLabel = "FORMAT", defaultValue = "single-line-summary",
            description = "single-line-summary, json, yaml or junit (default: ${DEFAULT-VALUE}).")
    String outputFormat;

    @Option(names = "--strict", description = "Fix cfn-guard 3.1.1's quirks instead of reproducing them.")
    boolean strict;

    @Override
    public Integer call() {
        String format = outputFormat.toLowerCase(Locale.ROOT);
        if (!List.of("single-line-summary", "json", "yaml", "junit", "sarif").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid value '" + outputFormat
                    + "' for '--output-format <OUTPUT_FORMAT>'");
        }
        if (dir != null && (rulesFile != null || testData != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the argument '--dir' cannot be used with '--rules-file' or '--test-data'");
        }
        if (dir == null && (rulesFile == null || testData == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --rules-file and --test-data, or --dir");
        }
        if (alphabetical && lastModified) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the argument '--alphabetical' cannot be used with '--last-modified'");
        }
        GuardTest.Options o = new GuardTest.Options(rulesFile, testData, dir, lastModified, verbose, format,
                GuardOptions.DEFAULT.withCompatible(!strict).withAllRecords(verbose));
        PrintWriter out = spec.commandLine().getOut();
        return GuardTest.run(o, out, spec.commandLine().getErr());
    }
}
