package io.github.cfnvalidator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.rules.RuleFileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core finds Guard through the RuleFileLoader service: how guardRules and --rules reach GuardRuleSet. */
class GuardRuleFileLoaderTest {
    @Test
    void theGuardLoaderIsInstalled() {
        assertThat(RuleFileLoader.installed()).hasExactlyElementsOfTypes(GuardRuleFileLoader.class);
    }

    @Test
    void aFolderOfRuleFilesBecomesOneGuardRuleSetAndABadFileAProblemWithItsPosition(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("a.guard"), "rule ok { Resources exists }\n");
        Files.writeString(dir.resolve("b.ruleset"), "rule bad {\n  Resources ==\n}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a rule file");
        RuleFileLoader.Loaded loaded = RuleFileLoader.loadAll(List.of(dir));
        assertThat(RuleFileLoader.filesOf(dir)).containsExactly(dir.resolve("a.guard"), dir.resolve("b.ruleset"));
        assertThat(loaded.rules()).singleElement().isInstanceOf(GuardRuleSet.class);
        GuardRuleSet set = (GuardRuleSet) loaded.rules().get(0);
        assertThat(set.ruleNames()).containsOnlyKeys("a.guard");
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).endsWith("b.ruleset");
            assertThat(p.location().line()).isPositive();
            assertThat(p.message()).startsWith("Guard rule file does not parse");
        });
    }

    @Test
    void aMissingPathIsAProblemNotAnException() {
        RuleFileLoader.Loaded loaded = RuleFileLoader.loadAll(List.of(Path.of("no-such-policy")));
        assertThat(loaded.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Guard rule file or folder not found"));
    }
}
