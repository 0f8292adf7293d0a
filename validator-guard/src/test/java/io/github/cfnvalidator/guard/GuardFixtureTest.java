package io.github.cfnvalidator.guard;

import io.github.cfnvalidator.rules.FixtureHarness;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Guard rule fixtures under {@code src/test/resources/fixtures/guard/} (each naming its rule files with a
 * {@code # guard:} header) through core's shared fixture harness; the harness reaches Guard through the
 * {@code RuleFileLoader} service this module provides.
 */
class GuardFixtureTest {
    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(GuardFixtureTest.class.getResource("/fixtures/guard").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(),
                p.toUri(), () -> FixtureHarness.check(p)));
    }
}
