package io.github.cfnvalidator.guard.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.guard.GuardRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The rule-file parser: what it accepts, the trees it builds, and located errors for what it refuses. */
class GuardParserTest {
    private static GuardParseException error(String text) {
        try {
            GuardRules.parse("r.guard", text);
        } catch (GuardParseException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for:\n" + text);
    }

    @Test
    void namesRulesDefaultRuleFirstAndKeepsDuplicates() throws Exception {
        GuardRules r = GuardRules.parse("policy.guard", """
                # a comment
                let x = 1
                rule a { Resources exists }
                Resources.* !empty   # a default clause
                rule b(p) { %p exists }
                rule a when Resources exists { Resources.* exists }
                """);
        assertThat(r.ruleNames()).containsExactly("policy.guard/default", "a", "a");
        assertThat(r.fileName()).isEqualTo("policy.guard");
        assertThat(r.isEmpty()).isFalse();
    }

    @Test
    void aFileOfCommentsHoldsNoRules() throws Exception {
        assertThat(GuardRules.parse("c.guard", "# nothing\n\n   # at all\n").isEmpty()).isTrue();
        assertThat(GuardRules.parse("c.guard", "").isEmpty()).isTrue();
    }

    @Test
    void acceptsEveryDisjunctionSpellingAndMessages() throws Exception {
        GuardRules r = GuardRules.parse("d.guard", """
                rule d {
                    A == 1 or A == 2
                    B == 1 OR
                    B == 2
                    C == 1 |OR| C == 2 << one of two >>
                    D exists <<
                       multi-line message
                    >>
                }
                """);
        assertThat(r.ruleNames()).containsExactly("d");
    }

    @Test
    void errorsCarryTheRuleFilesLineAndColumn() {
        GuardParseException e = error("rule a {\n    Resources exists\n");
        assertThat(e.file()).isEqualTo("r.guard");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("r.guard:3:").contains("expected '}'");

        e = error("let x 5\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.problem()).contains("expected '=' or ':='");

        e = error("rule m {\n  A exists << no end\n}\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("closing >>");

        e = error("rule q {\n  Resources.*[ ] exists\n}\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("no clauses");

        e = error("rule 9lives { A exists }");
        assertThat(e.problem()).contains("rule's name");

        e = error("rule s { A == \"open }");
        assertThat(e.problem()).contains("unterminated string");
    }

    @Test
    void aRuleReferenceMustEndItsLine() {
        // cfn-guard requires a newline, a comment, 'or' or a message after a bare rule name
        GuardParseException e = error("rule x { y }");
        assertThat(e.problem()).contains("after the rule name");
    }

    @Test
    void anInvalidRegularExpressionIsAParseError() {
        GuardParseException e = error("rule r { A == /a(b/ }\n");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void keywordsMatchAsPrefixesLikeCfnGuard() throws Exception {
        // "whenever" starts with "when": cfn-guard reads a when-block and then fails hard
        assertThatThrownBy(() -> GuardRules.parse("k.guard", "rule k {\n  whenever exists\n}\n"))
                .isInstanceOf(GuardParseException.class);
        // "thisProp" starts with "this": the clause does not parse, so it is read as a rule reference
        GuardRules r = GuardRules.parse("k.guard", "rule k {\n  thisProp\n}\n");
        assertThat(r.ruleNames()).containsExactly("k");
    }

    @Provide
    Arbitrary<String> ruleText() {
        Arbitrary<String> token = Arbitraries.of("rule", "r", "{", "}", "when", "let", "x", "=", "==", "!=", ">=",
                "<", "in", "not", "exists", "empty", "some", "this", "%x", ".", "*", "[", "]", "(", ")", ",", "|",
                "keys", "or", "OR", "|OR|", "<<", ">>", "\"s\"", "'t'", "/re/", "1", "-2", "3.5", "true", "null",
                "r[1,2]", "AWS::S3::Bucket", "Resources", "Properties", "\n", " ", "#c\n", "is_string", ":", "\\");
        return token.list().ofMaxSize(40).map(l -> String.join(" ", l));
    }

    @Property(tries = 500)
    void anyTextParsesOrFailsWithALocatedError(@ForAll("ruleText") String text) {
        try {
            GuardRules r = GuardRules.parse("p.guard", text);
            assertThat(r.fileName()).isEqualTo("p.guard");
        } catch (GuardParseException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).startsWith("p.guard:").doesNotContain("Exception");
        }
    }
}
