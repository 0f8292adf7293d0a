package io.github.cfnvalidator.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every fixture under {@code src/test/resources/fixtures/<rule_id>/} through the shared harness. */
class FixtureTest {
    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureTest.class.getResource("/fixtures").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || FixtureHarness.isStandaloneJson(p))
                    .sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(),
                p.toUri(), () -> FixtureHarness.check(p)));
    }
}
