package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.config.ProjectConfig;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.run.InputProblem;
import io.github.cfnvalidator.run.Run;
import io.github.cfnvalidator.run.RunPlan;
import io.github.cfnvalidator.run.RunResult;
import io.github.cfnvalidator.run.RunSettings;
import io.github.cfnvalidator.run.SourceDocument;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateParseException;
import io.github.cfnvalidator.template.TemplateReader;

import org.eclipse.lsp4j.Diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one document through the run layer, exactly as the CLI checks a file: the project configuration of the
 * workspace folder holding it, its parameter files, Guard rules and baseline; and turns the result into diagnostics.
 * Unresolved values are information unless the client or the project configuration says otherwise.
 */
final class Checker {
    /** A top-level key only a template has, for documents that do not parse (any more). */
    private static final Pattern TEMPLATE_TEXT = Pattern.compile(
            "(?m)^(?:AWSTemplateFormatVersion|Resources)\\s*:|\"(?:AWSTemplateFormatVersion|Resources)\"\\s*:");

    private final Workspace workspace;
    private final DiagnosticMapper mapper;
    private final TemplateReader reader = new TemplateReader();

    Checker(Workspace workspace, DiagnosticMapper mapper) {
        this.workspace = workspace;
        this.mapper = mapper;
    }

    /** Checks a document's text; a document that is not a CloudFormation template gets nothing. */
    Check check(String uri, int version, String text) {
        Optional<Path> file = Workspace.path(uri);
        Optional<Path> root = file.flatMap(workspace::rootOf)
                .or(() -> file.isEmpty() ? workspace.roots().stream().findFirst() : Optional.empty());
        String name = name(uri, file, root);
        Node node = parse(name, text);
        boolean template = node != null ? Template.looksLikeTemplate(node) : TEMPLATE_TEXT.matcher(text).find();
        if (!template) {
            return Check.notATemplate(uri, version);
        }
        RunPlan plan = Run.prepare(settings(root, name, text));
        RunResult result = plan.execute();
        Set<Path> dependencies = new HashSet<>();
        plan.dependencies().forEach(d -> dependencies.add(d.file().toAbsolutePath().normalize()));
        root.ifPresent(r -> dependencies.add(r.resolve(ProjectConfig.FILE_NAME)));
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        DiagnosticMapper.Names names = new DiagnosticMapper.Names(uri, name, root.orElse(null));
        for (InputProblem p : result.problems()) {
            if (p.kind() != InputProblem.Kind.TEMPLATE) {
                diagnostics.add(mapper.inputProblem(p, names));
            }
        }
        for (FileReport f : result.report().files()) {
            if (!f.path().equals(name)) {
                continue;
            }
            f.errors().forEach(e -> diagnostics.add(mapper.parseProblem(e, names)));
            for (Finding x : f.findings()) {
                diagnostics.add(mapper.finding(x, names));
                findings.add(x);
            }
        }
        ParameterValues pinned = plan.validator() == null ? ParameterValues.empty()
                : plan.validator().parametersFor(Path.of(name));
        return new Check(uri, version, true, diagnostics, findings, node, name, dependencies, text, pinned);
    }

    /** The run's settings for one document: its workspace folder as project, no configuration outside one. */
    private RunSettings settings(Optional<Path> root, String name, String text) {
        RunSettings.Builder b = RunSettings.builder().document(new SourceDocument(name, text)).threads(1);
        if (root.isPresent()) {
            b.projectDir(root.get());
        } else {
            b.noConfig();
        }
        b.unresolved(workspace.unresolved().orElseGet(() -> configured(root).orElse(Severity.INFO)));
        return b.build();
    }

    /** The project configuration's unresolved severity, if it sets one (an unusable file is reported by the run). */
    private static Optional<Severity> configured(Optional<Path> root) {
        if (root.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProjectConfig.find(root.get()).flatMap(ProjectConfig::unresolved);
        } catch (TemplateParseException e) {
            return Optional.empty();
        }
    }

    /** How the run names a document: relative to its workspace folder, as the CLI run there and the plugin do. */
    static String name(String uri, Optional<Path> file, Optional<Path> root) {
        if (file.isEmpty()) {
            return uri;
        }
        if (root.isPresent() && file.get().startsWith(root.get())) {
            return root.get().relativize(file.get()).toString().replace('\\', '/');
        }
        return file.get().toString();
    }

    private Node parse(String name, String text) {
        try {
            return reader.readDocument(name, text);
        } catch (TemplateParseException | RuntimeException e) {
            return null;
        }
    }
}
