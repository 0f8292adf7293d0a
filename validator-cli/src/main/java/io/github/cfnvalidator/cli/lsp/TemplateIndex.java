package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarNode;

import org.eclipse.lsp4j.Position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a template declares (parameters, conditions, mappings, resources, outputs) and every place that refers to
 * one: {@code Ref}, {@code Fn::GetAtt}, {@code Condition} (a resource's, an output's, inside conditions),
 * {@code Fn::If}, {@code Fn::FindInMap} and {@code ${...}} in {@code Fn::Sub}; built from the parsed document.
 */
final class TemplateIndex {
    /** What a name names. */
    enum Kind { PARAMETER, CONDITION, MAPPING, RESOURCE, OUTPUT }

    /** A declaration: the section entry's key. */
    record Declaration(Kind kind, String name, Location key, Node value) {
    }

    /** A reference: the name and where it is written (just the name, where it can be told apart). */
    record Reference(String name, Kind kind, Location at, String via) {
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final Map<String, Kind> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("Parameters", Kind.PARAMETER);
        SECTIONS.put("Mappings", Kind.MAPPING);
        SECTIONS.put("Conditions", Kind.CONDITION);
        SECTIONS.put("Resources", Kind.RESOURCE);
        SECTIONS.put("Outputs", Kind.OUTPUT);
    }

    private final String text;
    private final List<Declaration> declarations = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Reference> keyReferences = new ArrayList<>();
    private final int[] lineStarts;

    private TemplateIndex(Node root, String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        if (root instanceof MapNode m) {
            for (Map.Entry<String, Kind> s : SECTIONS.entrySet()) {
                if (m.get(s.getKey()) instanceof MapNode section) {
                    for (MapNode.Entry e : section.entries()) {
                        declarations.add(new Declaration(s.getValue(), e.key(), e.keyLocation(), e.value()));
                    }
                }
            }
            walk(m, null);
        }
    }

    /** The index of a checked document, or empty if it did not parse. */
    static Optional<TemplateIndex> of(Check c) {
        return c.root() == null ? Optional.empty() : Optional.of(new TemplateIndex(c.root(), c.text()));
    }

    List<Declaration> declarations() {
        return declarations;
    }

    List<Reference> references() {
        return references;
    }

    /** The declaration a kind and name point at. */
    Optional<Declaration> declaration(Kind kind, String name) {
        return declarations.stream().filter(d -> d.kind() == kind && d.name().equals(name)).findFirst();
    }

    /** The declaration whose key is at a position. */
    Optional<Declaration> declarationAt(Position p) {
        return declarations.stream().filter(d -> Positions.contains(d.key(), p)).findFirst();
    }

    /** The reference at a position (a name, or an {@code Fn::If} standing for its condition). */
    Optional<Reference> referenceAt(Position p) {
        Optional<Reference> name = references.stream().filter(r -> Positions.contains(r.at(), p)).findFirst();
        return name.or(() -> keyReferences.stream().filter(r -> Positions.contains(r.at(), p)).findFirst());
    }

    private void walk(Node n, String parentKey) {
        if (n instanceof ListNode l) {
            l.items().forEach(i -> walk(i, null));
        } else if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                reference(m, e);
                walk(e.value(), e.key());
            }
        }
    }

    private void reference(MapNode owner, MapNode.Entry e) {
        Node v = e.value();
        switch (e.key()) {
            case "Ref" -> {
                if (owner.size() == 1 && v instanceof ScalarNode s) {
                    Kind k = declaration(Kind.PARAMETER, s.text()).isPresent() || s.text().startsWith("AWS::")
                            ? Kind.PARAMETER : Kind.RESOURCE;
                    references.add(new Reference(s.text(), k, s.location(), "Ref"));
                }
            }
            case "Fn::GetAtt" -> getAtt(v);
            case "Condition" -> {
                if (v instanceof ScalarNode s) {
                    references.add(new Reference(s.text(), Kind.CONDITION, s.location(), "Condition"));
                }
            }
            case "Fn::If" -> {
                if (v instanceof ListNode l && l.size() > 0 && l.get(0) instanceof ScalarNode s) {
                    references.add(new Reference(s.text(), Kind.CONDITION, s.location(), "Fn::If"));
                    if (!Positions.range(e.keyLocation()).equals(Positions.range(s.location()))) {
                        // the function itself (`!If` or the "Fn::If" key) stands for its condition in hover
                        keyReferences.add(new Reference(s.text(), Kind.CONDITION, e.keyLocation(), "Fn::If"));
                    }
                }
            }
            case "Fn::FindInMap" -> {
                if (v instanceof ListNode l && l.size() > 0 && l.get(0) instanceof ScalarNode s) {
                    references.add(new Reference(s.text(), Kind.MAPPING, s.location(), "Fn::FindInMap"));
                }
            }
            case "Fn::Sub" -> sub(v);
            case "DependsOn" -> dependsOn(v);
            default -> {
            }
        }
    }

    private void getAtt(Node v) {
        if (v instanceof ListNode l && l.size() > 0 && l.get(0) instanceof ScalarNode s) {
            references.add(new Reference(s.text(), Kind.RESOURCE, s.location(), "Fn::GetAtt"));
        } else if (v instanceof ScalarNode s && s.text().contains(".")) {
            String name = s.text().substring(0, s.text().indexOf('.'));
            references.add(new Reference(name, Kind.RESOURCE, within(s, name, -1).orElse(s.location()),
                    "Fn::GetAtt"));
        }
    }

    private void dependsOn(Node v) {
        if (v instanceof ScalarNode s) {
            references.add(new Reference(s.text(), Kind.RESOURCE, s.location(), "DependsOn"));
        } else if (v instanceof ListNode l) {
            for (Node i : l.items()) {
                if (i instanceof ScalarNode s) {
                    references.add(new Reference(s.text(), Kind.RESOURCE, s.location(), "DependsOn"));
                }
            }
        }
    }

    private void sub(Node v) {
        ScalarNode s = v instanceof ScalarNode x ? x
                : v instanceof ListNode l && l.size() > 0 && l.get(0) instanceof ScalarNode x ? x : null;
        if (s == null) {
            return;
        }
        java.util.Set<String> locals = new java.util.HashSet<>();
        if (v instanceof ListNode l && l.size() > 1 && l.get(1) instanceof MapNode vars) {
            locals.addAll(vars.keys());
        }
        Matcher m = SUB_VARIABLE.matcher(s.text());
        int cursor = -1;
        while (m.find()) {
            String inner = m.group(1).trim();
            if (locals.contains(inner)) {
                continue;
            }
            String name = inner.contains(".") ? inner.substring(0, inner.indexOf('.')) : inner;
            Kind k = inner.contains(".") ? Kind.RESOURCE
                    : declaration(Kind.PARAMETER, name).isPresent() || name.startsWith("AWS::") ? Kind.PARAMETER
                    : Kind.RESOURCE;
            Optional<Location> at = within(s, "${" + m.group(1), cursor);
            if (at.isPresent()) {
                references.add(new Reference(name, k, shift(at.get(), 2, name.length()), "Fn::Sub"));
                cursor = offset(at.get().line(), at.get().column()) + 1;
            }
        }
    }

    /** Where a piece of a scalar's text is written in the document, searched for in the scalar's source span. */
    private Optional<Location> within(ScalarNode s, String piece, int from) {
        Location l = s.location();
        int start = offset(l.line(), l.column());
        int end = Math.min(text.length(), offset(l.endLine(), l.endColumn()));
        int i = text.indexOf(piece, Math.max(start, from));
        if (i < 0 || i + piece.length() > end) {
            return Optional.empty();
        }
        return Optional.of(locationOf(l.file(), i, i + piece.length()));
    }

    private static Location shift(Location l, int skip, int length) {
        return new Location(l.file(), l.line(), l.column() + skip, l.line(), l.column() + skip + length);
    }

    private Location locationOf(String file, int from, int to) {
        int[] a = lineColumn(from);
        int[] b = lineColumn(to);
        return new Location(file, a[0], a[1], b[0], b[1]);
    }

    private int[] lineColumn(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    private int offset(int line, int column) {
        if (line - 1 >= lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[Math.max(0, line - 1)] + column - 1);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
