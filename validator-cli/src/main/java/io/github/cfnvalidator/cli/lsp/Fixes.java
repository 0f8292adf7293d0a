package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarNode;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code actions for findings, each proven by re-validation: the edit is applied to the text, the result is checked
 * with the same settings, and the action is offered only if that finding's rule no longer fires there and no finding
 * appears that was not there before. Candidates: raise the MinValue of a parameter the finding depends on, narrow its
 * AllowedValues to leave out the witness values, replace a literal with the value the fix names, and suppress the
 * finding with a reason in the resource's Metadata (the {@code cfn-validator} form, docs/controls.md).
 */
final class Fixes {
    private static final Pattern NUMBER_IN_FIX = Pattern.compile("(?:MinValue:? |to (?:a number of )?)(\\d+)");

    private final Checker checker;

    Fixes(Checker checker) {
        this.checker = checker;
    }

    /** The proven actions for the findings that overlap a range. */
    List<Either<Command, CodeAction>> actions(OpenDocument d, Check c, Range range) {
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        Optional<TemplateIndex> index = TemplateIndex.of(c);
        if (index.isEmpty()) {
            return out;
        }
        for (int i = 0; i < c.findings().size(); i++) {
            Finding f = c.findings().get(i);
            if (!overlaps(Positions.range(f.location()), range)) {
                continue;
            }
            Diagnostic diagnostic = c.diagnostics().stream()
                    .filter(x -> x.getData() != null && Objects.equals(x.getRange(), Positions.range(f.location()))
                            && f.ruleId().equals(x.getCode().getLeft()))
                    .findFirst().orElse(null);
            for (Candidate k : candidates(c, index.get(), f)) {
                if (proven(d, c, f, k)) {
                    CodeAction a = new CodeAction(k.title());
                    a.setKind(CodeActionKind.QuickFix);
                    if (diagnostic != null) {
                        a.setDiagnostics(List.of(diagnostic));
                    }
                    a.setEdit(new WorkspaceEdit(Map.of(c.uri(), k.edits())));
                    a.setIsPreferred(out.isEmpty());
                    out.add(Either.forRight(a));
                }
            }
        }
        return out;
    }

    /** An edit with its title. */
    record Candidate(String title, List<TextEdit> edits) {
    }

    private List<Candidate> candidates(Check c, TemplateIndex index, Finding f) {
        List<Candidate> out = new ArrayList<>();
        Set<Integer> minimums = numbers(f.fix());
        for (TemplateIndex.Declaration p : parameters(index, f)) {
            for (int min : minimums) {
                setMinValue(c, p, min).ifPresent(out::add);
            }
            narrowAllowedValues(c, p, f).ifPresent(out::add);
        }
        literal(c, f, minimums).ifPresent(out::add);
        suppress(c, f).ifPresent(out::add);
        return out;
    }

    /** The parameters the finding depends on: referenced inside the offending node, or named by its evidence. */
    private static List<TemplateIndex.Declaration> parameters(TemplateIndex index, Finding f) {
        Set<String> names = new LinkedHashSet<>();
        for (TemplateIndex.Reference r : index.references()) {
            if (r.kind() == TemplateIndex.Kind.PARAMETER && inside(r.at(), f.location())) {
                names.add(r.name());
            }
        }
        for (Evidence e : f.evidence()) {
            for (TemplateIndex.Declaration d : index.declarations()) {
                if (d.kind() == TemplateIndex.Kind.PARAMETER && (inside(e.location(), d.value().location())
                        || e.location().line() == d.key().line())) {
                    names.add(d.name());
                }
            }
        }
        List<TemplateIndex.Declaration> out = new ArrayList<>();
        names.forEach(n -> index.declaration(TemplateIndex.Kind.PARAMETER, n).ifPresent(out::add));
        return out;
    }

    private static Optional<Candidate> setMinValue(Check c, TemplateIndex.Declaration p, int min) {
        if (!(p.value() instanceof MapNode m) || !"Number".equals(m.text("Type").orElse(""))) {
            return Optional.empty();
        }
        String title = "Set MinValue: " + min + " on parameter " + p.name();
        if (m.get("MinValue") instanceof ScalarNode s) {
            return Optional.of(new Candidate(title, List.of(new TextEdit(Positions.range(s.location()),
                    Integer.toString(min)))));
        }
        return insertEntry(c.text(), m, "MinValue", Integer.toString(min)).map(e -> new Candidate(title, List.of(e)));
    }

    private static Optional<Candidate> narrowAllowedValues(Check c, TemplateIndex.Declaration p, Finding f) {
        if (!(p.value() instanceof MapNode m) || !(m.get("AllowedValues") instanceof ListNode allowed)) {
            return Optional.empty();
        }
        Set<String> witnesses = new LinkedHashSet<>();
        Matcher w = Pattern.compile("\\b" + Pattern.quote(p.name()) + "=([^,;\\s)]+)").matcher(f.message());
        while (w.find()) {
            witnesses.add(w.group(1));
        }
        List<String> kept = new ArrayList<>();
        for (Node i : allowed.items()) {
            if (!(i instanceof ScalarNode s)) {
                return Optional.empty();
            }
            if (!witnesses.contains(s.text())) {
                kept.add(s.text());
            }
        }
        if (witnesses.isEmpty() || kept.isEmpty() || kept.size() == allowed.size()) {
            return Optional.empty();
        }
        boolean json = c.name().endsWith(".json") || c.text().stripLeading().startsWith("{");
        String list = "[" + String.join(", ", kept.stream().map(v -> json ? "\"" + v + "\"" : v).toList()) + "]";
        return Optional.of(new Candidate("Narrow AllowedValues of parameter " + p.name() + " to " + list,
                List.of(new TextEdit(Positions.range(allowed.location()), list))));
    }

    private static Optional<Candidate> literal(Check c, Finding f, Set<Integer> values) {
        Optional<Node> node = nodeAt(c.root(), f.location());
        if (node.isEmpty() || !(node.get() instanceof ScalarNode s) || s.asNumber().isEmpty()) {
            return Optional.empty();
        }
        int v = values.iterator().next();
        String property = f.path().substring(f.path().lastIndexOf('/') + 1);
        return Optional.of(new Candidate("Set " + property + " to " + v,
                List.of(new TextEdit(Positions.range(s.location()), Integer.toString(v)))));
    }

    private static Optional<Candidate> suppress(Check c, Finding f) {
        if (f.resource() == null || !(c.root() instanceof MapNode root)
                || !(root.get("Resources") instanceof MapNode resources)
                || !(resources.get(f.resource()) instanceof MapNode resource)) {
            return Optional.empty();
        }
        String reason = "accepted: " + f.ruleId() + " reviewed for " + f.resource();
        String title = "Suppress " + f.ruleId() + " on " + f.resource() + " (with a reason)";
        boolean json = c.name().endsWith(".json") || c.text().stripLeading().startsWith("{");
        if (resource.get("Metadata") instanceof MapNode metadata) {
            if (metadata.has("cfn-validator")) {
                return Optional.empty();
            }
            String value = json ? "{\"suppress\": [{\"rule\": \"" + f.ruleId() + "\", \"reason\": \"" + reason
                    + "\"}]}" : "{suppress: [{rule: " + f.ruleId() + ", reason: \"" + reason + "\"}]}";
            return insertEntry(c.text(), metadata, "cfn-validator", value).map(e -> new Candidate(title, List.of(e)));
        }
        if (resource.has("Metadata")) {
            return Optional.empty();
        }
        String value = json ? "{\"cfn-validator\": {\"suppress\": [{\"rule\": \"" + f.ruleId() + "\", \"reason\": \""
                + reason + "\"}]}}" : "{cfn-validator: {suppress: [{rule: " + f.ruleId() + ", reason: \"" + reason
                + "\"}]}}";
        return insertEntry(c.text(), resource, "Metadata", value).map(e -> new Candidate(title, List.of(e)));
    }

    /**
     * An edit adding {@code key: value} to a map: in a block map, a line before its first entry at that entry's
     * indentation; in a flow map or JSON object, just after the opening brace.
     */
    static Optional<TextEdit> insertEntry(String text, MapNode m, String key, String value) {
        if (m.entries().isEmpty()) {
            return Optional.empty();
        }
        Location open = m.location();
        int openAt = offset(text, open.line(), open.column());
        if (openAt < text.length() && text.charAt(openAt) == '{') {
            boolean json = text.stripLeading().startsWith("{");
            String entry = (json ? "\"" + key + "\"" : key) + ": " + value + ", ";
            Position at = new Position(open.line() - 1, open.column());
            return Optional.of(new TextEdit(new Range(at, at), entry));
        }
        Location first = m.entries().get(0).keyLocation();
        int lineStart = offset(text, first.line(), 1);
        String before = text.substring(lineStart, offset(text, first.line(), first.column()));
        if (!before.isBlank()) {
            return Optional.empty(); // the first key shares its line with something else ("- Key: ...")
        }
        Position at = new Position(first.line() - 1, 0);
        return Optional.of(new TextEdit(new Range(at, at), before + key + ": " + value + "\n"));
    }

    /** Whether the edited text no longer has this finding and has no finding it did not have before. */
    private boolean proven(OpenDocument d, Check before, Finding f, Candidate k) {
        String edited = apply(before.text(), k.edits());
        Check after = checker.check(d.uri(), d.version(), edited);
        if (after.root() == null || after.diagnostics().size() > after.findings().size()) {
            return false; // it no longer parses, or an input problem appeared
        }
        Set<String> was = new LinkedHashSet<>();
        before.findings().forEach(x -> was.add(key(x)));
        for (Finding x : after.findings()) {
            if (key(x).equals(key(f)) || !was.contains(key(x))) {
                return false;
            }
        }
        return true;
    }

    private static String key(Finding f) {
        return f.ruleId() + "|" + f.resource() + "|" + f.path();
    }

    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(Positions.offset(text, b.getRange().getStart()),
                Positions.offset(text, a.getRange().getStart())));
        String out = text;
        for (TextEdit e : sorted) {
            int from = Positions.offset(out, e.getRange().getStart());
            int to = Positions.offset(out, e.getRange().getEnd());
            out = out.substring(0, from) + e.getNewText() + out.substring(to);
        }
        return out;
    }

    private static Set<Integer> numbers(String fix) {
        Set<Integer> out = new LinkedHashSet<>();
        if (fix != null) {
            Matcher m = NUMBER_IN_FIX.matcher(fix);
            while (m.find()) {
                try {
                    out.add(Integer.parseInt(m.group(1)));
                } catch (NumberFormatException e) {
                    // too large to be a count
                }
            }
        }
        out.add(2);
        return out;
    }

    private static Optional<Node> nodeAt(Node n, Location l) {
        if (n == null) {
            return Optional.empty();
        }
        Location at = n.location();
        if (at.line() == l.line() && at.column() == l.column() && at.endLine() == l.endLine()
                && at.endColumn() == l.endColumn() && n instanceof ScalarNode) {
            return Optional.of(n);
        }
        List<Node> children = n instanceof MapNode m ? m.entries().stream().map(MapNode.Entry::value).toList()
                : n instanceof ListNode ln ? ln.items() : List.of();
        for (Node child : children) {
            Optional<Node> found = nodeAt(child, l);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean inside(Location inner, Location outer) {
        boolean startsAfter = inner.line() > outer.line()
                || (inner.line() == outer.line() && inner.column() >= outer.column());
        boolean endsBefore = inner.endLine() < outer.endLine()
                || (inner.endLine() == outer.endLine() && inner.endColumn() <= outer.endColumn());
        return startsAfter && endsBefore;
    }

    private static boolean overlaps(Range a, Range b) {
        return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
    }

    private static boolean before(Position x, Position y) {
        return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
    }

    private static int offset(String text, int line, int column) {
        return Positions.offset(text, new Position(line - 1, column - 1));
    }
}
