package io.github.cfnvalidator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines: known findings stay quiet, new ones show, fingerprints survive line moves. */
class BaselineTest {
    private static final String TEMPLATE = "Resources:\n  Config:\n    Type: AWS::SageMaker::EndpointConfig\n"
            + "    Properties:\n      ProductionVariants:\n"
            + "        - {VariantName: a, ModelName: m, InstanceType: ml.m5.large, InitialInstanceCount: 1}\n";

    @TempDir
    Path dir;

    private final Validator validator = Validator.builder().build();

    private Report run(String text) {
        return new Report(List.of(validator.validate("templates/endpoint.yaml", text)));
    }

    @Test
    void knownFindingsAreFilteredAndSurviveLineMoves() throws Exception {
        Path file = dir.resolve("baseline.json");
        Baseline.of(run(TEMPLATE)).write(file);
        Baseline baseline = Baseline.read(file);
        assertThat(baseline.entries()).hasSize(1);

        String moved = "Description: lines added above move everything down\nMetadata:\n  a: b\n" + TEMPLATE;
        Baseline.Filtered same = baseline.filter(run(moved));
        assertThat(same.report().allFindings()).isEmpty();
        assertThat(same.known()).isEqualTo(1);

        String twoBad = TEMPLATE + "        - {VariantName: b, ModelName: m, InstanceType: ml.m5.large, "
                + "InitialInstanceCount: 0}\n";
        Baseline.Filtered grown = baseline.filter(run(twoBad));
        assertThat(grown.report().allFindings()).hasSize(1);
        assertThat(grown.report().allFindings().get(0).message()).contains("variant b");

        Baseline.Filtered fixed = baseline.filter(run(TEMPLATE.replace("InitialInstanceCount: 1",
                "InitialInstanceCount: 2")));
        assertThat(fixed.fixed()).isEqualTo(1);
    }

    @Test
    void fingerprintIgnoresLineNumbersButNotTheRuleOrResource() {
        Finding a = run(TEMPLATE).allFindings().get(0);
        Finding moved = run("\n\n" + TEMPLATE).allFindings().get(0);
        assertThat(moved.location().line()).isNotEqualTo(a.location().line());
        assertThat(Baseline.fingerprint("t.yaml", moved)).isEqualTo(Baseline.fingerprint("t.yaml", a));
        assertThat(Baseline.fingerprint("other.yaml", a)).isNotEqualTo(Baseline.fingerprint("t.yaml", a));
    }
}
