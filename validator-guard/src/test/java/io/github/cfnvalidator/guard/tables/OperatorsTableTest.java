package io.github.cfnvalidator.guard.tables;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Guard operators stage against cfn-guard 3.1.1: the comparison and unary operators (==, !=, <, <=, >, >=, IN, EXISTS, EMPTY, the IS_* type checks), their `not`/`!` forms, comparisons across types, regular expressions, ranges, lists on either side with `some`, and the `keys` forms. Each case of {@code guard-cases/operators.cases} is rule text and
 * a document with the outcome cfn-guard 3.1.1 gave (status per rule, failing checks and their messages), recorded by
 * {@code bench/guard-cases.py}; {@link CfnGuardTables} runs them without the binary.
 */
class OperatorsTableTest {
    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithCfnGuard() throws Exception {
        return CfnGuardTables.tests("operators");
    }
}
