package io.github.cfnvalidator.run;

import io.github.cfnvalidator.AntPattern;
import io.github.cfnvalidator.TemplateFinder;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.config.ProjectConfig;
import io.github.cfnvalidator.report.Baseline;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Threshold;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.rules.RuleFileLoader;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.TemplateParseException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns settings into a {@link RunPlan}, applying the one precedence every front end has: built-in defaults, then
 * the configuration file, then the settings' overrides. Input problems are collected in the order reports have
 * always listed them: the configuration's Guard rules and parameter files, then the settings' Guard rules, the
 * baseline, the settings' parameter files.
 */
final class Preparation {
    private final RunSettings settings;
    private final Names names;
    private final Problems problems;
    private final List<RunPlan.Dependency> dependencies = new ArrayList<>();

    Preparation(RunSettings settings) {
        this.settings = settings;
        this.names = new Names(settings.projectDir());
        this.problems = new Problems(names);
    }

    RunPlan prepare() {
        ProjectConfig config;
        try {
            config = readConfig();
        } catch (TemplateParseException e) {
            Path file = settings.config() == RunSettings.ConfigSource.FILE ? names.resolve(settings.configFile())
                    : Path.of(e.problems().get(0).location().file());
            problems.add(InputProblem.Kind.CONFIG, file.toString(), e.problems());
            return RunPlan.blocked(settings, names, problems);
        }
        Threshold threshold = settings.failOn() != null ? settings.failOn()
                : config != null ? config.failOn().orElse(Threshold.ERROR) : Threshold.ERROR;
        Severity unresolved = settings.unresolved() != null ? settings.unresolved()
                : config != null ? config.unresolved().orElse(Severity.WARNING) : Severity.WARNING;
        Validator.Builder builder = Validator.builder();
        if (config != null) {
            applyConfig(config, builder);
        }
        loadGuardRules(resolveAll(settings.guardRules()), builder);
        builder.unresolvedSeverity(unresolved).skipRules(settings.skipRules());
        if (settings.threads() != null) {
            builder.threads(settings.threads());
        }
        RunPlan.KnownFindings known = readBaseline(config);
        applyParameterFiles(builder);
        List<TemplateFinder.Input> inputs = findTemplates();
        Path write = settings.writeBaseline() == null ? null : names.resolve(settings.writeBaseline());
        return new RunPlan(settings, names, config, threshold, unresolved, builder.build(), inputs, known, write,
                problems, dependencies);
    }

    private ProjectConfig readConfig() throws TemplateParseException {
        ProjectConfig config;
        switch (settings.config()) {
            case NONE:
                return null;
            case FILE:
                config = ProjectConfig.read(names.resolve(settings.configFile()));
                break;
            default:
                Path dir = names.projectDir() != null ? names.projectDir() : Path.of("");
                config = ProjectConfig.find(dir).orElse(null);
        }
        if (config != null) {
            dependencies.add(new RunPlan.Dependency("config", config.file()));
        }
        return config;
    }

    /** The configuration's rule switches, severities, Guard rules and parameter files (globs relative to it). */
    private void applyConfig(ProjectConfig config, Validator.Builder builder) {
        builder.skipRules(config.disabledRules());
        config.severities().forEach(builder::severity);
        for (ProjectConfig.Suppression s : config.suppressions()) {
            builder.suppress(s.rule(), s.resource(), s.glob() == null ? null : new ConfigGlob(config.baseDir(),
                    s.glob()), s.reason());
        }
        loadGuardRules(config.guardRules().stream().map(names::fromConfig).toList(), builder);
        for (ProjectConfig.ParameterBinding b : config.parameters()) {
            Path file = names.fromConfig(b.file());
            dependencies.add(new RunPlan.Dependency("config parameters " + b.glob(), file));
            ParameterValues values = readParameters(file);
            if (values == null) {
                continue;
            }
            if (b.glob() == null) {
                builder.parameters(values);
            } else {
                builder.parameters(new ConfigGlob(config.baseDir(), b.glob()), values);
            }
        }
    }

    private void loadGuardRules(List<Path> paths, Validator.Builder builder) {
        if (paths.isEmpty()) {
            return;
        }
        RuleFileLoader.Loaded loaded = RuleFileLoader.loadAll(paths);
        for (ParseProblem p : loaded.problems()) {
            problems.add(InputProblem.Kind.RULES, p.location().file(), List.of(p));
        }
        builder.addRules(loaded.rules());
        for (Path path : paths) {
            for (Path f : RuleFileLoader.filesOf(path)) {
                dependencies.add(new RunPlan.Dependency("guard rules", f));
            }
        }
    }

    /** The baseline to filter with: the settings', else the configuration's; none while one is being written. */
    private RunPlan.KnownFindings readBaseline(ProjectConfig config) {
        Path file = settings.baseline() != null ? names.resolve(settings.baseline())
                : config == null ? null : config.baseline().map(names::fromConfig).orElse(null);
        if (file == null || settings.writeBaseline() != null) {
            return null;
        }
        dependencies.add(new RunPlan.Dependency("baseline", file));
        try {
            return new RunPlan.KnownFindings(Baseline.read(file), file, names.display(file));
        } catch (TemplateParseException e) {
            problems.add(InputProblem.Kind.BASELINE, file.toString(), e.problems());
            return null;
        }
    }

    private void applyParameterFiles(Validator.Builder builder) {
        List<Path> roots = resolveAll(settings.paths());
        for (RunSettings.ParameterFile pf : settings.parameterFiles()) {
            Path file = names.resolve(pf.file());
            dependencies.add(new RunPlan.Dependency("parameters " + pf.templates(), file));
            ParameterValues values = readParameters(file);
            if (values == null) {
                continue;
            }
            if (pf.templates().isEmpty()) {
                builder.parameters(values);
            } else {
                builder.parameters(new TemplatePatterns(names.displayBase(), roots,
                        AntPattern.compileAll(pf.templates())), values);
            }
        }
    }

    private ParameterValues readParameters(Path file) {
        try {
            return ParameterValues.read(file);
        } catch (TemplateParseException e) {
            problems.add(InputProblem.Kind.PARAMETERS, file.toString(), e.problems());
            return null;
        }
    }

    private List<TemplateFinder.Input> findTemplates() {
        List<Path> roots = resolveAll(settings.paths());
        try {
            return TemplateFinder.find(roots, names.walkOptions(settings));
        } catch (IOException e) {
            String where = roots.isEmpty() ? "" : roots.get(0).toString();
            problems.add(InputProblem.Kind.TEMPLATE, where, List.of(new ParseProblem(e.getMessage(),
                    Location.ofFile(where))));
            return List.of();
        }
    }

    private List<Path> resolveAll(List<Path> paths) {
        return paths.stream().map(names::resolve).toList();
    }

    /** A configuration file's {@code path} glob, relative to the file's folder. */
    private record ConfigGlob(Path baseDir, String glob, PathMatcher matcher) implements PathMatcher {
        ConfigGlob(Path baseDir, String glob) {
            this(baseDir, glob, FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }

        @Override
        public boolean matches(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(baseDir) && matcher.matches(baseDir.relativize(abs));
        }

        @Override
        public String toString() {
            return glob;
        }
    }

    /**
     * Ant patterns matched against a template's path relative to each searched folder and to the project folder.
     * Only absolute paths match: the validator also offers bare file names, which would match too much.
     */
    private record TemplatePatterns(Path base, List<Path> roots, List<AntPattern> patterns) implements PathMatcher {
        @Override
        public boolean matches(Path path) {
            if (!path.isAbsolute()) {
                return false;
            }
            Path abs = path.normalize();
            for (Path root : roots) {
                Path r = root.toAbsolutePath().normalize();
                if (abs.startsWith(r) && !abs.equals(r)
                        && AntPattern.any(patterns, r.relativize(abs).toString().replace('\\', '/'))) {
                    return true;
                }
            }
            return abs.startsWith(base)
                    && AntPattern.any(patterns, base.relativize(abs).toString().replace('\\', '/'));
        }

        @Override
        public String toString() {
            return "templates " + patterns;
        }
    }
}
