package io.github.cfnvalidator.guard.tables;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Guard functions stage against cfn-guard 3.1.1: every built-in function of cfn-guard 3.1.1 (count, json_parse, regex_replace, substring, to_upper, to_lower, join, url_decode, parse_int, parse_float, parse_string, parse_boolean, parse_char), with their error cases and the names 3.1.1 does not have. Each case of {@code guard-cases/functions.cases} is rule text and
 * a document with the outcome cfn-guard 3.1.1 gave (status per rule, failing checks and their messages), recorded by
 * {@code bench/guard-cases.py}; {@link CfnGuardTables} runs them without the binary.
 */
class FunctionsTableTest {
    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithCfnGuard() throws Exception {
        return CfnGuardTables.tests("functions");
    }
}
