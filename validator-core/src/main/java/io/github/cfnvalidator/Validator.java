package io.github.cfnvalidator;

import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.report.RuleDescriptor;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleMetadata;
import io.github.cfnvalidator.rules.RuleRegistry;
import io.github.cfnvalidator.rules.Suppressions;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.ParserLimits;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateParseException;
import io.github.cfnvalidator.template.TemplateReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine: an immutable, thread-safe validator built once from its configuration and shared freely (across
 * threads, Maven modules, CLI runs). {@code parse -> resolve -> evaluate -> report} happens here. Front ends do not
 * build it themselves: the run layer ({@code io.github.cfnvalidator.run.Run}) builds it from their settings and the
 * configuration file.
 *
 * <pre>{@code
 * Validator v = Validator.builder().unresolvedSeverity(Severity.ERROR).build();
 * Report r = v.validate(List.of(Path.of("templates")));
 * }</pre>
 */
public final class Validator {
    private final List<Rule> rules;
    private final Set<String> skipped;
    private final Map<String, Severity> severityOverrides;
    private final Severity unresolvedSeverity;
    private final ParameterValues parameters;
    private final List<PathParameters> pathParameters;
    private final TemplateReader reader;
    private final int threads;

    private record PathParameters(String glob, PathMatcher matcher, ParameterValues values) {
    }

    private Validator(Builder b) {
        Set<String> skip = new HashSet<>(b.skipRules);
        List<Rule> active = new ArrayList<>();
        for (Rule r : b.rules == null ? RuleRegistry.builtIn().all() : b.rules) {
            if (!skip.contains(r.metadata().id())) {
                active.add(r);
            }
        }
        this.rules = List.copyOf(active);
        this.skipped = Set.copyOf(skip);
        this.severityOverrides = Map.copyOf(b.severityOverrides);
        this.unresolvedSeverity = b.unresolvedSeverity;
        this.parameters = b.parameters;
        this.pathParameters = List.copyOf(b.pathParameters);
        this.reader = new TemplateReader(b.limits);
        this.threads = b.threads;
    }

    /** A builder with the defaults: every built-in rule, unresolved values as warnings, default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** The active rules. */
    public List<Rule> rules() {
        return rules;
    }

    /** The reader this validator parses with. */
    public TemplateReader reader() {
        return reader;
    }

    /**
     * Validates files and folders (folders recursively). A folder's files that are not templates are skipped with a
     * note; a file named directly that is not a template is an input error. Each file is independent: one bad file
     * never hides the others' results.
     */
    public Report validate(Collection<Path> paths) {
        List<TemplateFinder.Input> inputs;
        List<FileReport> early = new ArrayList<>();
        try {
            inputs = TemplateFinder.expand(List.copyOf(paths));
        } catch (IOException e) {
            inputs = new ArrayList<>();
            for (Path p : paths) {
                inputs.add(new TemplateFinder.Input(p, TemplateFinder.display(p), true));
            }
        }
        List<FileReport> reports = new ArrayList<>(early);
        reports.addAll(validateInputs(inputs));
        return report(reports);
    }

    /**
     * Wraps per-file results (from {@link #validateInputs} or {@link #validateInput}) into a {@link Report} that also
     * lists this validator's active rules, the form every report writer takes.
     */
    public Report report(List<FileReport> files) {
        return new Report(files, ruleDescriptors());
    }

    /**
     * The active rules as reports describe them, with any severity override applied to their default, followed by
     * the suppression checks the validator always applies ({@link Suppressions#MISSING_REASON},
     * {@link Suppressions#UNUSED}).
     */
    public List<RuleDescriptor> ruleDescriptors() {
        List<RuleDescriptor> out = new ArrayList<>(rules.size() + 2);
        for (Rule r : rules) {
            out.add(describe(r.metadata()));
        }
        out.add(describe(Suppressions.MISSING_REASON));
        out.add(describe(Suppressions.UNUSED));
        return out;
    }

    private RuleDescriptor describe(RuleMetadata m) {
        return new RuleDescriptor(m.id(), severityOverrides.getOrDefault(m.id(), m.defaultSeverity()), m.summary(),
                m.docs());
    }

    /** Validates already expanded inputs, in parallel, keeping their order. */
    public List<FileReport> validateInputs(List<TemplateFinder.Input> inputs) {
        int n = Math.min(threads, inputs.size());
        if (n <= 1) {
            List<FileReport> out = new ArrayList<>(inputs.size());
            for (TemplateFinder.Input in : inputs) {
                out.add(validateInput(in));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "cfn-validator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileReport>> futures = new ArrayList<>(inputs.size());
            for (TemplateFinder.Input in : inputs) {
                futures.add(pool.submit(() -> validateInput(in)));
            }
            List<FileReport> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(FileReport.failed(inputs.get(i).display(), List.of(new ParseProblem(
                            "internal error while checking this file: " + e.getCause(),
                            Location.ofFile(inputs.get(i).display())))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("validation interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Validates one input file. */
    public FileReport validateInput(TemplateFinder.Input in) {
        Node document;
        try {
            document = reader.readDocument(in.path(), in.display());
        } catch (TemplateParseException e) {
            return FileReport.failed(in.display(), e.problems());
        }
        if (!in.explicit() && !Template.looksLikeTemplate(document)) {
            return FileReport.skipped(in.display(), "not a CloudFormation template (no Resources or "
                    + "AWSTemplateFormatVersion at the top level)");
        }
        return validateDocument(in.display(), document, parametersFor(in.path()));
    }

    /** Validates one file, naming it by its path. */
    public FileReport validate(Path file) {
        return validateInput(new TemplateFinder.Input(file, TemplateFinder.display(file), true));
    }

    /** Validates template text given directly; {@code name} appears in locations and picks YAML or JSON. */
    public FileReport validate(String name, String text) {
        return validate(name, text, parameters);
    }

    /**
     * Validates template text given directly (an unsaved editor buffer, a generated template) with the given pinned
     * parameter values, e.g. {@link #parametersFor} of the path the text will be saved to.
     */
    public FileReport validate(String name, String text, ParameterValues pinned) {
        Node document;
        try {
            document = reader.readDocument(name, text);
        } catch (TemplateParseException e) {
            return FileReport.failed(name, e.problems());
        }
        return validateDocument(name, document, Objects.requireNonNull(pinned));
    }

    private FileReport validateDocument(String display, Node document, ParameterValues pinned) {
        Template template;
        try {
            template = Template.of(document);
        } catch (TemplateParseException e) {
            return FileReport.failed(display, e.problems());
        }
        return FileReport.checked(display, check(template, pinned));
    }

    /** Runs the active rules over a parsed template with the given pinned parameter values. */
    public List<Finding> check(Template template, ParameterValues pinned) {
        List<Finding> raw = new ArrayList<>();
        Resolver resolver = Resolver.of(template, pinned);
        java.util.Set<String> ran = new java.util.HashSet<>();
        for (Rule rule : rules) {
            ran.add(rule.metadata().id());
            RuleContext ctx = new RuleContext(template, resolver, rule.metadata(), unresolvedSeverity, pinned);
            try {
                rule.check(ctx);
                raw.addAll(ctx.findings());
            } catch (RuntimeException | StackOverflowError e) {
                raw.add(new Finding(rule.metadata().id(), Severity.ERROR, "internal error in rule "
                        + rule.metadata().id() + " while checking this template (" + e
                        + "); please report it", null, "", template.root().location(), List.of(), null));
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : Suppressions.apply(template, raw, ran)) {
            if (skipped.contains(f.ruleId())) {
                continue;
            }
            Severity override = severityOverrides.get(f.ruleId());
            out.add(override == null ? f : f.withSeverity(override));
        }
        return out;
    }

    /** The pinned values for a file: the global ones, then every matching per-path set in order. */
    public ParameterValues parametersFor(Path file) {
        ParameterValues v = parameters;
        for (PathParameters pp : pathParameters) {
            if (pp.matcher().matches(file) || pp.matcher().matches(file.normalize())
                    || (file.getFileName() != null && pp.matcher().matches(file.getFileName()))) {
                v = v.overriddenBy(pp.values());
            }
        }
        return v;
    }

    /** Builds a {@link Validator}; not thread-safe, the product is. */
    public static final class Builder {
        private List<Rule> rules;
        private final Set<String> skipRules = new HashSet<>();
        private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
        private Severity unresolvedSeverity = Severity.WARNING;
        private ParameterValues parameters = ParameterValues.empty();
        private final List<PathParameters> pathParameters = new ArrayList<>();
        private ParserLimits limits = ParserLimits.DEFAULTS;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /** Uses exactly these rules instead of the registered built-ins. */
        public Builder rules(List<? extends Rule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        /** Adds rules to the active set (the built-ins unless {@link #rules} was called). */
        public Builder addRules(List<? extends Rule> more) {
            List<Rule> base = new ArrayList<>(this.rules == null ? RuleRegistry.builtIn().all() : this.rules);
            base.addAll(more);
            this.rules = base;
            return this;
        }

        /** Turns rules off by id. */
        public Builder skipRules(Collection<String> ids) {
            skipRules.addAll(ids);
            return this;
        }

        /** Reports a rule's findings at another severity. */
        public Builder severity(String ruleId, Severity severity) {
            severityOverrides.put(ruleId, Objects.requireNonNull(severity));
            return this;
        }

        /** The severity of findings about values that cannot be verified before deploy (default warning). */
        public Builder unresolvedSeverity(Severity s) {
            this.unresolvedSeverity = Objects.requireNonNull(s);
            return this;
        }

        /** Deploy-time values pinned for every template. */
        public Builder parameters(ParameterValues values) {
            this.parameters = this.parameters.overriddenBy(values);
            return this;
        }

        /** Deploy-time values pinned for templates whose path matches a glob ({@code **}/prod/*.yaml, ...). */
        public Builder parameters(String glob, ParameterValues values) {
            String pattern = glob.startsWith("glob:") || glob.startsWith("regex:") ? glob : "glob:" + glob;
            pathParameters.add(new PathParameters(glob, FileSystems.getDefault().getPathMatcher(pattern), values));
            return this;
        }

        /**
         * Deploy-time values pinned for templates whose path the matcher accepts; for callers with their own pattern
         * syntax (the Maven plugin matches Ant-style patterns relative to the project).
         */
        public Builder parameters(PathMatcher matcher, ParameterValues values) {
            pathParameters.add(new PathParameters(matcher.toString(), Objects.requireNonNull(matcher),
                    Objects.requireNonNull(values)));
            return this;
        }

        /** Parser limits. */
        public Builder limits(ParserLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** How many files to check at once (default: the number of processors). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** The validator. */
        public Validator build() {
            return new Validator(this);
        }
    }
}
