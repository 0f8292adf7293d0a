package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.SharedCorpus;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateParseException;
import io.github.cfnvalidator.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The templates the metamorphic properties rewrite (every rule fixture, with the rules and pinned parameters it asks
 * for, and every readable template of the shared corpus when it is on this machine), with the places a rule may
 * read (sites) and the validator's findings on the original.
 */
final class MetamorphicSources {
    private static final TemplateReader READER = new TemplateReader();
    static final String DUPLICATE_KEY_RULE = "template_duplicate_key";
    static final String UNUSED_SUPPRESSION_RULE = "suppression_unused";

    /** Where a value sits: map keys and list indexes from the document root. */
    record Site(List<Object> path, Object value) {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** One template with what the properties need of it. */
    record Source(String name, Map<String, Object> plain, Validator validator, Map<String, String> pinned,
                  Set<String> findings, List<Site> values, List<Site> scalars, List<Site> maps) {
        @Override
        public String toString() {
            return name;
        }
    }

    private MetamorphicSources() {
    }

    /** Every fixture, then every readable corpus template. */
    static List<Source> load() {
        List<Source> out = new ArrayList<>();
        try {
            Path root = Path.of(MetamorphicSources.class.getResource("/fixtures").toURI());
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path file : files) {
                FixtureHarness.Fixture f = FixtureHarness.read(file);
                add(out, "fixtures/" + root.relativize(file), f.text(), FixtureHarness.validator(f),
                        f.parameters().values());
            }
            Path corpus = SharedCorpus.templates();
            if (corpus != null) {
                Validator all = Validator.builder().threads(1).build();
                try (Stream<Path> s = Files.walk(corpus)) {
                    for (Path file : s.filter(Files::isRegularFile).sorted().toList()) {
                        add(out, "corpus/" + corpus.relativize(file), Files.readString(file, StandardCharsets.UTF_8),
                                all, Map.of());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static void add(List<Source> out, String name, String text, Validator validator,
                            Map<String, String> pinned) {
        Node document;
        try {
            document = READER.readDocument(name, text);
            Template.of(document);
        } catch (TemplateParseException e) {
            return;
        }
        Map<String, Object> plain = (Map<String, Object>) document.toPlain();
        List<Site> values = new ArrayList<>();
        List<Site> maps = new ArrayList<>();
        maps.add(new Site(List.of(), plain));
        if (plain.get("Resources") instanceof Map<?, ?> resources) {
            maps.add(new Site(List.of("Resources"), resources));
            resources.forEach((id, r) -> {
                if (r instanceof Map<?, ?> rm) {
                    maps.add(new Site(List.of("Resources", id), rm));
                    if (rm.get("Properties") instanceof Map<?, ?> props) {
                        walk(List.of("Resources", id, "Properties"), props, values, maps);
                    }
                }
            });
        }
        List<Site> scalars = values.stream()
                .filter(s -> s.value() instanceof String || s.value() instanceof Number).toList();
        out.add(new Source(name, plain, validator, pinned, signature(check(validator, plain, pinned, name)),
                List.copyOf(values), scalars, List.copyOf(maps)));
    }

    private static void walk(List<Object> path, Object v, List<Site> values, List<Site> maps) {
        values.add(new Site(path, v));
        if (v instanceof Map<?, ?> m && !isIntrinsic(m)) {
            maps.add(new Site(path, m));
            m.forEach((k, x) -> {
                if (!((String) k).startsWith("Fn::ForEach::")) {
                    walk(append(path, k), x, values, maps);
                }
            });
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(append(path, i), l.get(i), values, maps);
            }
        }
    }

    static boolean isIntrinsic(Map<?, ?> m) {
        if (m.size() != 1) {
            return false;
        }
        String k = (String) m.keySet().iterator().next();
        return k.equals("Ref") || k.equals("Condition") || k.startsWith("Fn::");
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> out = new ArrayList<>(path);
        out.add(segment);
        return List.copyOf(out);
    }

    /** The findings of the validator on a plain template (written as JSON), or an error naming what broke. */
    static List<Finding> check(Validator validator, Object plain, Map<String, String> pinned, String name) {
        String json = PlainJson.write(plain);
        try {
            Template t = Template.of(READER.readDocument(name.replaceAll("\\.[a-z]+$", "") + ".json", json));
            return validator.check(t, ParameterValues.of(pinned, "fixture"));
        } catch (TemplateParseException e) {
            throw new AssertionError("the rewritten template does not read: " + e.problems() + "\n" + json);
        }
    }

    /** Rule, severity, verdict (fails or cannot be verified) and resource of each finding, positions aside. */
    static Set<String> signature(List<Finding> findings) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (!f.ruleId().equals(DUPLICATE_KEY_RULE)) {
                out.add(f.ruleId() + " " + f.severity().label() + " "
                        + (ConcreteOracle.unresolved(f) ? "unresolved" : "fails") + " on " + f.resource());
            }
        }
        return out;
    }

    /** Whether a rule reports on how the text is written rather than on what deploys. */
    static boolean aboutText(String ruleId) {
        return ruleId.equals(DUPLICATE_KEY_RULE) || ruleId.equals(UNUSED_SUPPRESSION_RULE);
    }

    /**
     * Rule and resource of each finding that fails (not merely unresolved); an unused suppression is not a failure
     * a wider template must keep (a suppression that a new finding uses is no longer unused).
     */
    static Set<String> failures(Set<String> signature) {
        Set<String> out = new TreeSet<>();
        for (String s : signature) {
            if (s.contains(" fails on ") && !s.startsWith(UNUSED_SUPPRESSION_RULE + " ")) {
                out.add(s.replaceFirst(" (error|warning|info) fails on ", " fails on "));
            }
        }
        return out;
    }

    /** Rule and resource of each finding that fails or cannot be verified (reported, not passed). */
    static Set<String> reported(Set<String> signature) {
        Set<String> out = new TreeSet<>();
        for (String s : signature) {
            if (!s.startsWith(UNUSED_SUPPRESSION_RULE + " ")) {
                out.add(s.replaceFirst(" (error|warning|info) (fails|unresolved) on ", " reported on "));
            }
        }
        return out;
    }

    /** A deep, mutable copy of a plain value. */
    @SuppressWarnings("unchecked")
    static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, copy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }

    /** Replaces the value at a path of a mutable copy. */
    @SuppressWarnings("unchecked")
    static void set(Object root, List<Object> path, Object value) {
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = parent instanceof Map<?, ?> m ? m.get(path.get(i)) : ((List<Object>) parent).get(
                    (Integer) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put((String) last, value);
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
    }

    /** The value at a path. */
    static Object get(Object root, List<Object> path) {
        Object v = root;
        for (Object segment : path) {
            v = v instanceof Map<?, ?> m ? m.get(segment) : ((List<?>) v).get((Integer) segment);
        }
        return v;
    }

    /** A name not yet used in a template section. */
    @SuppressWarnings("unchecked")
    static String fresh(Map<String, Object> template, String section, String base) {
        Map<String, Object> s = template.get(section) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String name = base;
        for (int i = 2; s.containsKey(name); i++) {
            name = base + i;
        }
        return name;
    }

    /** Adds an entry to a template section, creating the section when needed. */
    @SuppressWarnings("unchecked")
    static void declare(Map<String, Object> template, String section, String name, Object value) {
        Object s = template.get(section);
        if (!(s instanceof Map<?, ?>)) {
            s = new LinkedHashMap<String, Object>();
            template.put(section, s);
        }
        ((Map<String, Object>) s).put(name, value);
    }
}
