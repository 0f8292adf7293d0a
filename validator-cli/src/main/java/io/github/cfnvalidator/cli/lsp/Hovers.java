package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Finding;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/** Hover text: on a finding's range, the finding with its witness deployment and fix. */
final class Hovers {
    private Hovers() {
    }

    /** The hover at a position, or {@code null}. */
    static Hover hover(Check c, Position p) {
        StringBuilder text = new StringBuilder();
        for (Finding f : c.findings()) {
            if (!Positions.contains(f.location(), p)) {
                continue;
            }
            text.append("**").append(f.ruleId()).append("** (").append(f.severity().label()).append("): ")
                    .append(f.message()).append("\n\n");
            for (Evidence e : f.evidence()) {
                text.append("- witness: ").append(e.message()).append(" (line ").append(e.location().line())
                        .append(")\n");
            }
            if (f.fix() != null) {
                text.append("\nFix: ").append(f.fix()).append("\n\n");
            }
        }
        String more = Symbols.hover(c, p);
        if (more != null) {
            text.append(more);
        }
        if (text.length() == 0) {
            return null;
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text.toString().strip()));
    }
}
