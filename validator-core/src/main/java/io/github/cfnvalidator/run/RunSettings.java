package io.github.cfnvalidator.run;

import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Threshold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Everything a front end says about one run, already typed: what to check, which configuration file, the overrides
 * (flags, plugin parameters) that win over it, parameter files, baselines, Guard rules and reports. Built with
 * {@link #builder()}; {@code null} fields mean "not given" (the configuration file or the default decides).
 *
 * @param paths          template files and folders (see {@link io.github.cfnvalidator.TemplateFinder})
 * @param includes       Ant patterns of the files a folder contributes (empty: the template extensions)
 * @param excludes       Ant patterns of files not to check
 * @param documents      templates held in memory, checked after the paths
 * @param projectDir     the project folder: relative paths are resolved against it, files are named relative to it,
 *                       missing paths are skipped, and {@code cfn-validator.yaml} is looked for in it. {@code null}
 *                       (the CLI): paths are used and named as given, a missing path is an input problem, and the
 *                       configuration is looked for in the working directory
 * @param config         how to find the configuration file
 * @param configFile     the configuration file, when {@code config} is {@link ConfigSource#FILE}
 * @param failOn         the threshold, overriding the configuration file's
 * @param unresolved     the severity of unresolved findings ({@code warning} or {@code error}), overriding the file's
 * @param parameterFiles deploy-time parameter files after the configuration file's, in order (later files win)
 * @param baseline       a baseline whose findings are not reported, overriding the file's
 * @param writeBaseline  a baseline to record today's findings in (then no baseline is read)
 * @param guardRules     Guard rule files or folders, run beside the built-in rules and the file's Guard rules
 * @param skipRules      rule ids to turn off, besides those the file turns off
 * @param threads        files checked at once, or {@code null} for the number of processors
 * @param outputs        report files to write ({@link RunResult#writeOutputs()})
 * @param sourceRoot     the folder SARIF URIs are relative to, or {@code null} for the project (or working) folder
 */
public record RunSettings(List<Path> paths, List<String> includes, List<String> excludes,
                          List<SourceDocument> documents, Path projectDir, ConfigSource config, Path configFile,
                          Threshold failOn, Severity unresolved, List<ParameterFile> parameterFiles, Path baseline,
                          Path writeBaseline, List<Path> guardRules, List<String> skipRules, Integer threads,
                          List<Output> outputs, Path sourceRoot) {
    /** Where the configuration comes from. */
    public enum ConfigSource {
        /** {@code cfn-validator.yaml} in the project folder (or the working directory), if there is one. */
        SEARCH,
        /** The file given as {@code configFile}; a missing file is a configuration problem. */
        FILE,
        /** No configuration file. */
        NONE
    }

    /**
     * A parameter file, for every template or for those its patterns match.
     *
     * @param file      the file (a CloudFormation list, a {@code {"Parameters": {..}}} file or {@code Key=Value} lines)
     * @param templates Ant patterns matched against a template's path relative to each searched folder and to the
     *                  project folder; empty: every template
     */
    public record ParameterFile(Path file, List<String> templates) {
        public ParameterFile {
            Objects.requireNonNull(file, "file");
            templates = templates == null ? List.of() : List.copyOf(templates);
        }
    }

    /**
     * A report file to write.
     *
     * @param format the format
     * @param file   the file (parent folders are created)
     */
    public record Output(ReportFormat format, Path file) {
        public Output {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(file, "file");
        }
    }

    public RunSettings {
        paths = List.copyOf(paths);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        documents = List.copyOf(documents);
        Objects.requireNonNull(config, "config");
        if (config == ConfigSource.FILE) {
            Objects.requireNonNull(configFile, "configFile");
        }
        if (unresolved == Severity.INFO) {
            throw new IllegalArgumentException("unresolved must be warning or error, not 'info'");
        }
        parameterFiles = List.copyOf(parameterFiles);
        guardRules = List.copyOf(guardRules);
        skipRules = List.copyOf(skipRules);
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        outputs = List.copyOf(outputs);
    }

    /** A builder with nothing to check, the configuration searched for, and no overrides. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RunSettings}; every method returns the builder. */
    public static final class Builder {
        private final List<Path> paths = new ArrayList<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final List<SourceDocument> documents = new ArrayList<>();
        private Path projectDir;
        private ConfigSource config = ConfigSource.SEARCH;
        private Path configFile;
        private Threshold failOn;
        private Severity unresolved;
        private final List<ParameterFile> parameterFiles = new ArrayList<>();
        private Path baseline;
        private Path writeBaseline;
        private final List<Path> guardRules = new ArrayList<>();
        private final List<String> skipRules = new ArrayList<>();
        private Integer threads;
        private final List<Output> outputs = new ArrayList<>();
        private Path sourceRoot;

        private Builder() {
        }

        /** Adds template files and folders. */
        public Builder paths(Collection<Path> more) {
            paths.addAll(more);
            return this;
        }

        /** Adds Ant patterns of the files folders contribute (replacing the default extensions). */
        public Builder includes(Collection<String> patterns) {
            includes.addAll(patterns);
            return this;
        }

        /** Adds Ant patterns of files not to check. */
        public Builder excludes(Collection<String> patterns) {
            excludes.addAll(patterns);
            return this;
        }

        /** Adds a template held in memory. */
        public Builder document(SourceDocument document) {
            documents.add(Objects.requireNonNull(document));
            return this;
        }

        /** The project folder (see {@link RunSettings#projectDir()}). */
        public Builder projectDir(Path dir) {
            this.projectDir = dir;
            return this;
        }

        /** Uses this configuration file. */
        public Builder configFile(Path file) {
            this.config = ConfigSource.FILE;
            this.configFile = Objects.requireNonNull(file);
            return this;
        }

        /** Uses no configuration file. */
        public Builder noConfig() {
            this.config = ConfigSource.NONE;
            this.configFile = null;
            return this;
        }

        /** The threshold, over the configuration file's ({@code null}: the file's, else error). */
        public Builder failOn(Threshold threshold) {
            this.failOn = threshold;
            return this;
        }

        /** The severity of unresolved findings, over the file's ({@code null}: the file's, else warning). */
        public Builder unresolved(Severity severity) {
            this.unresolved = severity;
            return this;
        }

        /** Adds a parameter file for every template. */
        public Builder parameters(Path file) {
            return parameters(file, List.of());
        }

        /** Adds a parameter file for the templates the Ant patterns match (every template when empty). */
        public Builder parameters(Path file, List<String> templates) {
            parameterFiles.add(new ParameterFile(file, templates));
            return this;
        }

        /** A baseline whose findings are not reported. */
        public Builder baseline(Path file) {
            this.baseline = file;
            return this;
        }

        /** Records today's findings in this baseline instead of judging them. */
        public Builder writeBaseline(Path file) {
            this.writeBaseline = file;
            return this;
        }

        /** Adds Guard rule files or folders. */
        public Builder guardRules(Collection<Path> more) {
            guardRules.addAll(more);
            return this;
        }

        /** Turns rules off by id. */
        public Builder skipRules(Collection<String> ids) {
            skipRules.addAll(ids);
            return this;
        }

        /** Files checked at once ({@code null}: the number of processors). */
        public Builder threads(Integer n) {
            this.threads = n;
            return this;
        }

        /** Adds a report file to write. */
        public Builder output(ReportFormat format, Path file) {
            outputs.add(new Output(format, file));
            return this;
        }

        /** The folder SARIF URIs are relative to. */
        public Builder sourceRoot(Path dir) {
            this.sourceRoot = dir;
            return this;
        }

        /** The settings. */
        public RunSettings build() {
            return new RunSettings(paths, includes, excludes, documents, projectDir, config, configFile, failOn,
                    unresolved, parameterFiles, baseline, writeBaseline, guardRules, skipRules, threads, outputs,
                    sourceRoot);
        }
    }
}
