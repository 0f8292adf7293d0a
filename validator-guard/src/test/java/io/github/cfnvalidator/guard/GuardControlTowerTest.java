package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import io.github.cfnvalidator.template.SharedCorpus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AWS Control Tower Guard rules (installed with cfn-guard 3.1.1 by {@code ../shared/tools/cfn-guard-oracle} into
 * {@code ~/.cache/cfn-guard-oracle}, which {@code .ci/run} does) give cfn-guard's verdict for every (rule file,
 * template, rule) triple over the shared corpus. The expected verdicts are cfn-guard's own, recorded in
 * {@code guard/control-tower-verdicts.tsv} by {@code bench/guard-ct-verdicts.py}: every FAIL triple must be ours
 * too and no other, and the PASS, FAIL and SKIP totals (the lengths of cfn-guard's report lists) must be the same. Skips, with the reason in the test report, when the
 * rules or the corpus are not on this machine; required in CI (SharedCorpus).
 */
class GuardControlTowerTest {
    private static final Pattern TOTALS = Pattern.compile("# rule files: (\\d+), PASS: (\\d+), FAIL: (\\d+), SKIP: (\\d+)");

    @Test
    void controlTowerRulesGiveCfnGuardsVerdictsOnTheCorpus() throws Exception {
        Path templates = SharedCorpus.requireTemplates();
        Path rulesDir = SharedCorpus.requireOracleRules();
        String expectedText;
        try (InputStream in = getClass().getResourceAsStream("/guard/control-tower-verdicts.tsv")) {
            expectedText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher totals = TOTALS.matcher(expectedText);
        assertThat(totals.find()).isTrue();
        TreeSet<String> expectedFails = new TreeSet<>();
        expectedText.lines().filter(l -> !l.startsWith("#") && l.endsWith("\tFAIL")).forEach(expectedFails::add);

        List<Path> ruleFiles;
        try (Stream<Path> s = Files.walk(rulesDir)) {
            ruleFiles = s.filter(p -> p.toString().endsWith(".guard")).sorted().toList();
        }
        List<Path> data;
        try (Stream<Path> s = Files.walk(templates)) {
            data = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(ruleFiles).hasSize(Integer.parseInt(totals.group(1)));
        List<Map.Entry<String, GuardRules>> parsed = new ArrayList<>();
        for (Path p : ruleFiles) {
            parsed.add(Map.entry(rulesDir.relativize(p).toString(), GuardRules.read(p)));
        }
        TreeSet<String> fails = new TreeSet<>();
        long pass = 0;
        long fail = 0;
        long skip = 0;
        for (Path d : data) {
            String template = templates.relativize(d).toString();
            GuardValue value = GuardDataReader.read(d.toString(), Files.readString(d));
            for (Map.Entry<String, GuardRules> r : parsed) {
                GuardFileReport report = GuardFileReport.of(r.getValue().evaluate(value, d.toString(),
                        GuardOptions.DEFAULT));
                pass += report.compliant().size();
                fail += report.notCompliant().size();
                skip += report.notApplicable().size();
                for (GuardFileReport.Failure f : report.notCompliant()) {
                    fails.add(r.getKey() + "\t" + template + "\t" + ruleName(f) + "\tFAIL");
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>(expectedFails);
        missing.removeAll(fails);
        TreeSet<String> extra = new TreeSet<>(fails);
        extra.removeAll(expectedFails);
        System.out.printf("control tower x corpus: %d FAIL triples (cfn-guard %d); PASS/FAIL/SKIP %d/%d/%d "
                + "(cfn-guard %s/%s/%s)%n", fails.size(), expectedFails.size(), pass, fail, skip, totals.group(2),
                totals.group(3), totals.group(4));
        assertThat(missing).as("cfn-guard FAILs that we do not").isEmpty();
        assertThat(extra).as("our FAILs that cfn-guard does not give").isEmpty();
        assertThat(new long[] {pass, fail, skip}).as("PASS, FAIL, SKIP totals").containsExactly(
                Long.parseLong(totals.group(2)), Long.parseLong(totals.group(3)), Long.parseLong(totals.group(4)));
    }

    private static String ruleName(GuardFileReport.Failure f) {
        return ((GuardFileReport.RuleFailure) f).ruleName();
    }
}
