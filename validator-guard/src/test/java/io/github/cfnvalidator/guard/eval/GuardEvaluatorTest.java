package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.GuardCases;
import io.github.cfnvalidator.guard.GuardCases.Case;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The evaluator ({@code GuardEvaluator}): {@code when} conditions and SKIP, type blocks, {@code or}, clause
 * conjunction, filters, rules used as conditions and clauses, missing properties and blocks over nothing. Each case's
 * verdict was recorded from cfn-guard 3.1.1 and is re-checked against it where the reference binary is installed
 * ({@link GuardCases}).
 */
class GuardEvaluatorTest {
    static final List<Case> CASES = List.of(
            new Case("when false skips",
                    "rule r when Resources.X.Type == \"U\" { Resources.X.Properties.A == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n", "SKIP"),
            new Case("type block without resources skips",
                    "rule r { AWS::S3::Bucket { Properties.A == 1 } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n", "SKIP"),
            new Case("or",
                    "rule r { Resources.X.Properties.A == 1 or Resources.X.Properties.A == 2 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n", "PASS"),
            new Case("and of clauses",
                    "rule r { Resources.X.Properties.A == 1\n Resources.X.Properties.B == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n      B: 2\n", "FAIL"),
            new Case("filter",
                    "rule r { Resources.*[ Type == \"T\" ].Properties.A == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("filter selects nothing",
                    "rule r { Resources.*[ Type == \"U\" ].Properties.A == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n", "SKIP"),
            new Case("a rule that depends on a failing rule skips",
                    "rule a { Resources.X.Properties.A == 2 }\nrule r when a { Resources.X.Properties.A ="
                            + "= 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "SKIP"),
            new Case("a rule used as a clause",
                    "rule a { Resources.X.Properties.A == 1 }\nrule r {\n  a\n}",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("not a rule used as a clause",
                    "rule a { Resources.X.Properties.A == 1 }\nrule r {\n  not a\n}",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "FAIL"),
            new Case("missing property fails",
                    "rule r { Resources.X.Properties.Missing == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "FAIL"),
            new Case("block over nothing fails",
                    "rule r { Resources.X.Properties.Missing { this == 1 } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "FAIL"),
            new Case("when clause in a block",
                    "rule r { Resources.X.Properties { when A == 1 { B == 1 } } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n      B: 2\n", "SKIP"));

    @TestFactory
    Stream<DynamicTest> casesGiveCfnGuardsVerdicts() {
        return GuardCases.tests(CASES);
    }

    @Test
    void cfnGuardStillGivesTheRecordedVerdicts() throws Exception {
        GuardCases.cfnGuardGivesTheRecordedVerdicts(CASES);
    }
}
