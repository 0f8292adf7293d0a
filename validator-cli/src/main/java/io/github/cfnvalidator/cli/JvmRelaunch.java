package io.github.cfnvalidator.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a batch command ({@code validate}, {@code guard}) in a second JVM tuned for short batch work on few cores:
 * C1-only compilation ({@code -XX:TieredStopAtLevel=1}) and the serial collector. On the 2-core machines we measure
 * on, C2's compiler threads and G1's concurrent threads compete with the work itself: the whole corpus validates in
 * about 0.95 s instead of 1.6 s, and the 237 Control Tower Guard rules run in about 3.3 s instead of 7.8 s (see
 * docs/performance.md). A jar cannot carry JVM options, hence the second JVM, which costs about 0.1 s.
 *
 * <p>It is skipped for small inputs (files only, under 256 KiB together, as in a pre-commit hook), when the CLI is
 * not running from its jar, when {@code CFN_VALIDATOR_FORK=0}, when the JVM was
 * already started with {@code JDK_JAVA_OPTIONS}/{@code JAVA_TOOL_OPTIONS} or {@code -XX} options of the user's own
 * (their choice stands), and inside the second JVM. The user's JVM options and system properties are passed on after
 * ours, so they win; standard streams, working directory and environment are inherited, and the exit code is
 * returned unchanged. If the second JVM cannot be started, the command runs in this one.
 */
final class JvmRelaunch {
    static final String FORKED_PROPERTY = "cfn.validator.forked";
    private static final Set<String> BATCH_COMMANDS = Set.of("validate", "guard");
    private static final List<String> TUNING = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData");

    private JvmRelaunch() {
    }

    /** Runs the command in a tuned JVM and returns its exit code, or empty to run it here. */
    static Optional<Integer> run(String[] args) {
        if (args.length == 0 || !BATCH_COMMANDS.contains(args[0]) || System.getProperty(FORKED_PROPERTY) != null
                || "0".equals(System.getenv("CFN_VALIDATOR_FORK")) || System.getenv("JDK_JAVA_OPTIONS") != null
                || System.getenv("JAVA_TOOL_OPTIONS") != null) {
            return Optional.empty();
        }
        if (smallInput(args)) {
            return Optional.empty(); // a few files (a pre-commit hook): a second JVM would cost more than it saves
        }
        Optional<Path> jar = ownJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (jar.isEmpty() || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        Optional<List<String>> options = jvmOptions();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        List<String> userOptions = options.get();
        if (userOptions.stream().anyMatch(o -> o.startsWith("-XX:") || o.startsWith("-agent")
                || o.startsWith("-javaagent") || o.startsWith("-Xdebug") || o.startsWith("-Xrun"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(TUNING);
        command.addAll(userOptions);
        command.add("-D" + FORKED_PROPERTY + "=true");
        command.add("-cp");
        command.add(jar.get().toString());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Thread stopChild = new Thread(child::destroy, "cfn-validator-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return Optional.of(ExitCodes.INPUT_ERROR);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** Whether every argument that names an existing path is a file, together under 256 KiB. */
    static boolean smallInput(String[] args) {
        long total = 0;
        boolean any = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                continue;
            }
            Path p;
            try {
                p = Path.of(args[i]);
            } catch (RuntimeException e) {
                continue;
            }
            if (Files.isDirectory(p)) {
                return false;
            }
            if (Files.isRegularFile(p)) {
                any = true;
                try {
                    total += Files.size(p);
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return any && total < 256 * 1024;
    }

    /**
     * The options this JVM was started with (those before {@code -jar}), read from the process's command line
     * (cheaper than the management API); empty when they cannot be read or the JVM was not started with -jar.
     */
    private static Optional<List<String>> jvmOptions() {
        Optional<String[]> all = ProcessHandle.current().info().arguments();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String a : all.get()) {
            if (a.equals("-jar")) {
                return Optional.of(out);
            }
            out.add(a);
        }
        return Optional.empty();
    }

    private static Optional<Path> ownJar() {
        try {
            var source = Main.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
