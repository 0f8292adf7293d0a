package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.template.SharedCorpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The concrete-evaluation oracle ({@link ConcreteOracle}) over every rule fixture and every template of the shared
 * corpus: the validator's verdict per rule and resource equals the verdicts over the enumerated deployments, and its
 * witnesses are failing deployments. Prints how many templates and deployments were checked.
 */
class ConcreteOracleTest {
    @Test
    void everyFixtureAgreesWithItsDeployments() throws IOException, URISyntaxException {
        Path root = Path.of(ConcreteOracleTest.class.getResource("/fixtures").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Tally tally = new Tally("fixtures");
        for (Path file : files) {
            FixtureHarness.Fixture f = FixtureHarness.read(file);
            ConcreteOracle oracle = new ConcreteOracle(FixtureHarness.validator(f), t -> true);
            tally.add(oracle.check(root.relativize(file).toString(), f.text(), f.parameters().values()));
        }
        tally.print();
        assertThat(tally.problems).as("disagreements with the concrete oracle").isEmpty();
        assertThat(tally.checked).isGreaterThan(100);
    }

    @Test
    void everyCorpusTemplateAgreesWithItsDeployments() throws IOException {
        Path templates = SharedCorpus.templates();
        assumeTrue(templates != null, "../shared/corpus is not on this machine: corpus oracle skipped");
        List<Path> files;
        try (Stream<Path> s = Files.walk(templates)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Tally tally = new Tally("corpus templates");
        ConcreteOracle oracle = new ConcreteOracle(Validator.builder().threads(1).build(),
                ConcreteOracleTest::hasHaResources);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            tally.add(oracle.check(templates.relativize(file).toString(), text, Map.of()));
        }
        tally.print();
        assertThat(tally.problems).as("disagreements with the concrete oracle").isEmpty();
    }

    /**
     * Whether a template declares a resource the built-in rules read (SageMaker, Application Auto Scaling); the
     * other corpus templates are checked in one deployment (resource types are never intrinsics, so no deployment
     * gives the rules anything to read).
     */
    static boolean hasHaResources(Map<String, Object> template) {
        String text = PlainJson.write(template.getOrDefault("Resources", Map.of()));
        return text.contains("AWS::SageMaker::") || text.contains("AWS::ApplicationAutoScaling::");
    }

    /** Counts of one run. */
    static final class Tally {
        final String what;
        int checked;
        long deployments;
        long rejected;
        final List<String> skipped = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> cautious = new ArrayList<>();

        Tally(String what) {
            this.what = what;
        }

        void add(ConcreteOracle.Result r) {
            if (r.checked()) {
                checked++;
                deployments += r.deployments();
                rejected += r.rejected();
            } else {
                skipped.add(r.name() + " (" + r.skipReason() + ")");
            }
            r.problems().forEach(p -> problems.add(r.name() + ": " + p));
            r.cautious().forEach(p -> cautious.add(r.name() + ": " + p));
        }

        void print() {
            System.out.printf("concrete oracle, %s: %d templates checked over %d deployments (%d of them rejected "
                    + "by CloudFormation's own rules), %d skipped%s; %d disagreements%n", what, checked, deployments,
                    rejected, skipped.size(), skipped.isEmpty() ? "" : " " + skipped, problems.size());
            problems.forEach(p -> System.out.println("  " + p));
            System.out.printf("  %d findings say 'cannot be verified' where every deployment passes (allowed: "
                    + "reported, not passed)%n", cautious.size());
            cautious.forEach(p -> System.out.println("    " + p));
        }
    }
}
