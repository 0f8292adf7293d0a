package io.github.cfnvalidator.maven;

import io.github.cfnvalidator.TemplateFinder;
import io.github.cfnvalidator.report.HtmlReportWriter;
import io.github.cfnvalidator.run.InputProblem;
import io.github.cfnvalidator.run.Run;
import io.github.cfnvalidator.run.RunResult;
import io.github.cfnvalidator.run.RunSettings;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The "CFN Validator" page of the Maven site ({@code <reporting>}, or {@code mvn cfn-validator:report}): the same
 * content as the HTML report ({@code formats} {@code html}) inside the site's look. It reports and never fails the
 * build; the {@code check} goal is the gate. It reads the same parameters as {@code check} (and
 * {@code cfn-validator.yaml}) that decide what is checked and how.
 */
@Mojo(name = "report", threadSafe = true, requiresDependencyResolution = ResolutionScope.NONE)
public class ReportMojo extends AbstractMavenReport {
    /** Skips the report. */
    @Parameter(property = "cfn.skip", defaultValue = "false")
    private boolean skip;

    /** Folders (or files) to search besides {@code src/main/cloudformation}, as for {@code check}. */
    @Parameter(property = "cfn.sourceDirectories")
    private List<File> sourceDirectories;

    /** Ant patterns of the files to check, relative to each source folder, as for {@code check}. */
    @Parameter(property = "cfn.includes")
    private List<String> includes;

    /** Ant patterns of files not to check, as for {@code check}. */
    @Parameter(property = "cfn.excludes")
    private List<String> excludes;

    /** The threshold the page's verdict is judged against, as for {@code check}. */
    @Parameter(property = "cfn.failOnSeverity")
    private String failOnSeverity;

    /** The severity of findings about values unknown before deploy: {@code warning} or {@code error}. */
    @Parameter(property = "cfn.unresolved")
    private String unresolved;

    /** The project configuration file (default: {@code cfn-validator.yaml} in the project folder, if present). */
    @Parameter(property = "cfn.configFile")
    private File configFile;

    /** A baseline: the findings it records are listed apart, as known. */
    @Parameter(property = "cfn.baseline")
    private File baseline;

    /** Deploy-time parameter files, as for {@code check}. */
    @Parameter(property = "cfn.parameters")
    private List<ParameterFile> parameters;

    /** CloudFormation Guard rule files or folders, run beside the built-in rules. */
    @Parameter(property = "cfn.rules")
    private List<File> rules;

    /** Rule ids to turn off. */
    @Parameter(property = "cfn.skipRules")
    private List<String> skipRules;

    @Override
    public String getOutputName() {
        return "cfn-validator";
    }

    @Override
    public String getName(Locale locale) {
        return "CFN Validator";
    }

    @Override
    public String getDescription(Locale locale) {
        return "CloudFormation templates checked against the CFN Validator rules, with the deployments that break "
                + "them.";
    }

    @Override
    public boolean canGenerateReport() {
        return !skip && sourceRoots(basedir()).stream().anyMatch(Files::exists);
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path basedir = basedir();
        RunResult result;
        try {
            result = Run.execute(settings(basedir));
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        for (InputProblem p : result.problems()) {
            getLog().warn(p.location() + ": " + p.message());
        }
        StringWriter html = new StringWriter();
        try {
            new HtmlReportWriter(result.threshold().severity(), basedir).writeFragment(result.report(), html);
        } catch (IOException e) {
            throw new MavenReportException("cannot write the CFN Validator report: " + e.getMessage(), e);
        }
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        sink.rawText(html.toString());
        sink.section1_();
        sink.body_();
        getLog().info("CFN Validator report: " + result.report().summary().describe());
    }

    private Path basedir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    private List<Path> sourceRoots(Path basedir) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(basedir.resolve(CheckMojo.DEFAULT_SOURCE_DIRECTORY).normalize());
        for (File f : sourceDirectories == null ? List.<File>of() : sourceDirectories) {
            if (f != null && !f.getPath().isBlank()) {
                out.add(basedir.resolve(f.toPath()).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(out);
    }

    private RunSettings settings(Path basedir) throws MojoExecutionException {
        RunSettings.Builder b = RunSettings.builder().projectDir(basedir).paths(sourceRoots(basedir))
                .includes(includes == null || includes.isEmpty() ? CheckMojo.DEFAULT_INCLUDES : includes)
                .excludes(excludes == null ? List.of() : excludes)
                .failOn(failOnSeverity == null ? null : CheckMojo.parseThreshold(failOnSeverity))
                .unresolved(unresolved == null ? null : CheckMojo.parseUnresolved(unresolved))
                .guardRules(rules == null ? List.of() : rules.stream().map(File::toPath).toList())
                .skipRules(skipRules == null ? List.of() : skipRules)
                .baseline(baseline == null ? null : baseline.toPath());
        for (ParameterFile pf : parameters == null ? List.<ParameterFile>of() : parameters) {
            if (pf == null || pf.getFile() == null) {
                throw new MojoExecutionException("parameters: each entry needs a <file>");
            }
            b.parameters(pf.getFile().toPath(), pf.getTemplates());
        }
        if (configFile != null) {
            Path file = basedir.resolve(configFile.toPath()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new MojoExecutionException("configFile " + TemplateFinder.display(basedir, file)
                        + " does not exist");
            }
            b.configFile(file);
        }
        return b.build();
    }
}
