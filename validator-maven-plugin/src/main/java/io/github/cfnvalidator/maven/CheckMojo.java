package io.github.cfnvalidator.maven;

import io.github.cfnvalidator.TemplateFinder;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.Version;
import io.github.cfnvalidator.config.ProjectConfig;
import io.github.cfnvalidator.guard.GuardFiles;
import io.github.cfnvalidator.guard.GuardRuleSet;
import io.github.cfnvalidator.report.Baseline;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.JUnitReportWriter;
import io.github.cfnvalidator.report.JsonReportWriter;
import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.report.ReportWriter;
import io.github.cfnvalidator.report.RuleDescriptor;
import io.github.cfnvalidator.report.SarifReportWriter;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Summary;
import io.github.cfnvalidator.report.TextReportWriter;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.TemplateParseException;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Checks the project's CloudFormation templates against the rules and fails the build on violations at or above
 * {@code failOnSeverity}. Prints one {@code path:line:col: severity: [rule_id] message} line per finding (the CLI's
 * text format), writes the configured reports (SARIF, JUnit XML, JSON, text) to {@code outputDirectory}, and skips
 * the work when neither the templates nor the configuration changed since the last passing check.
 *
 * <p>A thin shell over {@link Validator}: options in, {@link Report} out.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractMojo {
    /** The folder searched when nothing else is configured (and always, when it exists). */
    static final String DEFAULT_SOURCE_DIRECTORY = "src/main/cloudformation";
    /** The files a source folder contributes unless {@code includes} says otherwise. */
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml", "**/*.json", "**/*.template");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /** Skips the check. */
    @Parameter(property = "cfn.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Folders (or single files) to search for templates, besides {@code src/main/cloudformation}, which is always
     * searched when it exists. Relative paths are relative to the project base directory. From the command line:
     * {@code -Dcfn.sourceDirectories=infra,deploy/stacks}.
     */
    @Parameter(property = "cfn.sourceDirectories")
    private List<File> sourceDirectories;

    /**
     * Ant patterns, relative to each source folder, of the files to check. Default: {@code **}{@code /*.yaml},
     * {@code **}{@code /*.yml}, {@code **}{@code /*.json}, {@code **}{@code /*.template}. Files found this way that
     * are not CloudFormation templates (no {@code Resources} or {@code AWSTemplateFormatVersion}) are skipped.
     */
    @Parameter(property = "cfn.includes")
    private List<String> includes;

    /** Ant patterns, relative to each source folder, of files not to check; they win over {@code includes}. */
    @Parameter(property = "cfn.excludes")
    private List<String> excludes;

    /**
     * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}. Default:
     * {@code failOn} in {@code cfn-validator.yaml}, else {@code error}.
     */
    @Parameter(property = "cfn.failOnSeverity")
    private String failOnSeverity;

    /**
     * The severity of findings about values that cannot be verified before deploy: {@code warning} or {@code error}.
     * Default: {@code unresolved} in {@code cfn-validator.yaml}, else {@code warning}.
     */
    @Parameter(property = "cfn.unresolved")
    private String unresolved;

    /**
     * The project configuration file shared with the CLI (rules on/off and severities, unresolved, failOn,
     * parameter files, baseline). Default: {@code cfn-validator.yaml} in the project base directory, if there is
     * one. Plugin parameters override what it says.
     */
    @Parameter(property = "cfn.configFile")
    private File configFile;

    /**
     * A baseline written by {@code cfn-validator validate --write-baseline}: findings it records are not reported,
     * so only new ones fail the build. Default: {@code baseline} in the configuration file.
     */
    @Parameter(property = "cfn.baseline")
    private File baseline;

    /**
     * Records today's findings in this file (a baseline for {@code baseline} and the CLI's {@code --baseline}) and
     * does not fail the build on them; input errors still fail it. The check always runs when it is set.
     */
    @Parameter(property = "cfn.writeBaseline")
    private File writeBaseline;

    /** How many violations at or above {@code failOnSeverity} are tolerated before the build fails. */
    @Parameter(property = "cfn.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

    /**
     * Deploy-time parameter files (a CloudFormation {@code [{"ParameterKey":..,"ParameterValue":..}]} list, a
     * {@code {"Parameters": {..}}} template configuration file, or {@code Key=Value} lines) that pin parameters to the
     * values they will be deployed with. Each applies to every template, or only to those its {@code templates}
     * patterns match; later files win. From the command line: {@code -Dcfn.parameters=params/prod.json}.
     */
    @Parameter(property = "cfn.parameters")
    private List<ParameterFile> parameters;

    /** CloudFormation Guard rule files or folders of them, run beside the built-in rules. */
    @Parameter(property = "cfn.rules")
    private List<File> rules;

    /** Rule ids to turn off. */
    @Parameter(property = "cfn.skipRules")
    private List<String> skipRules;

    /** Reports to write to {@code outputDirectory}: any of {@code sarif}, {@code junit}, {@code json}, {@code text}. */
    @Parameter(property = "cfn.formats", defaultValue = "sarif,junit,json")
    private List<String> formats;

    /** Where reports go. */
    @Parameter(property = "cfn.outputDirectory", defaultValue = "${project.build.directory}/cfn-validator")
    private File outputDirectory;

    /** Fails the build when no template is found. */
    @Parameter(property = "cfn.failIfNoTemplates", defaultValue = "false")
    private boolean failIfNoTemplates;

    /** Fails the build when a template or parameter file cannot be read; {@code false} only logs the problem. */
    @Parameter(property = "cfn.failOnParseError", defaultValue = "true")
    private boolean failOnParseError;

    /**
     * Skips validation when the templates, parameter and rule files, configuration and plugin are unchanged since
     * the last passing check (state kept under {@code target/}). {@code -Dcfn.incremental=false} forces a check.
     */
    @Parameter(property = "cfn.incremental", defaultValue = "true")
    private boolean incremental;

    /**
     * The folder SARIF URIs are relative to. Default: the root of the git work tree that holds the project, else the
     * top folder of the Maven build; code scanning expects repository-relative paths.
     */
    @Parameter(property = "cfn.sourceRoot")
    private File sourceRoot;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping CFN Validator (cfn.skip=true)");
            return;
        }
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        // precedence: built-in defaults < cfn-validator.yaml < plugin parameters
        ProjectConfig config = readConfig(basedir);
        Severity threshold = parseThreshold(failOnSeverity != null ? failOnSeverity
                : config != null && config.failOn().isPresent() ? config.failOn().get() : "error");
        Severity unresolvedSeverity = unresolved != null ? parseUnresolved(unresolved)
                : config != null && config.unresolved().isPresent() ? config.unresolved().get() : Severity.WARNING;
        List<String> formatNames = parseFormats(formats);
        if (maxAllowedViolations < 0) {
            throw new MojoExecutionException("maxAllowedViolations must be 0 or more, not " + maxAllowedViolations);
        }

        List<Path> roots = sourceRoots(basedir, log);
        List<AntPattern> include = AntPattern.compileAll(includes == null || includes.isEmpty()
                ? DEFAULT_INCLUDES : includes);
        List<AntPattern> exclude = AntPattern.compileAll(excludes);
        List<TemplateFinder.Input> inputs = findTemplates(basedir, roots, include, exclude);
        if (inputs.isEmpty()) {
            String where = describe(basedir, roots);
            if (failIfNoTemplates) {
                throw new MojoFailureException("No CloudFormation templates found in " + where
                        + " (failIfNoTemplates is set)");
            }
            log.info("No CloudFormation templates found in " + where + "; nothing to check");
            return;
        }

        Validator.Builder builder = Validator.builder();
        List<FileReport> parameterErrors = new ArrayList<>();
        if (config != null) {
            for (FileReport f : config.applyTo(builder)) {
                parameterErrors.add(relabel(basedir, f));
            }
        }
        List<Path> guardRuleFiles = new ArrayList<>();
        if (rules != null && !rules.isEmpty()) {
            for (File f : rules) {
                guardRuleFiles.add(resolve(basedir, f));
            }
            GuardRuleSet.Loaded loaded = GuardRuleSet.load(guardRuleFiles);
            for (ParseProblem p : loaded.problems()) {
                parameterErrors.add(relabel(basedir, FileReport.failed(p.location().file(), List.of(p))));
            }
            builder.addRules(List.of(loaded.rules()));
        }
        if (config != null) {
            guardRuleFiles.addAll(config.guardRules());
        }
        builder.unresolvedSeverity(unresolvedSeverity).skipRules(skipRules == null ? List.of() : skipRules);
        Path baselineFile = baseline != null ? resolve(basedir, baseline)
                : config != null ? config.baseline().map(p -> p.toAbsolutePath().normalize()).orElse(null) : null;
        Baseline known = null;
        Path writeBaselineFile = writeBaseline == null ? null : resolve(basedir, writeBaseline);
        if (writeBaselineFile != null) {
            baselineFile = null; // recording today's findings: nothing is hidden
        }
        if (baselineFile != null) {
            try {
                known = Baseline.read(baselineFile);
            } catch (TemplateParseException e) {
                parameterErrors.add(relabel(basedir, FileReport.failed(baselineFile.toString(), e.problems())));
            }
        }
        List<ParameterFile> parameterFiles = parameters == null ? List.of() : parameters;
        for (ParameterFile pf : parameterFiles) {
            if (pf == null || pf.getFile() == null) {
                throw new MojoExecutionException("parameters: each entry needs a <file>");
            }
            Path file = resolve(basedir, pf.getFile());
            String display = display(basedir, file);
            ParameterValues values;
            try {
                values = ParameterValues.read(file);
            } catch (TemplateParseException e) {
                List<ParseProblem> problems = new ArrayList<>();
                for (ParseProblem p : e.problems()) {
                    problems.add(new ParseProblem(p.message(), p.location().withFile(display), p.related()));
                }
                parameterErrors.add(FileReport.failed(display, problems));
                continue;
            }
            if (pf.getTemplates().isEmpty()) {
                builder.parameters(values);
            } else {
                builder.parameters(new TemplateMatcher(basedir, roots, AntPattern.compileAll(pf.getTemplates())),
                        values);
            }
        }
        Validator validator = builder.build();

        Path srcRoot = sourceRoot != null ? resolve(basedir, sourceRoot) : detectSourceRoot(basedir);
        Map<String, Path> reportFiles = reportFiles(formatNames);
        UpToDateCheck upToDate = new UpToDateCheck(Path.of(project.getBuild().getDirectory())
                .resolve("cfn-validator-cache").resolve("check-" + executionId() + ".properties"));
        fingerprint(upToDate, basedir, roots, include, exclude, threshold, unresolvedSeverity, formatNames,
                srcRoot, validator, parameterFiles, inputs);
        if (config != null) {
            upToDate.addFile("config " + config.file(), config.file());
            for (ProjectConfig.ParameterBinding b : config.parameters()) {
                upToDate.add("config parameters", b.glob());
                upToDate.addFile(b.file().toString(), b.file());
            }
        }
        if (baselineFile != null) {
            upToDate.addFile("baseline " + baselineFile, baselineFile);
        }
        for (Path guard : guardRuleFiles) {
            for (Path f : guardFiles(guard)) {
                upToDate.addFile("guard rules " + f, f);
            }
        }
        if (incremental && writeBaselineFile == null) {
            Optional<UpToDateCheck.Previous> previous = upToDate.previous();
            if (previous.isPresent()) {
                log.info("CFN Validator: " + inputs.size() + " template(s) and the configuration are unchanged since "
                        + "the last passing check; skipped re-validation (-Dcfn.incremental=false forces it)");
                log.info(previous.get().summary());
                return;
            }
        } else {
            upToDate.forget();
        }

        log.info("CFN Validator " + Version.current() + ": checking " + inputs.size() + " file(s) in "
                + describe(basedir, roots) + " against " + validator.rules().size() + " rule(s)");
        Report report = validator.report(validator.validateInputs(inputs));
        if (writeBaselineFile != null) {
            try {
                Baseline.of(report).write(writeBaselineFile);
            } catch (IOException e) {
                throw new MojoExecutionException("CFN Validator: cannot write the baseline "
                        + display(basedir, writeBaselineFile) + ": " + e.getMessage(), e);
            }
            log.info("CFN Validator: baseline written: " + report.allFindings().size() + " finding(s) in "
                    + display(basedir, writeBaselineFile));
        }
        String baselineNote = null;
        if (known != null) {
            Baseline.Filtered filtered = known.filter(report);
            report = filtered.report();
            baselineNote = filtered.known() + " known finding(s) in baseline " + display(basedir, baselineFile)
                    + " not reported" + (filtered.fixed() > 0 ? "; " + filtered.fixed()
                    + " baseline entr(ies) fixed since" : "");
        }
        if (!parameterErrors.isEmpty()) {
            List<FileReport> all = new ArrayList<>(parameterErrors);
            all.addAll(report.files());
            report = report.withFiles(all);
        }
        logReport(log, report);

        List<Path> written = writeReports(report, reportFiles, basedir, srcRoot, threshold);
        Summary summary = report.summary();
        String summaryLine = summary.describe() + (baselineNote == null ? "" : " (" + baselineNote + ")");
        log.info(summaryLine);

        String seeReport = written.isEmpty() ? "" : "; see " + display(basedir, written.get(0));
        if (report.hasInputErrors()) {
            List<String> locations = new ArrayList<>();
            report.files().forEach(f -> f.errors().forEach(p -> locations.add(p.location() + ": " + p.message())));
            String message = locations.size() + " input error(s): " + locations.get(0)
                    + (locations.size() > 1 ? " (and " + (locations.size() - 1) + " more above)" : "");
            if (failOnParseError) {
                upToDate.forget();
                throw new MojoExecutionException("CFN Validator: " + message + seeReport);
            }
            log.warn("CFN Validator: " + message + " (failOnParseError is false)");
        }
        int violations = summary.atOrAbove(threshold);
        if (writeBaselineFile != null) {
            upToDate.forget();
            return; // the findings were recorded as known, not judged
        }
        if (violations > maxAllowedViolations) {
            upToDate.forget();
            throw new MojoFailureException("CFN Validator: " + violations + " violation(s) at or above severity "
                    + threshold.label() + " in " + summary.templates() + " template(s)"
                    + (maxAllowedViolations > 0 ? " (maxAllowedViolations is " + maxAllowedViolations + ")" : "")
                    + seeReport);
        }
        if (violations > 0) {
            log.warn("CFN Validator: " + violations + " violation(s) at or above severity " + threshold.label()
                    + ", within maxAllowedViolations " + maxAllowedViolations);
        }
        if (incremental && !report.hasInputErrors()) {
            try {
                upToDate.record(summaryLine, written);
            } catch (IOException e) {
                log.debug("could not record the up-to-date state in " + upToDate.file() + ": " + e);
            }
        }
    }

    /** The configuration file: the one configured, else {@code cfn-validator.yaml} in the base directory if any. */
    private ProjectConfig readConfig(Path basedir) throws MojoExecutionException {
        try {
            if (configFile != null) {
                Path file = resolve(basedir, configFile);
                if (!Files.isRegularFile(file)) {
                    throw new MojoExecutionException("configFile " + display(basedir, file) + " does not exist");
                }
                return ProjectConfig.read(file);
            }
            return ProjectConfig.find(basedir).orElse(null);
        } catch (TemplateParseException e) {
            List<String> lines = new ArrayList<>();
            for (ParseProblem p : e.problems()) {
                String line = TextReportWriter.line(new ParseProblem(p.message(),
                        p.location().withFile(display(basedir, Path.of(p.location().file()))), p.related()));
                getLog().error(line);
                lines.add(line);
            }
            throw new MojoExecutionException("CFN Validator: the configuration file cannot be used: "
                    + String.join("; ", lines));
        }
    }

    /** A failed file report with its path (and its problems' file names) relative to the base directory. */
    private static FileReport relabel(Path basedir, FileReport f) {
        String path = display(basedir, Path.of(f.path()));
        List<ParseProblem> problems = new ArrayList<>();
        for (ParseProblem p : f.errors()) {
            problems.add(new ParseProblem(p.message(), p.location().withFile(path), p.related()));
        }
        return FileReport.failed(path, problems);
    }

    private String executionId() {
        String id = mojoExecution == null ? null : mojoExecution.getExecutionId();
        return id == null || id.isBlank() ? "default" : id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static Severity parseThreshold(String s) throws MojoExecutionException {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "error":
                return Severity.ERROR;
            case "warning":
                return Severity.WARNING;
            case "info":
                return Severity.INFO;
            case "none":
                return null;
            default:
                throw new MojoExecutionException("failOnSeverity must be error, warning, info or none, not '" + s
                        + "'");
        }
    }

    static Severity parseUnresolved(String s) throws MojoExecutionException {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "warning":
                return Severity.WARNING;
            case "error":
                return Severity.ERROR;
            default:
                throw new MojoExecutionException("unresolved must be warning or error, not '" + s + "'");
        }
    }

    static List<String> parseFormats(List<String> formats) throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        for (String f : formats == null ? List.<String>of() : formats) {
            for (String part : f.split(",")) {
                String v = part.trim().toLowerCase(Locale.ROOT);
                if (v.isEmpty()) {
                    continue;
                }
                if (!List.of("sarif", "junit", "json", "text").contains(v)) {
                    throw new MojoExecutionException("formats: unknown report format '" + part.trim()
                            + "' (expected sarif, junit, json or text)");
                }
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    private List<Path> sourceRoots(Path basedir, Log log) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(basedir.resolve(DEFAULT_SOURCE_DIRECTORY).normalize());
        if (sourceDirectories != null) {
            for (File f : sourceDirectories) {
                if (f == null || f.getPath().isBlank()) {
                    continue;
                }
                Path p = resolve(basedir, f);
                if (!Files.exists(p)) {
                    log.warn("Source directory " + display(basedir, p) + " does not exist");
                }
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static Path resolve(Path basedir, File f) {
        return basedir.resolve(f.toPath()).toAbsolutePath().normalize();
    }

    /** A path as logged and reported: relative to the project base directory, forward slashes. */
    static String display(Path basedir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String s = abs.startsWith(basedir) ? basedir.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }

    private static String describe(Path basedir, List<Path> roots) {
        List<String> names = new ArrayList<>();
        for (Path r : roots) {
            names.add(display(basedir, r));
        }
        return String.join(", ", names);
    }

    /** The templates below the source roots that the include and exclude patterns select, sorted, each once. */
    static List<TemplateFinder.Input> findTemplates(Path basedir, List<Path> roots, List<AntPattern> include,
                                                    List<AntPattern> exclude) throws MojoExecutionException {
        Map<Path, TemplateFinder.Input> found = new LinkedHashMap<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                found.putIfAbsent(root, new TemplateFinder.Input(root, display(basedir, root), true));
                continue;
            }
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String rel = root.relativize(file).toString().replace('\\', '/');
                        if (attrs.isRegularFile() && AntPattern.any(include, rel) && !AntPattern.any(exclude, rel)) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        files.add(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new MojoExecutionException("cannot search " + display(basedir, root) + " for templates: "
                        + e.getMessage(), e);
            }
            files.sort(Comparator.comparing(p -> p.toString().replace('\\', '/')));
            for (Path f : files) {
                found.putIfAbsent(f.normalize(), new TemplateFinder.Input(f, display(basedir, f), false));
            }
        }
        return List.copyOf(found.values());
    }

    /** The git work tree root above the project, else the top of the Maven build, else the project itself. */
    private Path detectSourceRoot(Path basedir) {
        for (Path p = basedir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        File top = session == null || session.getRequest() == null ? null
                : session.getRequest().getMultiModuleProjectDirectory();
        if (top != null && basedir.startsWith(top.toPath().toAbsolutePath().normalize())) {
            return top.toPath().toAbsolutePath().normalize();
        }
        return basedir;
    }

    private Map<String, Path> reportFiles(List<String> formatNames) {
        Map<String, Path> out = new LinkedHashMap<>();
        Path dir = outputDirectory.toPath().toAbsolutePath().normalize();
        for (String f : formatNames) {
            out.put(f, dir.resolve(writerFor(f, null, null, null).defaultFileName()));
        }
        return out;
    }

    private static ReportWriter writerFor(String format, Path basedir, Path srcRoot, Severity threshold) {
        switch (format) {
            case "sarif":
                return basedir == null ? new SarifReportWriter() : new SarifReportWriter(basedir, srcRoot);
            case "junit":
                return new JUnitReportWriter(threshold);
            case "json":
                return new JsonReportWriter();
            default:
                return new TextReportWriter();
        }
    }

    private List<Path> writeReports(Report report, Map<String, Path> files, Path basedir, Path srcRoot,
                                    Severity threshold) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Path file = e.getValue();
            try {
                Files.createDirectories(file.getParent());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    writerFor(e.getKey(), basedir, srcRoot, threshold).write(report, w);
                }
            } catch (IOException ex) {
                throw new MojoExecutionException("cannot write the " + e.getKey() + " report " + file + ": "
                        + ex.getMessage(), ex);
            }
            written.add(file);
        }
        return written;
    }

    private void logReport(Log log, Report report) {
        for (FileReport f : report.files()) {
            if (f.isSkipped()) {
                log.debug(f.path() + ": skipped: " + f.skipped());
                continue;
            }
            for (ParseProblem p : f.errors()) {
                if (failOnParseError) {
                    log.error(TextReportWriter.line(p));
                } else {
                    log.warn(TextReportWriter.line(p));
                }
            }
            for (Finding x : f.findings()) {
                String line = TextReportWriter.line(x);
                switch (x.severity()) {
                    case ERROR:
                        log.error(line);
                        break;
                    case WARNING:
                        log.warn(line);
                        break;
                    default:
                        log.info(line);
                }
            }
        }
    }

    /** The Guard rule files a rules path stands for (itself, or the .guard/.ruleset files of a folder). */
    private static List<Path> guardFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try {
            List<Path> out = new ArrayList<>();
            for (Path p : GuardFiles.walk(path, false)) {
                if (Files.isRegularFile(p) && p.getFileName() != null
                        && GuardFiles.hasExtension(p.getFileName().toString(), GuardFiles.RULE_EXTENSIONS)) {
                    out.add(p);
                }
            }
            return out;
        } catch (IOException e) {
            return List.of(path);
        }
    }

    private void fingerprint(UpToDateCheck c, Path basedir, List<Path> roots, List<AntPattern> include,
                             List<AntPattern> exclude, Severity threshold, Severity unresolvedSeverity,
                             List<String> formatNames, Path srcRoot, Validator validator,
                             List<ParameterFile> parameterFiles, List<TemplateFinder.Input> inputs) {
        c.add("version", Version.current());
        c.addCodeOf(Validator.class);
        c.addCodeOf(CheckMojo.class);
        c.add("basedir", basedir);
        c.add("roots", roots);
        c.add("includes", include);
        c.add("excludes", exclude);
        c.add("failOnSeverity", threshold == null ? "none" : threshold.label());
        c.add("unresolved", unresolvedSeverity.label());
        c.add("maxAllowedViolations", maxAllowedViolations);
        c.add("failOnParseError", failOnParseError);
        c.add("formats", formatNames);
        c.add("outputDirectory", outputDirectory.getAbsolutePath());
        c.add("sourceRoot", srcRoot);
        for (RuleDescriptor r : validator.ruleDescriptors()) {
            c.add("rule", r);
        }
        for (ParameterFile pf : parameterFiles) {
            c.add("parameters", pf.getTemplates());
            c.addFile(pf.getFile().toString(), resolve(basedir, pf.getFile()));
        }
        for (TemplateFinder.Input in : inputs) {
            c.add("explicit", in.explicit());
            c.addFile(in.display(), in.path());
        }
    }

    /** Matches templates by Ant patterns relative to their source folder or to the project base directory. */
    private static final class TemplateMatcher implements PathMatcher {
        private final Path basedir;
        private final List<Path> roots;
        private final List<AntPattern> patterns;

        TemplateMatcher(Path basedir, List<Path> roots, List<AntPattern> patterns) {
            this.basedir = basedir;
            this.roots = roots;
            this.patterns = patterns;
        }

        @Override
        public boolean matches(Path path) {
            if (!path.isAbsolute()) {
                return false; // the validator also offers bare file names; templates are always given absolute
            }
            Path abs = path.normalize();
            for (Path root : roots) {
                if (abs.startsWith(root) && !abs.equals(root)
                        && AntPattern.any(patterns, root.relativize(abs).toString().replace('\\', '/'))) {
                    return true;
                }
            }
            return abs.startsWith(basedir)
                    && AntPattern.any(patterns, basedir.relativize(abs).toString().replace('\\', '/'));
        }

        @Override
        public String toString() {
            return "templates " + patterns;
        }
    }
}
