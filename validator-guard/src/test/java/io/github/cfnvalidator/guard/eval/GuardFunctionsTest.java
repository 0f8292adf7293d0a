package io.github.cfnvalidator.guard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.guard.GuardCases;
import io.github.cfnvalidator.guard.GuardCases.Case;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in functions ({@code GuardFunctions}): count, the string functions, json_parse, url_decode and the
 * parse_* conversions. Each case's verdict was recorded from cfn-guard 3.1.1 and is re-checked against it where the
 * reference binary is installed ({@link GuardCases}).
 */
class GuardFunctionsTest {
    static final List<Case> CASES = List.of(
            new Case("count",
                    "let n = count(Resources.*)\nrule r { %n == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("count of nothing is 0",
                    "let n = count(Resources.*.Properties.Missing)\nrule r { %n == 0 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      A: 1\n", "PASS"),
            new Case("to_upper",
                    "let u = to_upper(Resources.X.Properties.S)\nrule r { %u == \"ABC\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: abc\n", "PASS"),
            new Case("to_lower",
                    "let u = to_lower(Resources.X.Properties.S)\nrule r { %u == \"abc\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: AbC\n", "PASS"),
            new Case("join",
                    "let j = join(Resources.X.Properties.L[*], \",\")\nrule r { %j == \"a,b\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      L: [a, b]\n", "PASS"),
            new Case("substring",
                    "let s = substring(Resources.X.Properties.S, 0, 2)\nrule r { %s == \"ab\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: abc\n", "PASS"),
            new Case("regex_replace",
                    "let s = regex_replace(Resources.X.Properties.S, \"([a-z]+)-([0-9]+)\", \"${2}-${1}\""
                            + ")\nrule r { %s == \"12-ab\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: ab-12\n", "PASS"),
            new Case("json_parse",
                    "let p = json_parse(Resources.X.Properties.S)\nrule r { %p.k == 1 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: '{\"k\": 1}'\n", "PASS"),
            new Case("url_decode",
                    "let s = url_decode(Resources.X.Properties.S)\nrule r { %s == \"a b\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: a%20b\n", "PASS"),
            new Case("parse_int",
                    "let i = parse_int(Resources.X.Properties.S)\nrule r { %i == 12 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: \"12\"\n", "PASS"),
            new Case("parse_boolean",
                    "let b = parse_boolean(Resources.X.Properties.S)\nrule r { %b == true }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: \"true\"\n", "PASS"),
            new Case("parse_float",
                    "let f = parse_float(Resources.X.Properties.S)\nrule r { %f == 1.5 }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      S: \"1.5\"\n", "PASS"),
            new Case("parse_string",
                    "let s = parse_string(Resources.X.Properties.N)\nrule r { %s == \"12\" }",
                    "Resources:\n  X:\n    Type: T\n    Properties:\n      N: 12\n", "PASS"));

    @TestFactory
    Stream<DynamicTest> casesGiveCfnGuardsVerdicts() {
        return GuardCases.tests(CASES);
    }

    @Test
    void cfnGuardStillGivesTheRecordedVerdicts() throws Exception {
        GuardCases.cfnGuardGivesTheRecordedVerdicts(CASES);
    }

    @Test
    void unknownFunctionsAndWrongArityAreParseErrors() {
        assertThat(GuardFunctions.arity("join")).isEqualTo(2);
        assertThat(GuardFunctions.arity("nope")).isEqualTo(-1);
        assertThatThrownBy(() -> GuardFunctions.checkArity("substring", 2)).isInstanceOf(GuardEvalException.class)
                .hasMessageContaining("substring function requires 3 arguments be passed, but received 2");
    }

    @Test
    void urlDecodeKeepsWhatIsNotAnEscape() {
        assertThat(GuardFunctions.urlDecode("a%20b%2")).isEqualTo("a b%2");
    }
}
