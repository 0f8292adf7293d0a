package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.cli.lsp.TemplateIndex.Declaration;
import io.github.cfnvalidator.cli.lsp.TemplateIndex.Reference;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Definition, references and the document outline over a {@link TemplateIndex}. */
final class Navigator {
    private Navigator() {
    }

    /** Where the name at a position is declared. */
    static List<org.eclipse.lsp4j.Location> definition(Check c, Position p) {
        Optional<TemplateIndex> index = TemplateIndex.of(c);
        if (index.isEmpty()) {
            return List.of();
        }
        Optional<Declaration> target = target(index.get(), p);
        return target.map(d -> List.of(location(c, d.key()))).orElse(List.of());
    }

    /** Every place that refers to the name at a position (and its declaration, if asked). */
    static List<org.eclipse.lsp4j.Location> references(Check c, Position p, boolean declaration) {
        Optional<TemplateIndex> index = TemplateIndex.of(c);
        if (index.isEmpty()) {
            return List.of();
        }
        Optional<Declaration> target = target(index.get(), p);
        if (target.isEmpty()) {
            return List.of();
        }
        Declaration d = target.get();
        List<org.eclipse.lsp4j.Location> out = new ArrayList<>();
        if (declaration) {
            out.add(location(c, d.key()));
        }
        for (Reference r : index.get().references()) {
            if (r.name().equals(d.name()) && r.kind() == d.kind()) {
                out.add(location(c, r.at()));
            }
        }
        return out;
    }

    /** The declaration a position names: a declaration's key, or a reference to it. */
    static Optional<Declaration> target(TemplateIndex index, Position p) {
        Optional<Declaration> here = index.declarationAt(p);
        if (here.isPresent()) {
            return here;
        }
        return index.referenceAt(p).flatMap(r -> index.declaration(r.kind(), r.name()));
    }

    /** The outline: Parameters, Mappings, Conditions, Resources, Outputs and their entries. */
    static List<Either<SymbolInformation, DocumentSymbol>> symbols(Check c) {
        if (!(c.root() instanceof MapNode root) || !c.template()) {
            return List.of();
        }
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        for (String section : List.of("Parameters", "Mappings", "Conditions", "Resources", "Outputs")) {
            if (!(root.get(section) instanceof MapNode m)) {
                continue;
            }
            MapNode.Entry se = root.entry(section);
            List<DocumentSymbol> children = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                String detail = e.value() instanceof MapNode v ? v.text("Type").orElse(null) : null;
                DocumentSymbol s = new DocumentSymbol(e.key(), kind(section), span(e.keyLocation(), e.value()),
                        Positions.range(e.keyLocation()), detail);
                children.add(s);
            }
            DocumentSymbol s = new DocumentSymbol(section, SymbolKind.Namespace, span(se.keyLocation(), m),
                    Positions.range(se.keyLocation()), null, children);
            out.add(Either.forRight(s));
        }
        return out;
    }

    private static SymbolKind kind(String section) {
        return switch (section) {
            case "Parameters" -> SymbolKind.Variable;
            case "Mappings" -> SymbolKind.Struct;
            case "Conditions" -> SymbolKind.Boolean;
            case "Resources" -> SymbolKind.Object;
            default -> SymbolKind.Property;
        };
    }

    private static Range span(Location key, Node value) {
        Range k = Positions.range(key);
        Range v = Positions.range(value.location());
        Position end = v.getEnd().getLine() > k.getEnd().getLine() || (v.getEnd().getLine() == k.getEnd().getLine()
                && v.getEnd().getCharacter() > k.getEnd().getCharacter()) ? v.getEnd() : k.getEnd();
        return new Range(k.getStart(), end);
    }

    private static org.eclipse.lsp4j.Location location(Check c, Location l) {
        return new org.eclipse.lsp4j.Location(c.uri(), Positions.range(l));
    }
}
