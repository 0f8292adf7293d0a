package io.github.cfnvalidator.guard.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.guard.GuardRules;
import io.github.cfnvalidator.guard.data.GuardValue;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every literal form of the Guard language, read as cfn-guard 3.1.1 reads it. Each expectation here (accepted or
 * refused, the error's line and column, a regular expression's match) was checked with the cfn-guard 3.1.1 binary;
 * {@code literals.guard} and its spec file cover the same forms end to end, and {@code bench/guard-fuzz.py --grammar}
 * compares random combinations.
 */
class GuardLiteralsTest {
    private static GuardParseException error(String text) {
        try {
            GuardRules.parse("r.guard", text);
        } catch (GuardParseException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for:\n" + text);
    }

    @Test
    void readsEachScalarForm() throws Exception {
        assertThat(((GuardValue.Str) GuardParser.parseLiteral("'it\\'s'")).value()).isEqualTo("it's");
        assertThat(((GuardValue.Str) GuardParser.parseLiteral("\"a\\\"b\"")).value()).isEqualTo("a\"b");
        assertThat(((GuardValue.Str) GuardParser.parseLiteral("\"a\\nb\"")).value()).isEqualTo("a\\nb");
        assertThat(((GuardValue.Int) GuardParser.parseLiteral("-7")).value()).isEqualTo(-7L);
        assertThat(((GuardValue.Int) GuardParser.parseLiteral("007")).value()).isEqualTo(7L);
        assertThat(((GuardValue.Flt) GuardParser.parseLiteral("1.5e3")).value()).isEqualTo(1500.0);
        assertThat(((GuardValue.Flt) GuardParser.parseLiteral("1.5E-3")).value()).isEqualTo(0.0015);
        assertThat(GuardParser.parseLiteral("True")).isInstanceOf(GuardValue.Bool.class);
        assertThat(GuardParser.parseLiteral("NULL")).isInstanceOf(GuardValue.Null.class);
        assertThat(GuardParser.parseLiteral("r[1, 5)")).isInstanceOf(GuardValue.RangeInt.class);
        assertThat(GuardParser.parseLiteral("r(0.0,1.0]")).isInstanceOf(GuardValue.RangeFloat.class);
        assertThat(GuardParser.parseLiteral("r[a,m)")).isInstanceOf(GuardValue.RangeChar.class);
    }

    @Test
    void readsRegexesThatStartWithABraceAndEscapeSlashes() throws Exception {
        GuardValue.Regex r = (GuardValue.Regex) GuardParser.parseLiteral("/{{resolve\\:ssm-secure\\:.*}}/");
        assertThat(r.source()).isEqualTo("{{resolve\\:ssm-secure\\:.*}}");
        assertThat(r.matches("{{resolve:ssm-secure:p}}")).isTrue();
        GuardValue.Regex slash = (GuardValue.Regex) GuardParser.parseLiteral("/^\\/dev\\/sd[a-z]$/");
        assertThat(slash.source()).isEqualTo("^/dev/sd[a-z]$");
        assertThat(slash.matches("/dev/sdc")).isTrue();
    }

    @Test
    void readsNestedListsAndMapsWithQuotedAndSpecialKeys() throws Exception {
        GuardValue.MapV m = (GuardValue.MapV) GuardParser.parseLiteral(
                "{ \"key with space\": [1, [2, 3]], 'single:quoted': \"s\", key-dash: true, k_1: { inner: null } }");
        assertThat(m.values().keySet()).containsExactly("key with space", "single:quoted", "key-dash", "k_1");
        assertThat(((GuardValue.ListV) m.get("key with space")).items()).hasSize(2);
        assertThat(((GuardValue.MapV) m.get("k_1")).get("inner")).isInstanceOf(GuardValue.Null.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Resources.*.Properties.P in [ /{{resolve\\:secretsmanager\\:.*}}/, /{{resolve\\:ssm-secure\\:.*}}/ ]",
        "Resources.*.Properties.P == /^a{2}{b}\\}$/",
        "Resources.*.Properties.P == /(?x) ^ PROD - \\d+ $ # comment/",
        "Resources.*.Properties.P == /^[[:alpha:]][\\w-]*\\h\\v\\e\\<\\>$/",
        "Resources.*.Properties.P == /^(?P<g>a)(?P<g>b)\\k<g>$/",
        "Resources.*.Properties.P == 1e5",
        "Resources.*.Properties.P == { \"quoted key\": [1, { a: r[1,2] }], k-1: 'x' }",
        "Resources.*.Properties.P in [ 1.5e3, -7, 007, r(0.0, 1.0], true, False, NULL ]",
    })
    void acceptsWhatCfnGuardAccepts(String clause) throws Exception {
        assertThat(GuardRules.parse("r.guard", "rule r {\n  " + clause + "\n}\n").ruleNames()).containsExactly("r");
    }

    /** cfn-guard 3.1.1's error line and column for each refused form (from its "at line L at column C"). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "rule r {\\n  Resources.*.Properties.P == +5\\n}                    | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == -1.5\\n}                  | 2 | 33",
        "rule r {\\n  Resources.*.Properties.P == 99999999999999999999\\n}  | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == /a\\\\//\\n}                | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == //\\n}                    | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == /\\\\y/\\n}                 | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == /(a/\\n}                  | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == /a**/\\n}                 | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == /[z-a]/\\n}               | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == /(?i:\\\\>){2}/\\n}         | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == 'abc\\n}                  | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == r[1, 2.5]\\n}             | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == r[1, 2\\n}                | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P in [1, 2,]\\n}               | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == {a b: 1}\\n}              | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == {a: }\\n}                 | 2 | 30",
        "rule r {\\n  Resources.*.Properties.P == 1.5e\\n}                  | 2 | 32",
        "let x = /\\\\q/\\nrule r { %x exists }                             | 1 | 9",
        "let x = [1, +2]\\nrule r { %x exists }                            | 1 | 9",
        "let x = 1.5e\\nrule r { %x exists }                               | 1 | 10",
        "rule r when Resources.*.Properties.P == /\\\\y/ {\\n  Resources exists\\n} | 1 | 40",
        "rule r {\\n  c(/\\\\y/)\\n}                                          | 2 | 5",
        "rule r {\\n  c(1, /\\\\y/)\\n}                                       | 2 | 8",
        "rule r {\\n  Resources.*.Properties[ keys == /\\\\y/ ] !empty\\n}     | 2 | 35",
    })
    void refusesWhatCfnGuardRefusesAtItsPosition(String text, int line, int column) {
        GuardParseException e = error(text.replace("\\n", "\n").replace("\\\\", "\\"));
        assertThat(new int[] {e.line(), e.column()}).as(e.getMessage()).containsExactly(line, column);
    }

    /** Match or not, as cfn-guard 3.1.1 decided each (a clause {@code V == /re/} over the text). */
    @ParameterizedTest(name = "/{0}/ on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{{resolve\\:secretsmanager\\:.*}}  | {{resolve:secretsmanager:db}} | true",
        "{{resolve\\:secretsmanager\\:.*}}  | resolve:secretsmanager:db     | false",
        "^a{2}{b}$                        | aa{b}                         | true",
        "^a{2}{b}$                        | a{2}{b}                       | false",
        "^x{,2}$                          | xx                            | true",
        "^x{ 2 }$                         | x{ 2 }                        | true",
        "^{}$                             | {}                            | true",
        "^a{99999999999999999999}$        | a{99999999999999999999}       | true",
        "^\\h+$                           | 0aF9                          | true",
        "^\\h+$                           | xyz                           | false",
        "abc$                             | `abc\n`                       | false",
        "(?m)abc$                         | `abc\n`                       | true",
        "^a.b$                            | `a\rb`                        | true",
        "^a.b$                            | `a\nb`                        | false",
        "(?s)^a.b$                        | `a\nb`                        | true",
        "(?i)^prod$                       | PROD                          | true",
        "\\<ab                            | x ab                          | true",
        "\\<ab                            | xab                           | false",
        "ab\\>                            | abc                           | false",
        "^[[:^digit:]]+$                  | abc                           | true",
        "^[]a]+$                          | ]a]                           | true",
        "^\\x41\\u00e9$                   | Aé                            | true",
        "^\\d+$                           | ١٢                            | true",
        "^\\w+$                           | 日本                          | true",
        "^(?P<g>a)(?P<g>b)$               | ab                            | true",
        "^a\\ b$                          | a b                           | true",
        "^a\\#b$                          | a#b                           | true",
        "(?x) a b # comment               | ab                            | true",
        "^\\p{Greek}+$                    | αβ                            | true",
    })
    void regexMatchesAsCfnGuard(String regex, String text, boolean matches) {
        String t = text.replace("\\n", "\n").replace("\\r", "\r");
        assertThat(GuardRegex.compile(regex).matcher(t).find()).as(GuardRegex.translate(regex)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\y", "(", "a**", "*a", "[z-a]", "\\b{", "(?z)", "x\\", "(?i:\\>){2}", "^*", "\\p{Nope}"})
    void refusesWhatFancyRegexRefuses(String regex) {
        assertThatThrownBy(() -> GuardRegex.compile(regex)).isInstanceOf(PatternSyntaxException.class);
    }
}
