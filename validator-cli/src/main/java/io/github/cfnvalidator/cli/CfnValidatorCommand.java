package io.github.cfnvalidator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code cfn-validator} command; the work is done by its subcommands. */
@Command(name = "cfn-validator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads CloudFormation templates the way CloudFormation will and fails the build before a bad "
                + "stack ships.",
        subcommands = {ValidateCommand.class, RulesCommand.class, ExplainCommand.class,
                CommandLine.HelpCommand.class})
public final class CfnValidatorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line: case-insensitive enum values, exit code 2 for usage errors. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CfnValidatorCommand());
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("cfn-validator: " + ex.getMessage());
            return ExitCodes.INPUT_ERROR;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: validate)");
    }
}
