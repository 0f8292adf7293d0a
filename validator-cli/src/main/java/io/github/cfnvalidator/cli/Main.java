package io.github.cfnvalidator.cli;

import picocli.CommandLine;

/** The {@code cfn-validator} launcher: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    /** Runs the CLI and exits with its exit code. */
    public static void main(String[] args) {
        java.util.Optional<Integer> relaunched = JvmRelaunch.run(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        int code = run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the CLI and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return CfnValidatorCommand.commandLine(args).execute(args);
    }
}
