package io.github.cfnvalidator.guard.tables;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Guard evaluator stage against cfn-guard 3.1.1: rule evaluation: `when` conditions (SKIP), named rule references and their negation, disjunctions, blocks over queries that retrieve nothing, filters, `some`, the default rule and empty files. Each case of {@code guard-cases/evaluator.cases} is rule text and
 * a document with the outcome cfn-guard 3.1.1 gave (status per rule, failing checks and their messages), recorded by
 * {@code bench/guard-cases.py}; {@link CfnGuardTables} runs them without the binary.
 */
class EvaluatorTableTest {
    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithCfnGuard() throws Exception {
        return CfnGuardTables.tests("evaluator");
    }
}
