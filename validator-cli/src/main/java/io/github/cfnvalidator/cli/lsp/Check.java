package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.template.Node;

import org.eclipse.lsp4j.Diagnostic;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The outcome of checking one open document at one version: its diagnostics, the findings behind them (for hover
 * and code actions), the parsed document when it parses (for hover and navigation), and the files the outcome
 * depends on (configuration, parameter, Guard rule and baseline files), so a change to one of them re-checks it.
 *
 * @param uri          the document
 * @param version      the version checked
 * @param template     whether the document is a CloudFormation template (recognised by its content)
 * @param diagnostics  what the editor shows
 * @param findings     the findings, in the order of the diagnostics made from them
 * @param root         the parsed document, or {@code null} when it does not parse
 * @param name         how the run named the document
 * @param dependencies files whose change changes this outcome
 * @param text         the text checked
 * @param pinned       the deploy-time parameter values the run pinned for it
 */
record Check(String uri, int version, boolean template, List<Diagnostic> diagnostics, List<Finding> findings,
             Node root, String name, Set<Path> dependencies, String text, ParameterValues pinned) {
    Check {
        diagnostics = List.copyOf(diagnostics);
        findings = List.copyOf(findings);
        dependencies = Set.copyOf(dependencies);
    }

    /** The outcome for a document that is not a template: nothing to show. */
    static Check notATemplate(String uri, int version) {
        return new Check(uri, version, false, List.of(), List.of(), null, uri, Set.of(), "",
                ParameterValues.empty());
    }
}
