package io.github.cfnvalidator.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks behind {@link RuleCatalogueTest}, each returning the problems it found as readable lines. The docs page
 * convention it checks: the first line is {@code # <id>}; the table at the top has the rows {@code | id | `<id>` |}
 * and {@code | default severity | <severity> ...|}; a section {@code ## Failing example} and a section
 * {@code ## Fixed example} each hold a fenced YAML or JSON block.
 */
final class CatalogueChecks {
    private static final Pattern SECOND_SENTENCE = Pattern.compile("[.!?]\\s+[A-Z]");
    private static final int MAX_SUMMARY = 160;

    private CatalogueChecks() {
    }

    /**
     * A summary is one sentence: a capital first, a full stop last, no second sentence (a full stop and a capital;
     * {@code e.g.}, {@code i.e.} and {@code etc.} aside), one line, short.
     */
    static List<String> summaryProblems(RuleMetadata m) {
        List<String> problems = new ArrayList<>();
        String s = m.summary();
        if (s == null || s.isBlank()) {
            problems.add(m.id() + ": no summary");
            return problems;
        }
        if (!Character.isUpperCase(s.charAt(0)) || !s.endsWith(".") || s.contains("\n")
                || SECOND_SENTENCE.matcher(s.substring(0, s.length() - 1).replaceAll("\\b(e\\.g|i\\.e|etc)\\.", ""))
                .find() || s.length() > MAX_SUMMARY) {
            problems.add(m.id() + ": the summary is not one sentence of at most " + MAX_SUMMARY
                    + " characters starting with a capital and ending with a full stop: " + s);
        }
        return problems;
    }

    /** The page exists and follows the convention in this class's description. */
    static List<String> pageProblems(RuleMetadata m, Path page) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(page)) {
            problems.add(m.id() + ": no page " + m.docs());
            return problems;
        }
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        String where = m.docs() + ": ";
        if (lines.isEmpty() || !lines.get(0).equals("# " + m.id())) {
            problems.add(where + "the first line is not '# " + m.id() + "'");
        }
        if (!lines.contains("| id | `" + m.id() + "` |")) {
            problems.add(where + "no table row '| id | `" + m.id() + "` |'");
        }
        String severity = "| default severity | " + m.defaultSeverity().label();
        if (lines.stream().noneMatch(l -> l.startsWith(severity + " ") || l.startsWith(severity + "|"))) {
            problems.add(where + "no table row '" + severity + " ...|' (the severity the rule declares)");
        }
        for (String heading : List.of("## Failing example", "## Fixed example")) {
            if (!sectionHasExample(lines, heading)) {
                problems.add(where + "no section '" + heading + "' with a ```yaml or ```json block");
            }
        }
        return problems;
    }

    private static boolean sectionHasExample(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        if (start < 0) {
            return false;
        }
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).equals("```yaml") || lines.get(i).equals("```json")) {
                return true;
            }
        }
        return false;
    }

    /** A README table row whose first cell names the rule and whose second starts with its severity. */
    static List<String> readmeProblems(RuleMetadata m, List<String> readme) {
        for (String line : readme) {
            String[] cells = line.split("\\|", -1);
            if (line.startsWith("|") && cells.length > 3 && cells[1].contains("`" + m.id() + "`")
                    && cells[2].strip().startsWith(m.defaultSeverity().label())) {
                return List.of();
            }
        }
        return List.of(m.id() + ": no README.md table row '| [`" + m.id() + "`](" + m.docs() + ") | "
                + m.defaultSeverity().label() + " | ... |'");
    }

    /** The folder has a fixture expecting a finding of the rule and a clean fixture (no expectations). */
    static List<String> fixtureProblems(String id, Path folder) throws IOException {
        String where = "fixtures/" + id + ": ";
        if (!Files.isDirectory(folder)) {
            return List.of(where + "no fixture folder");
        }
        List<Path> yaml;
        try (Stream<Path> s = Files.list(folder)) {
            yaml = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        boolean failing = false;
        boolean clean = false;
        for (Path p : yaml) {
            List<FixtureHarness.Expectation> expected = FixtureHarness.read(p).expectations();
            failing |= expected.stream().anyMatch(e -> e.ruleId().equals(id));
            clean |= expected.isEmpty();
        }
        List<String> problems = new ArrayList<>();
        if (!failing) {
            problems.add(where + "no fixture with '# expect: " + id + "'");
        }
        if (!clean) {
            problems.add(where + "no clean fixture (one without any '# expect:')");
        }
        return problems;
    }

    /** The class names the main services file lists (comments and blank lines aside). */
    static List<String> servicesLines(String path) throws IOException, URISyntaxException {
        Path file = mainRoot().resolve(path);
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** Every class compiled from validator-core's main sources (loaded, not initialised). */
    static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = mainRoot();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        List<Class<?>> out = new ArrayList<>();
        for (Path f : files) {
            String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
            name = name.substring(0, name.length() - ".class".length());
            if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
                out.add(Class.forName(name, false, Rule.class.getClassLoader()));
            }
        }
        return out;
    }

    /** Whether a class declares its own {@code metadata()} instead of reading its {@code @RuleInfo}. */
    static boolean overridesMetadata(Class<?> c) {
        try {
            c.getDeclaredMethod("metadata");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Path mainRoot() throws URISyntaxException {
        Path root = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(root)) {
            throw new AssertionError("validator-core's classes are not a folder: " + root);
        }
        return root;
    }
}
