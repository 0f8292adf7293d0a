package io.github.cfnvalidator.cli.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.run.InputProblem;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns findings and input problems into diagnostics: range = the offending node, code = rule id,
 * {@code codeDescription} = the rule's page, message = the finding's message and fix, related information = the
 * evidence (parameter, condition, mapping), {@code data} = the finding in the JSON report's shape.
 */
final class DiagnosticMapper {
    /** The diagnostics' {@code source}. */
    static final String SOURCE = "cfn-validator";

    private final Function<String, String> rulePage;

    /**
     * @param rulePage a rule id to the URI of its page, or {@code null} when it has none
     */
    DiagnosticMapper(Function<String, String> rulePage) {
        this.rulePage = rulePage;
    }

    /**
     * How files are named: the document's URI and the name the run gave it, and the folder other names are relative
     * to (or {@code null}).
     */
    record Names(String uri, String name, Path base) {
        /** The URI of a file a location names. */
        String uriOf(String file) {
            if (file.equals(name)) {
                return uri;
            }
            Path p = Path.of(file);
            return Workspace.uri(base != null ? base.resolve(p) : p);
        }
    }

    /** A finding as a diagnostic. */
    Diagnostic finding(Finding f, Names names) {
        Diagnostic d = new Diagnostic(Positions.range(f.location()), f.fullMessage(), severity(f.severity()), SOURCE);
        d.setCode(f.ruleId());
        String page = rulePage.apply(f.ruleId());
        if (page != null) {
            d.setCodeDescription(new DiagnosticCodeDescription(page));
        }
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            related.add(new DiagnosticRelatedInformation(location(e.location(), names), e.message()));
        }
        if (!related.isEmpty()) {
            d.setRelatedInformation(related);
        }
        d.setData(data(f));
        return d;
    }

    /** A problem reading the document itself, at its position. */
    Diagnostic parseProblem(ParseProblem p, Names names) {
        Diagnostic d = new Diagnostic(Positions.range(p.location()), p.message(), DiagnosticSeverity.Error, SOURCE);
        d.setCode("input_error");
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Location l : p.related()) {
            related.add(new DiagnosticRelatedInformation(location(l, names), "related"));
        }
        if (!related.isEmpty()) {
            d.setRelatedInformation(related);
        }
        return d;
    }

    /**
     * A problem with another input the run needs (configuration, parameter, Guard rule or baseline file), shown at
     * the top of the document with a link to where it is: the template is not (fully) checked until it is fixed.
     */
    Diagnostic inputProblem(InputProblem p, Names names) {
        String kind = switch (p.kind()) {
            case CONFIG -> "project configuration";
            case PARAMETERS -> "parameter file";
            case BASELINE -> "baseline";
            case RULES -> "Guard rule file";
            case TEMPLATE -> "template";
        };
        Diagnostic d = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                kind + " " + p.file() + ": " + p.message(), DiagnosticSeverity.Error, SOURCE);
        d.setCode("input_error");
        d.setRelatedInformation(List.of(new DiagnosticRelatedInformation(location(p.location(), names),
                p.message())));
        return d;
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    private static org.eclipse.lsp4j.Location location(Location l, Names names) {
        return new org.eclipse.lsp4j.Location(names.uriOf(l.file()), Positions.range(l));
    }

    /** The finding as the JSON report writes it (docs/report-formats.md). */
    static JsonObject data(Finding x) {
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", x.ruleId());
        o.addProperty("severity", x.severity().label());
        o.addProperty("message", x.message());
        if (x.fix() != null) {
            o.addProperty("fix", x.fix());
        }
        if (x.resource() != null) {
            o.addProperty("resource", x.resource());
        } else {
            o.add("resource", JsonNull.INSTANCE);
        }
        o.addProperty("path", x.path());
        o.addProperty("line", x.location().line());
        o.addProperty("column", x.location().column());
        o.addProperty("endLine", x.location().endLine());
        o.addProperty("endColumn", x.location().endColumn());
        if (!x.evidence().isEmpty()) {
            JsonArray evidence = new JsonArray();
            for (Evidence e : x.evidence()) {
                JsonObject j = new JsonObject();
                j.addProperty("message", e.message());
                j.addProperty("file", e.location().file());
                j.addProperty("line", e.location().line());
                j.addProperty("column", e.location().column());
                evidence.add(j);
            }
            o.add("evidence", evidence);
        }
        return o;
    }
}
