package io.github.cfnvalidator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cfn-validator guard}: runs CloudFormation Guard 3 rule files as cfn-guard 3.1.1 does, with its flags, report
 * shapes and exit codes, so a CI script can switch binaries.
 */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = "Runs AWS CloudFormation Guard 3 rule files, drop-in compatible with cfn-guard 3.1.1.",
        subcommands = {GuardValidateCommand.class, GuardTestCommand.class})
public final class GuardCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: guard validate)");
    }
}
