package io.github.cfnvalidator.guard.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.guard.GuardCases;
import io.github.cfnvalidator.guard.GuardCases.Case;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The comparison operators ({@code GuardOperators}): equality across types, regular expressions, {@code in} with
 * lists and ranges, ordering, {@code some} and every-element queries, and the unary checks. Each case's verdict was
 * recorded from cfn-guard 3.1.1 and is re-checked against it where the reference binary is installed ({@link
 * GuardCases}).
 */
class GuardOperatorsTest {
    static final List<Case> CASES = List.of(
            new Case("int equals int",
                    "rule r { Resources.X.Properties.A == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("int does not equal float",
                    "rule r { Resources.X.Properties.A == 1.0 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "FAIL"),
            new Case("string matches regex",
                    "rule r { Resources.X.Properties.A == /^ab/ }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: abc\n", "PASS"),
            new Case("not equal fails on the same string",
                    "rule r { Resources.X.Properties.A != \"x\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: x\n", "FAIL"),
            new Case("in a list",
                    "rule r { Resources.X.Properties.A in [1, 2] }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 2\n", "PASS"),
            new Case("not in a list",
                    "rule r { Resources.X.Properties.A in [1, 2] }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 3\n", "FAIL"),
            new Case("range excludes its open end",
                    "rule r { Resources.X.Properties.A in r[1, 5) }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 5\n", "FAIL"),
            new Case("range includes its closed end",
                    "rule r { Resources.X.Properties.A in r[1, 5) }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("strings ordered by code point",
                    "rule r { Resources.X.Properties.A < \"b\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: B\n", "PASS"),
            new Case("string and int are not ordered",
                    "rule r { Resources.X.Properties.A > 10 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: \"11\"\n", "FAIL"),
            new Case("list equals list",
                    "rule r { Resources.X.Properties.A == [1, 2] }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: [1, 2]\n", "PASS"),
            new Case("map equals map",
                    "rule r { Resources.X.Properties.A == {\"k\": 1} }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: {k: 1}\n", "PASS"),
            new Case("every element",
                    "rule r { Resources.X.Properties.A[*] == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: [1, 2]\n", "FAIL"),
            new Case("some element",
                    "rule r { some Resources.X.Properties.A[*] == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: [1, 2]\n", "PASS"),
            new Case("exists",
                    "rule r { Resources.X.Properties.A exists }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      B: 1\n", "FAIL"),
            new Case("not exists",
                    "rule r { Resources.X.Properties.A !exists }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      B: 1\n", "PASS"),
            new Case("empty list is empty",
                    "rule r { Resources.X.Properties.A empty }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: []\n", "PASS"),
            new Case("is_string on an int",
                    "rule r { Resources.X.Properties.A is_string }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "FAIL"),
            new Case("is_list",
                    "rule r { Resources.X.Properties.A is_list }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: [1]\n", "PASS"),
            new Case("bool equals bool",
                    "rule r { Resources.X.Properties.A == true }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: true\n", "PASS"));

    @TestFactory
    Stream<DynamicTest> casesGiveCfnGuardsVerdicts() {
        return GuardCases.tests(CASES);
    }

    @Test
    void cfnGuardStillGivesTheRecordedVerdicts() throws Exception {
        GuardCases.cfnGuardGivesTheRecordedVerdicts(CASES);
    }

    @Test
    void stringsAreOrderedByCodePointLikeRust() {
        assertThat(GuardOperators.compareStrings("B", "a")).isNegative();
        // a supplementary character sorts after every BMP character, as in UTF-8 byte order
        assertThat(GuardOperators.compareStrings("\uD83D\uDE00", "\uFFFD")).isPositive();
        assertThat(GuardOperators.compareStrings("ab", "abc")).isNegative();
    }

    @Test
    void anIntAndAFloatAreNotComparable() {
        GuardValue one = new GuardValue.Int(ValuePath.ROOT, 1);
        GuardValue oneFloat = new GuardValue.Flt(ValuePath.ROOT, 1.0);
        assertThat(GuardOperators.compareEq(one, oneFloat)).isEqualTo(GuardOperators.NOT_COMPARABLE);
        assertThat(GuardOperators.compareEq(one, new GuardValue.Int(ValuePath.ROOT, 1)))
                .isEqualTo(GuardOperators.TRUE);
    }
}
