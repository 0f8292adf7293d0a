package io.github.cfnvalidator.guard.tables;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Guard scopes stage against cfn-guard 3.1.1: variables: `let` at file, rule and block level, shadowing, variables from queries and from literals, parameterized rules and their parameters, `this`, variables capturing keys, nested blocks. Each case of {@code guard-cases/scopes.cases} is rule text and
 * a document with the outcome cfn-guard 3.1.1 gave (status per rule, failing checks and their messages), recorded by
 * {@code bench/guard-cases.py}; {@link CfnGuardTables} runs them without the binary.
 */
class ScopesTableTest {
    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithCfnGuard() throws Exception {
        return CfnGuardTables.tests("scopes");
    }
}
