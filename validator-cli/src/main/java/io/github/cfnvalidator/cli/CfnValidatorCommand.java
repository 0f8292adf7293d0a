package io.github.cfnvalidator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code cfn-validator} command; the work is done by its subcommands. */
@Command(name = "cfn-validator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads CloudFormation templates the way CloudFormation will and fails the build before a bad "
                + "stack ships.",
        subcommands = {})
public final class CfnValidatorCommand implements Runnable {
    /** The subcommands by name, in the order help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS;

    static {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("validate", ValidateCommand::new);
        m.put("rules", RulesCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("guard", GuardCommand::new);
        m.put("lsp", LspCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        SUBCOMMANDS = java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A configured command line (case-insensitive enum values, exit code 2 for usage errors) for these arguments.
     * Building picocli's model of a command costs start-up time, so when the first argument names a subcommand only
     * that one is built; anything else (help, a mistake) gets them all.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new CfnValidatorCommand());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
        }
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
