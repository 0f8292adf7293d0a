package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared corpus of real templates reads, or fails with a located, readable problem for a reason
 * CloudFormation refuses too (listed in corpus-rejected.txt); the truly malformed files fail. Needs ../shared
 * (skipped with a note without it; required in CI); prints the counts recorded in docs/inputs.md and
 * docs/performance.md.
 */
class CorpusTest {
    private final TemplateReader reader = new TemplateReader();

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The files known to be rejected, with their reason category (src/test/resources/corpus-rejected.txt). */
    private static Map<String, String> knownRejected() throws IOException {
        Map<String, String> known = new TreeMap<>();
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus-rejected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    known.put(parts[0], parts[1].strip());
                }
            }
        }
        return known;
    }

    /** The reason category of a rejection, from its first problem. */
    static String category(ParseProblem p) {
        String m = p.message();
        if (m.contains("rain pkg")) {
            return "rain-source";
        }
        if (m.contains("no Resources section")) {
            return "not-a-template";
        }
        if (m.contains("Resources is empty")) {
            return "empty-resources";
        }
        if (m.startsWith("parameter ") && m.endsWith("has no Type")) {
            return "parameter-without-type";
        }
        if (m.contains("must be a string such as")) {
            return "resource-type-not-a-string";
        }
        return "other: " + m;
    }

    /**
     * Every corpus file that was readable stays readable, and the files rejected as input errors are exactly the
     * listed ones, each for its listed reason: the count can only go down, and the list says by how much.
     */
    @Test
    void everyCorpusTemplateParsesOrFailsClearly() throws IOException {
        Path templates = SharedCorpus.requireTemplates();
        List<Path> all = files(templates);
        Map<String, String> known = knownRejected();
        int parsed = 0;
        Map<String, String> rejected = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        for (Path p : all) {
            String rel = templates.relativize(p).toString().replace('\\', '/');
            try {
                Template t = reader.read(p);
                assertThat(t.resources()).isNotNull();
                parsed++;
                if (known.containsKey(rel)) {
                    problems.add(rel + " now reads: remove it from corpus-rejected.txt and lower the count in "
                            + "docs/inputs.md");
                }
            } catch (TemplateParseException e) {
                for (ParseProblem problem : e.problems()) {
                    assertThat(problem.message()).doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(problem.location().file()).isEqualTo(p.toString());
                    assertThat(problem.location().line()).isPositive();
                }
                String category = category(e.problems().get(0));
                rejected.put(rel, category);
                if (!category.equals(known.get(rel))) {
                    problems.add(rel + " is rejected (" + category + ": " + e.problems().get(0).message() + ")"
                            + (known.containsKey(rel) ? " but listed as " + known.get(rel) : ", which it was not"));
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("corpus: %d files, %d templates parsed, %d rejected with located problems, %d ms%n",
                all.size(), parsed, rejected.size(), millis);
        Map<String, Integer> byCategory = new TreeMap<>();
        rejected.values().forEach(c -> byCategory.merge(c, 1, Integer::sum));
        System.out.println("  rejected by reason: " + byCategory);
        rejected.forEach((f, c) -> System.out.println("  rejected " + f + ": " + c));
        assertThat(all).hasSizeGreaterThan(400);
        assertThat(problems).as("corpus files read differently from corpus-rejected.txt").isEmpty();
    }

    @Test
    void trulyMalformedFilesFailWithTheirPosition() throws IOException {
        Path corpus = SharedCorpus.requireCorpus();
        for (Path p : files(corpus.resolve("invalid"))) {
            try {
                reader.read(p);
                throw new AssertionError(p + " should not read as a template");
            } catch (TemplateParseException e) {
                assertThat(e.problems().get(0).location().line()).as(p.toString()).isGreaterThan(1);
            }
        }
    }

    @Test
    void numericMappingKeysThatCfnGuardCannotReadAreFine() throws Exception {
        Path corpus = SharedCorpus.requireCorpus();
        for (Path p : files(corpus.resolve("guard-unreadable"))) {
            assertThat(reader.read(p).mappings()).isNotEmpty();
        }
    }
}
