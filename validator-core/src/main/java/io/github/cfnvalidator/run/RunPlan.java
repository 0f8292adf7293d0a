package io.github.cfnvalidator.run;

import io.github.cfnvalidator.TemplateFinder;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.config.ProjectConfig;
import io.github.cfnvalidator.report.Baseline;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Threshold;
import io.github.cfnvalidator.resolve.ParameterValues;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A prepared run: configuration read, overrides applied, rule, parameter and baseline files loaded, templates found,
 * the {@link Validator} built, nothing checked yet. Front ends look at it before {@link #execute()} (how many files,
 * which files the outcome depends on for an up-to-date check) and may skip the work.
 */
public final class RunPlan {
    /**
     * A file besides the templates whose content decides the run's outcome.
     *
     * @param label what it is ({@code config}, {@code baseline}, {@code guard rules}, {@code parameters ...})
     * @param file  the file
     */
    public record Dependency(String label, Path file) {
    }

    /** A baseline that was read, with its file and name. */
    record KnownFindings(Baseline baseline, Path file, String name) {
    }

    private final RunSettings settings;
    private final Names names;
    private final ProjectConfig config;
    private final Threshold threshold;
    private final Severity unresolved;
    private final Validator validator;
    private final List<TemplateFinder.Input> inputs;
    private final KnownFindings known;
    private final Path writeBaseline;
    private final Problems problems;
    private final List<Dependency> dependencies;

    RunPlan(RunSettings settings, Names names, ProjectConfig config, Threshold threshold, Severity unresolved,
            Validator validator, List<TemplateFinder.Input> inputs, KnownFindings known, Path writeBaseline,
            Problems problems, List<Dependency> dependencies) {
        this.settings = settings;
        this.names = names;
        this.config = config;
        this.threshold = threshold;
        this.unresolved = unresolved;
        this.validator = validator;
        this.inputs = List.copyOf(inputs);
        this.known = known;
        this.writeBaseline = writeBaseline;
        this.problems = problems;
        this.dependencies = List.copyOf(dependencies);
    }

    /** A plan that cannot run: the configuration file is unusable. */
    static RunPlan blocked(RunSettings settings, Names names, Problems problems) {
        Threshold threshold = settings.failOn() != null ? settings.failOn() : Threshold.ERROR;
        Severity unresolved = settings.unresolved() != null ? settings.unresolved() : Severity.WARNING;
        return new RunPlan(settings, names, null, threshold, unresolved, null, List.of(), null, null, problems,
                List.of());
    }

    /**
     * The problems that keep this plan from running (an unusable configuration file); empty when it can run.
     * {@link #execute()} on a blocked plan returns them with an empty report.
     */
    public List<InputProblem> blockingProblems() {
        return validator == null ? problems.typed() : List.of();
    }

    /** The input problems met so far (configuration, Guard rule, baseline and parameter files). */
    public List<InputProblem> problems() {
        return problems.typed();
    }

    /** The settings this plan was made from. */
    public RunSettings settings() {
        return settings;
    }

    /** The configuration file that applies, if any. */
    public Optional<ProjectConfig> config() {
        return Optional.ofNullable(config);
    }

    /** The threshold after precedence (settings, configuration file, {@code error}). */
    public Threshold threshold() {
        return threshold;
    }

    /** The severity of unresolved findings after precedence (settings, configuration file, {@code warning}). */
    public Severity unresolvedSeverity() {
        return unresolved;
    }

    /** The validator that will check the templates ({@code null} for a blocked plan). */
    public Validator validator() {
        return validator;
    }

    /** The template files found, in the order they will be reported. */
    public List<TemplateFinder.Input> inputs() {
        return inputs;
    }

    /** The files besides the templates that decide the outcome (configuration, parameter, baseline, rule files). */
    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** A file as this run names it in output (relative to the project folder when there is one). */
    public String display(Path file) {
        return names.display(file);
    }

    /** Checks the templates and documents, applies the baselines, and judges the result against the threshold. */
    public RunResult execute() {
        if (validator == null) {
            return new RunResult(new Report(problems.entries()), problems.typed(), BaselineOutcome.NONE, threshold,
                    names, settings);
        }
        List<FileReport> files = new ArrayList<>(validator.validateInputs(inputs));
        for (SourceDocument d : settings.documents()) {
            files.add(validateDocument(d));
        }
        Report report = validator.report(files);
        Optional<BaselineOutcome.Written> written = Optional.empty();
        if (writeBaseline != null) {
            written = Optional.of(write(report));
        }
        Optional<BaselineOutcome.Applied> applied = Optional.empty();
        if (known != null) {
            Baseline.Filtered filtered = known.baseline().filter(report);
            report = filtered.report();
            applied = Optional.of(new BaselineOutcome.Applied(known.file(), known.name(), filtered.known(),
                    filtered.fixed()));
        }
        List<InputProblem> typed = new ArrayList<>(problems.typed());
        for (FileReport f : report.files()) {
            f.errors().forEach(p -> typed.add(new InputProblem(InputProblem.Kind.TEMPLATE, f.path(), p)));
        }
        List<FileReport> all = new ArrayList<>(problems.entries());
        all.addAll(report.files());
        return new RunResult(report.withFiles(all), typed, new BaselineOutcome(applied, written), threshold, names,
                settings);
    }

    private BaselineOutcome.Written write(Report report) {
        String name = names.display(writeBaseline);
        Baseline today = Baseline.of(report);
        try {
            today.write(writeBaseline);
            return new BaselineOutcome.Written(writeBaseline, name, today.entries().size(), Optional.empty());
        } catch (IOException e) {
            return new BaselineOutcome.Written(writeBaseline, name, today.entries().size(),
                    Optional.of("cannot write the baseline " + name + ": " + e.getMessage()));
        }
    }

    /** An in-memory document, with the parameter files that match where it would be saved. */
    private FileReport validateDocument(SourceDocument d) {
        Path where = null;
        try {
            where = d.name().startsWith("file:") ? Path.of(URI.create(d.name())) : Path.of(d.name());
        } catch (RuntimeException e) {
            // not a path: only the parameter files for every template apply
        }
        ParameterValues pinned = where == null ? validator.parametersFor(Path.of("")) : validator.parametersFor(where);
        return validator.validate(d.name(), d.text(), pinned);
    }
}
