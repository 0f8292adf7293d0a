package io.github.cfnvalidator.maven;

import io.github.cfnvalidator.TemplateFinder;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.Version;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.RuleDescriptor;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Summary;
import io.github.cfnvalidator.report.TextReportWriter;
import io.github.cfnvalidator.report.Threshold;
import io.github.cfnvalidator.run.BaselineOutcome;
import io.github.cfnvalidator.run.InputProblem;
import io.github.cfnvalidator.run.Run;
import io.github.cfnvalidator.run.RunPlan;
import io.github.cfnvalidator.run.RunResult;
import io.github.cfnvalidator.run.RunSettings;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * <p>Option mapping plus output over the run layer ({@link Run}): parameters in, Maven log lines, report files and the
 * build result out. Precedence, Guard rules, parameter files, baselines and template search are the run layer's.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractMojo {
    /** The folder searched when nothing else is configured (and always, when it exists). */
    static final String DEFAULT_SOURCE_DIRECTORY = "src/main/cloudformation";
    /** The files a source folder contributes unless {@code includes} says otherwise. */
    static final List<String> DEFAULT_INCLUDES = TemplateFinder.DEFAULT_INCLUDES;

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
        List<Path> roots = sourceRoots(basedir, log);
        RunSettings settings = settings(basedir, roots);
        if (maxAllowedViolations < 0) {
            throw new MojoExecutionException("maxAllowedViolations must be 0 or more, not " + maxAllowedViolations);
        }
        RunPlan plan = Run.prepare(settings);
        if (!plan.blockingProblems().isEmpty()) {
            throw configurationProblem(plan.blockingProblems());
        }
        if (plan.inputs().isEmpty()) {
            String where = describe(basedir, roots);
            if (failIfNoTemplates) {
                throw new MojoFailureException("No CloudFormation templates found in " + where
                        + " (failIfNoTemplates is set)");
            }
            log.info("No CloudFormation templates found in " + where + "; nothing to check");
            return;
        }
        UpToDateCheck upToDate = upToDateCheck(plan);
        if (incremental && writeBaseline == null) {
            Optional<UpToDateCheck.Previous> previous = upToDate.previous();
            if (previous.isPresent()) {
                log.info("CFN Validator: " + plan.inputs().size() + " template(s) and the configuration are "
                        + "unchanged since the last passing check; skipped re-validation (-Dcfn.incremental=false "
                        + "forces it)");
                log.info(previous.get().summary());
                return;
            }
        } else {
            upToDate.forget();
        }
        log.info("CFN Validator " + Version.current() + ": checking " + plan.inputs().size() + " file(s) in "
                + describe(basedir, roots) + " against " + plan.validator().rules().size() + " rule(s)");
        judge(plan.execute(), upToDate, basedir);
    }

    /** The parameters as run settings: the project folder, its source folders, overrides and report files. */
    private RunSettings settings(Path basedir, List<Path> roots) throws MojoExecutionException {
        RunSettings.Builder b = RunSettings.builder().projectDir(basedir).paths(roots)
                .includes(includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes)
                .excludes(excludes == null ? List.of() : excludes)
                .failOn(failOnSeverity == null ? null : parseThreshold(failOnSeverity))
                .unresolved(unresolved == null ? null : parseUnresolved(unresolved))
                .guardRules(rules == null ? List.of() : rules.stream().map(File::toPath).toList())
                .skipRules(skipRules == null ? List.of() : skipRules)
                .baseline(baseline == null ? null : baseline.toPath())
                .writeBaseline(writeBaseline == null ? null : writeBaseline.toPath())
                .sourceRoot(sourceRoot != null ? resolve(basedir, sourceRoot) : detectSourceRoot(basedir));
        Path out = outputDirectory.toPath().toAbsolutePath().normalize();
        for (ReportFormat f : parseFormats(formats)) {
            b.output(f, out.resolve(f.defaultFileName()));
        }
        for (ParameterFile pf : parameters == null ? List.<ParameterFile>of() : parameters) {
            if (pf == null || pf.getFile() == null) {
                throw new MojoExecutionException("parameters: each entry needs a <file>");
            }
            b.parameters(pf.getFile().toPath(), pf.getTemplates());
        }
        if (configFile != null) {
            Path file = resolve(basedir, configFile);
            if (!Files.isRegularFile(file)) {
                throw new MojoExecutionException("configFile " + TemplateFinder.display(basedir, file)
                        + " does not exist");
            }
            b.configFile(file);
        }
        return b.build();
    }

    /** An unusable configuration file: its problems logged, then the build stopped. */
    private MojoExecutionException configurationProblem(List<InputProblem> problems) {
        List<String> lines = new ArrayList<>();
        for (InputProblem p : problems) {
            String line = TextReportWriter.line(p.problem());
            getLog().error(line);
            lines.add(line);
        }
        return new MojoExecutionException("CFN Validator: the configuration file cannot be used: "
                + String.join("; ", lines));
    }

    /** Logs the result, writes the reports and turns the verdict into the build result. */
    private void judge(RunResult result, UpToDateCheck upToDate, Path basedir)
            throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        Optional<BaselineOutcome.Written> recorded = result.baseline().written();
        if (recorded.isPresent()) {
            if (recorded.get().error().isPresent()) {
                throw new MojoExecutionException("CFN Validator: " + recorded.get().error().get());
            }
            log.info("CFN Validator: baseline written: " + recorded.get().findings() + " finding(s) in "
                    + recorded.get().name());
        }
        Report report = result.report();
        logReport(log, report);
        List<Path> written;
        try {
            written = result.writeOutputs();
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Summary summary = report.summary();
        String summaryLine = summary.describe() + result.baseline().applied().map(a -> " (" + a.known()
                + " known finding(s) in baseline " + a.name() + " not reported" + (a.fixed() > 0 ? "; " + a.fixed()
                + " baseline entr(ies) fixed since" : "") + ")").orElse("");
        log.info(summaryLine);
        String seeReport = written.isEmpty() ? "" : "; see " + TemplateFinder.display(basedir, written.get(0));
        if (!result.problems().isEmpty()) {
            List<InputProblem> problems = result.problems();
            String message = problems.size() + " input error(s): " + problems.get(0).location() + ": "
                    + problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more above)" : "");
            if (failOnParseError) {
                upToDate.forget();
                throw new MojoExecutionException("CFN Validator: " + message + seeReport);
            }
            log.warn("CFN Validator: " + message + " (failOnParseError is false)");
        }
        if (recorded.isPresent()) {
            upToDate.forget();
            return; // the findings were recorded as known, not judged
        }
        failOnViolations(result, summary, seeReport, upToDate);
        if (incremental && result.problems().isEmpty()) {
            try {
                upToDate.record(summaryLine, written);
            } catch (IOException e) {
                log.debug("could not record the up-to-date state in " + upToDate.file() + ": " + e);
            }
        }
    }

    private void failOnViolations(RunResult result, Summary summary, String seeReport, UpToDateCheck upToDate)
            throws MojoFailureException {
        int violations = result.violations();
        String threshold = result.threshold().label();
        if (violations > maxAllowedViolations) {
            upToDate.forget();
            throw new MojoFailureException("CFN Validator: " + violations + " violation(s) at or above severity "
                    + threshold + " in " + summary.templates() + " template(s)"
                    + (maxAllowedViolations > 0 ? " (maxAllowedViolations is " + maxAllowedViolations + ")" : "")
                    + seeReport);
        }
        if (violations > 0) {
            getLog().warn("CFN Validator: " + violations + " violation(s) at or above severity " + threshold
                    + ", within maxAllowedViolations " + maxAllowedViolations);
        }
    }

    private String executionId() {
        String id = mojoExecution == null ? null : mojoExecution.getExecutionId();
        return id == null || id.isBlank() ? "default" : id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static Threshold parseThreshold(String s) throws MojoExecutionException {
        try {
            return Threshold.parse(s);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("failOnSeverity " + e.getMessage());
        }
    }

    static Severity parseUnresolved(String s) throws MojoExecutionException {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("warning") && !v.equals("error")) {
            throw new MojoExecutionException("unresolved must be warning or error, not '" + s + "'");
        }
        return Severity.parse(v);
    }

    static List<ReportFormat> parseFormats(List<String> formats) throws MojoExecutionException {
        try {
            return ReportFormat.parseAll(formats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("formats: " + e.getMessage());
        }
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
                    log.warn("Source directory " + TemplateFinder.display(basedir, p) + " does not exist");
                }
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static Path resolve(Path basedir, File f) {
        return basedir.resolve(f.toPath()).toAbsolutePath().normalize();
    }

    private static String describe(Path basedir, List<Path> roots) {
        List<String> names = new ArrayList<>();
        for (Path r : roots) {
            names.add(TemplateFinder.display(basedir, r));
        }
        return String.join(", ", names);
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

    /** The up-to-date check of this execution, fed with everything that decides the outcome. */
    private UpToDateCheck upToDateCheck(RunPlan plan) {
        UpToDateCheck c = new UpToDateCheck(Path.of(project.getBuild().getDirectory())
                .resolve("cfn-validator-cache").resolve("check-" + executionId() + ".properties"));
        RunSettings s = plan.settings();
        c.add("version", Version.current());
        c.addCodeOf(Validator.class);
        c.addCodeOf(CheckMojo.class);
        c.add("basedir", s.projectDir());
        c.add("roots", s.paths());
        c.add("includes", s.includes());
        c.add("excludes", s.excludes());
        c.add("failOnSeverity", plan.threshold().label());
        c.add("unresolved", plan.unresolvedSeverity().label());
        c.add("maxAllowedViolations", maxAllowedViolations);
        c.add("failOnParseError", failOnParseError);
        c.add("outputs", s.outputs());
        c.add("sourceRoot", s.sourceRoot());
        for (RuleDescriptor r : plan.validator().ruleDescriptors()) {
            c.add("rule", r);
        }
        for (RunPlan.Dependency d : plan.dependencies()) {
            c.addFile(d.label() + " " + d.file(), d.file());
        }
        for (TemplateFinder.Input in : plan.inputs()) {
            c.add("explicit", in.explicit());
            c.addFile(in.display(), in.path());
        }
        return c;
    }
}
