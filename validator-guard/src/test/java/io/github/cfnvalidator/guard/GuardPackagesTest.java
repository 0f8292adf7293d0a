package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's packages are its stages and depend on each other one way only: {@code data} <- {@code syntax} <-
 * {@code eval} <- {@code report} <- the top package <- {@code command} (docs/architecture.md). Read from the sources,
 * so a back edge fails here with the file that adds it.
 */
class GuardPackagesTest {
    private static final List<String> ORDER = List.of("data", "syntax", "eval", "report", "", "command");
    private static final Pattern GUARD_REFERENCE = Pattern.compile(
            "\\bio\\.github\\.cfnvalidator\\.guard(?:\\.([a-z]+))?\\.[A-Z]");

    @Test
    void stagesDependOnEarlierStagesOnly() throws IOException {
        Path root = Path.of("src/main/java/io/github/cfnvalidator/guard");
        List<String> backEdges = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            Path rel = root.relativize(f.getParent());
            String own = rel.toString().replace('/', '.');
            assertThat(ORDER).as("package of " + f).contains(own);
            Matcher m = GUARD_REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                String used = m.group(1) == null ? "" : m.group(1);
                if (ORDER.indexOf(used) > ORDER.indexOf(own)) {
                    backEdges.add(f.getFileName() + " (" + (own.isEmpty() ? "guard" : own) + ") uses guard"
                            + (used.isEmpty() ? "" : "." + used));
                }
            }
        }
        assertThat(backEdges).isEmpty();
    }
}
