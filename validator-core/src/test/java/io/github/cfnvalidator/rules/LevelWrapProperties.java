package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Intrinsics at every level change no verdict: wrapping any value on a resource's path (the whole Properties, a
 * property, a list item, a nested map) in {@code Fn::If [C, X, X]}, with a fresh condition on a fresh parameter,
 * leaves every finding's rule, severity and place as they were, for every rule fixture (built-in and Guard).
 */
class LevelWrapProperties {
    private static final String PARAM = "LevelWrapFreshParameter";
    private static final String COND = "LevelWrapFreshCondition";

    @Provide
    Arbitrary<Path> fixtures() throws Exception {
        Path root = Path.of(LevelWrapProperties.class.getResource("/fixtures").toURI());
        try (Stream<Path> s = Files.walk(root)) {
            return Arbitraries.of(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
        }
    }

    @Property(tries = 300)
    void wrappingAValueInAnIfOfItselfChangesNoVerdict(@ForAll("fixtures") Path file,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int pick)
            throws Exception {
        FixtureHarness.Fixture f = FixtureHarness.read(file);
        Validator validator = FixtureHarness.validator(f);
        Node doc = new TemplateReader().readDocument(file.getFileName().toString(), f.text());
        List<String> candidates = new ArrayList<>();
        MapNode resources = (MapNode) ((MapNode) doc).get("Resources");
        for (MapNode.Entry r : resources.entries()) {
            if (r.value() instanceof MapNode decl && decl.get("Properties") != null) {
                collect(decl.get("Properties"), candidates);
            }
        }
        if (candidates.isEmpty() || !Template.of(doc).duplicateKeys().isEmpty()) {
            return; // nothing to wrap; or duplicate keys, which the rebuilt maps would not carry (the decoy
            // rewrite of the metamorphic properties covers them)
        }
        String target = candidates.get(pick % candidates.size());
        List<String> before = signature(validator.check(Template.of(doc), f.parameters()));
        Node rewritten = withFreshCondition((MapNode) wrap(doc, target));
        List<String> after = signature(validator.check(Template.of(rewritten), f.parameters()));
        assertThat(after).as(file.getFileName() + " with " + target + " wrapped").isEqualTo(before);
    }

    /** Values that a rule may walk through: Properties itself, map values and list items outside intrinsics. */
    private static void collect(Node n, List<String> out) {
        out.add(n.pointer());
        if (n instanceof MapNode m && m.intrinsicName().isEmpty()) {
            for (MapNode.Entry e : m.entries()) {
                if (!e.key().startsWith("Fn::ForEach::")) {
                    collect(e.value(), out);
                }
            }
        } else if (n instanceof ListNode l) {
            l.items().forEach(i -> collect(i, out));
        }
    }

    /** The tree with the node at {@code pointer} replaced by {@code Fn::If [fresh, X, X]} (X the same node). */
    private static Node wrap(Node n, String pointer) {
        if (n.pointer().equals(pointer)) {
            ListNode args = new ListNode(List.of(ScalarNode.string(COND, n.location(), pointer + "/Fn::If/0"), n, n),
                    n.location(), pointer + "/Fn::If");
            return new MapNode(List.of(new MapNode.Entry("Fn::If", n.location(), args)), n.location(), pointer);
        }
        if (!pointer.startsWith(n.pointer() + "/")) {
            return n;
        }
        if (n instanceof MapNode m) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                entries.add(new MapNode.Entry(e.key(), e.keyLocation(), wrap(e.value(), pointer)));
            }
            return new MapNode(entries, m.location(), m.pointer());
        }
        if (n instanceof ListNode l) {
            return new ListNode(l.items().stream().map(i -> wrap(i, pointer)).toList(), l.location(), l.pointer());
        }
        return n;
    }

    /** Declares the fresh parameter and the condition on it. */
    private static Node withFreshCondition(MapNode doc) {
        ScalarNode type = ScalarNode.string("String", doc.location(), "/Parameters/" + PARAM + "/Type");
        MapNode decl = new MapNode(List.of(new MapNode.Entry("Type", doc.location(), type)), doc.location(),
                "/Parameters/" + PARAM);
        String c = "/Conditions/" + COND;
        MapNode ref = new MapNode(List.of(new MapNode.Entry("Ref", doc.location(),
                ScalarNode.string(PARAM, doc.location(), c + "/Fn::Equals/0/Ref"))), doc.location(),
                c + "/Fn::Equals/0");
        ListNode args = new ListNode(List.of(ref, new ScalarNode(ScalarKind.STRING, "on", doc.location(),
                c + "/Fn::Equals/1")), doc.location(), c + "/Fn::Equals");
        MapNode equals = new MapNode(List.of(new MapNode.Entry("Fn::Equals", doc.location(), args)), doc.location(), c);
        List<MapNode.Entry> entries = new ArrayList<>(doc.entries());
        entries.removeIf(e -> e.key().equals("Parameters") || e.key().equals("Conditions"));
        entries.add(new MapNode.Entry("Parameters", doc.location(), extend(doc.get("Parameters"), PARAM, decl,
                "/Parameters")));
        entries.add(new MapNode.Entry("Conditions", doc.location(), extend(doc.get("Conditions"), COND, equals,
                "/Conditions")));
        return new MapNode(entries, doc.location(), doc.pointer());
    }

    private static MapNode extend(Node section, String key, Node value, String pointer) {
        List<MapNode.Entry> entries = new ArrayList<>();
        if (section instanceof MapNode m) {
            entries.addAll(m.entries());
        }
        entries.add(new MapNode.Entry(key, value.location(), value));
        return new MapNode(entries, section == null ? value.location() : section.location(), pointer);
    }

    private static List<String> signature(List<Finding> findings) {
        return findings.stream().map(x -> x.ruleId() + " " + x.severity().label() + " " + x.path())
                .sorted(Comparator.naturalOrder()).toList();
    }
}
