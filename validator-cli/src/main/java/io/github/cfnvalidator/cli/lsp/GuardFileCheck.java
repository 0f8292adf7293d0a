package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.guard.syntax.GuardParseException;
import io.github.cfnvalidator.guard.GuardRules;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.util.List;

/** Parse diagnostics for a Guard rule file ({@code .guard}) as it stands in the editor. */
final class GuardFileCheck {
    private GuardFileCheck() {
    }

    /** Whether a document is a Guard rule file. */
    static boolean isGuard(String uri, String languageId) {
        return uri.endsWith(".guard") || "guard".equalsIgnoreCase(languageId) || "cfn-guard".equals(languageId);
    }

    /** The parse problem of the text, at its line and column, or nothing when it parses. */
    static List<Diagnostic> check(String uri, String text) {
        try {
            GuardRules.parse(uri, text);
            return List.of();
        } catch (GuardParseException e) {
            Position at = new Position(Math.max(0, e.line() - 1), Math.max(0, e.column() - 1));
            Diagnostic d = new Diagnostic(new Range(at, at), e.problem(), DiagnosticSeverity.Error,
                    DiagnosticMapper.SOURCE);
            d.setCode("guard_parse_error");
            return List.of(d);
        } catch (RuntimeException e) {
            Position at = new Position(0, 0);
            return List.of(new Diagnostic(new Range(at, at), "cannot read the Guard rules: " + e.getMessage(),
                    DiagnosticSeverity.Error, DiagnosticMapper.SOURCE));
        }
    }
}
