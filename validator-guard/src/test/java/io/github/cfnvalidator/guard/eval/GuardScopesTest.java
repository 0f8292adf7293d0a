package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.GuardCases;
import io.github.cfnvalidator.guard.GuardCases.Case;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Variable scopes ({@code GuardScopes}): root and block {@code let}, query variables, parameterized rules, {@code
 * this} in value blocks, and variables seen from nested blocks. Each case's verdict was recorded from cfn-guard 3.1.1
 * and is re-checked against it where the reference binary is installed ({@link GuardCases}).
 */
class GuardScopesTest {
    static final List<Case> CASES = List.of(
            new Case("root let",
                    "let x = 1\nrule r { Resources.X.Properties.A == %x }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("block let",
                    "rule r { Resources.X.Properties { let v = A\n %v == 1 } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("a query variable holds every value",
                    "let all = Resources.*.Properties.A\nrule r { %all == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n  Y:\n    Type: T\n    P"
                            + "roperties:\n      A: 2\n", "FAIL"),
            new Case("parameterized rule",
                    "rule p(x) { %x == 1 }\nrule r { p(Resources.X.Properties.A) }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("parameterized rule fails",
                    "rule p(x) { %x == 1 }\nrule r { p(Resources.X.Properties.A) }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n", "FAIL"),
            new Case("this in a value block",
                    "rule r { Resources.X.Properties.A { this == 1 } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("a block sees its value's keys",
                    "rule r { Resources.*.Properties { A == 1\n B == 2 } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n      B: 3\n", "FAIL"),
            new Case("a variable from the enclosing rule",
                    "rule r { let a = Resources.X.Properties.A\n Resources.X.Properties { B == %a } }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n      B: 1\n", "PASS"));

    @TestFactory
    Stream<DynamicTest> casesGiveCfnGuardsVerdicts() {
        return GuardCases.tests(CASES);
    }

    @Test
    void cfnGuardStillGivesTheRecordedVerdicts() throws Exception {
        GuardCases.cfnGuardGivesTheRecordedVerdicts(CASES);
    }
}
