package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import io.github.cfnvalidator.template.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AWS Control Tower Guard rules (installed by {@code ../shared/tools/cfn-guard-oracle} into
 * {@code ~/.cache/cfn-guard-oracle}) parse and evaluate over the shared corpus without an error, and give the verdict
 * totals cfn-guard 3.1.1 gives (recorded from {@code guard-diff}'s reference run; the full comparison is
 * {@code ../shared/tools/guard-diff}). Skips when the rules or the corpus are not on this machine.
 */
class GuardControlTowerTest {
    private static Path rules() {
        String cache = System.getenv().getOrDefault("CFN_ORACLE_CACHE",
                System.getProperty("user.home") + "/.cache/cfn-guard-oracle");
        Path p = Path.of(cache, "package", "rules", "control-tower", "cfn-guard");
        return Files.isDirectory(p) ? p : null;
    }

    @Test
    void controlTowerRulesGiveCfnGuardsVerdictsOnTheCorpus() throws Exception {
        Path rulesDir = rules();
        Path templates = SharedCorpus.templates();
        assumeTrue(rulesDir != null && templates != null, "Control Tower rules or ../shared corpus not present");
        List<Path> ruleFiles;
        try (Stream<Path> s = Files.walk(rulesDir)) {
            ruleFiles = s.filter(p -> p.toString().endsWith(".guard")).sorted().toList();
        }
        List<Path> data;
        try (Stream<Path> s = Files.walk(templates)) {
            data = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(ruleFiles).hasSize(237);
        List<GuardRules> parsed = new ArrayList<>();
        for (Path p : ruleFiles) {
            parsed.add(GuardRules.read(p));
        }
        long pass = 0;
        long fail = 0;
        long skip = 0;
        for (Path d : data) {
            GuardValue value = GuardDataReader.read(d.toString(), Files.readString(d));
            for (GuardRules r : parsed) {
                GuardFileReport report = GuardFileReport.of(r.evaluate(value, d.toString(), GuardOptions.DEFAULT));
                pass += report.compliant().size();
                skip += report.notApplicable().size();
                fail += report.notCompliant().size();
            }
        }
        System.out.printf("control tower x corpus: %d pass, %d fail, %d skip%n", pass, fail, skip);
        // cfn-guard 3.1.1's totals over the same 237 x 424 evaluations
        assertThat(new long[] {pass, fail, skip}).containsExactly(PASS, FAIL, SKIP);
    }

    static final long PASS = 513;
    static final long FAIL = 1565;
    static final long SKIP = 100488;
}
