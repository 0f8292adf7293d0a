package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import org.junit.jupiter.api.Test;

/**
 * Compatibility mode (the default) reproduces cfn-guard 3.1.1's quirks; strict mode fixes those listed in
 * docs/guard-compatibility.md and nothing else.
 */
class GuardStrictModeTest {
    private static final String RULES = """
            rule not_binary { not Resources.R.Properties.Port == 80 }
            rule is80(p) { %p == 80 }
            rule not_call { not is80(Resources.R.Properties.Port) }
            rule cross_type { Resources.R.Properties.Port != "eighty" }
            rule same_type { Resources.R.Properties.Port != 81 }
            """;

    private static GuardFileReport evaluate(boolean compatible, String data) throws Exception {
        GuardRules rules = GuardRules.parse("q.guard", RULES);
        GuardValue value = GuardDataReader.read("d.yaml", data);
        return GuardFileReport.of(rules.evaluate(value, "d.yaml", GuardOptions.DEFAULT.withCompatible(compatible)));
    }

    @Test
    void compatibilityModeKeepsTheQuirks() throws Exception {
        GuardFileReport r = evaluate(true, "Resources: {R: {Properties: {Port: 80}}}");
        assertThat(r.compliant()).containsExactlyInAnyOrder("not_binary", "not_call", "same_type");
        assertThat(r.notCompliant()).extracting(f -> ((GuardFileReport.RuleFailure) f).ruleName())
                .containsExactly("cross_type");
    }

    @Test
    void strictModeNegatesAndComparesAcrossTypes() throws Exception {
        GuardFileReport r = evaluate(false, "Resources: {R: {Properties: {Port: 80}}}");
        assertThat(r.notCompliant()).extracting(f -> ((GuardFileReport.RuleFailure) f).ruleName())
                .containsExactlyInAnyOrder("not_binary", "not_call");
        assertThat(r.compliant()).containsExactlyInAnyOrder("cross_type", "same_type");
        GuardFileReport other = evaluate(false, "Resources: {R: {Properties: {Port: 81}}}");
        assertThat(other.compliant()).contains("not_binary", "not_call", "cross_type");
    }
}
