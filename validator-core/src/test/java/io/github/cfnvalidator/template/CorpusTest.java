package io.github.cfnvalidator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared corpus of real templates reads, or fails with a located, readable problem; the truly
 * malformed files fail. Needs ../shared (skipped with a note without it; required in CI); prints the counts
 * recorded in docs/performance.md.
 */
class CorpusTest {
    private final TemplateReader reader = new TemplateReader();

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    @Test
    void everyCorpusTemplateParsesOrFailsClearly() throws IOException {
        Path templates = SharedCorpus.requireTemplates();
        List<Path> all = files(templates);
        int parsed = 0;
        List<String> failed = new ArrayList<>();
        long start = System.nanoTime();
        for (Path p : all) {
            try {
                Template t = reader.read(p);
                assertThat(t.resources()).isNotNull();
                parsed++;
            } catch (TemplateParseException e) {
                for (ParseProblem problem : e.problems()) {
                    assertThat(problem.message()).doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(problem.location().file()).isEqualTo(p.toString());
                    assertThat(problem.location().line()).isPositive();
                }
                failed.add(p.getFileName() + ": " + e.problems().get(0).message());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("corpus: %d files, %d templates parsed, %d rejected with located problems, %d ms%n",
                all.size(), parsed, failed.size(), millis);
        failed.forEach(f -> System.out.println("  rejected " + f));
        assertThat(all).hasSizeGreaterThan(400);
        // the rejected files are Rain (pre-packaging) sources, cfn-lint's deliberately bad fixtures and
        // fixtures whose Resources is empty, which CloudFormation rejects too
        assertThat(parsed).isGreaterThanOrEqualTo(all.size() * 9 / 10);
        // (a Rain source, a cfn-lint "bad" fixture, an empty Resources section CloudFormation refuses too, or a
        // JSON event file of a macro example that is not a template at all)
        assertThat(failed).allSatisfy(f -> assertThat(f).matches(
                "(?s).*(rain pkg|^bad__|Resources is empty|^CloudFormation__MacrosExamples__Count__event).*"));
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
