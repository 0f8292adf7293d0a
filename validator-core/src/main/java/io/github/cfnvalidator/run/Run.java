package io.github.cfnvalidator.run;

/**
 * The run layer every front end calls (the CLI, the Maven plugin, an editor's language server): settings in, one
 * {@link RunResult} out. Configuration precedence (settings over {@code cfn-validator.yaml} over defaults), Guard rule
 * loading, parameter files, baselines, folder walking, report formats and the verdict live here, so a front end is
 * option mapping plus output.
 *
 * <pre>{@code
 * RunResult r = Run.execute(RunSettings.builder().paths(List.of(Path.of("templates"))).build());
 * if (r.verdict() != Verdict.PASS) { ... r.problems(), r.report() ... }
 * }</pre>
 */
public final class Run {
    private Run() {
    }

    /** Reads and loads everything the settings name, without checking templates yet. */
    public static RunPlan prepare(RunSettings settings) {
        return new Preparation(settings).prepare();
    }

    /** Prepares and executes a run. */
    public static RunResult execute(RunSettings settings) {
        return prepare(settings).execute();
    }
}
