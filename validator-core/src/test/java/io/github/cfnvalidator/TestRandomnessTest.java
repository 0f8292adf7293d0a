package io.github.cfnvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test of every module draws its randomness from jqwik, so a failing case replays from the reported seed and
 * shrinks: no test source calls the JDK's random sources.
 */
class TestRandomnessTest {
    /** The JDK's random sources, spelled in pieces so this file does not match itself. */
    private static final Pattern JDK_RANDOM = Pattern.compile("Math\\.random\\(|new (java\\.util\\.)?Random\\(|"
            + "new SecureRandom\\(|ThreadLocalRandom\\.|Splittable[R]andom|UUID\\.randomUUID\\(");

    @Test
    void noTestSourceUsesTheJdksRandomSources() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> s = Files.list(project)) {
            s.filter(Files::isDirectory).forEach(module -> {
                roots.add(module.resolve("src").resolve("test"));
                roots.add(module.resolve("src").resolve("it"));
            });
        }
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".groovy")).toList();
            }
            for (Path p : sources) {
                files++;
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (JDK_RANDOM.matcher(lines.get(i)).find()) {
                        found.add(project.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(files).as("test sources found under " + project).isGreaterThan(20);
        assertThat(found).as("use jqwik's Arbitraries instead").isEmpty();
    }
}
