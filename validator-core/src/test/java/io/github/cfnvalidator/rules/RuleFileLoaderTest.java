package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How core hands rule files to the rule-file languages it finds, without knowing any of them. */
class RuleFileLoaderTest {
    /** A loader for one extension that records the paths it was given and reports each as a problem. */
    private static final class Recording implements RuleFileLoader {
        final String extension;
        final List<List<Path>> calls = new ArrayList<>();

        Recording(String extension) {
            this.extension = extension;
        }

        @Override
        public String language() {
            return extension;
        }

        @Override
        public boolean accepts(Path file) {
            return file.toString().endsWith(extension);
        }

        @Override
        public Loaded load(List<Path> paths) {
            calls.add(paths);
            return new Loaded(List.of(), paths.stream()
                    .map(p -> new ParseProblem(extension + " read", Location.ofFile(p.toString()))).toList());
        }
    }

    @Test
    void coreAloneInstallsNoLanguageAndSaysSoForEveryPath() {
        assertThat(RuleFileLoader.installed()).isEmpty();
        RuleFileLoader.Loaded loaded = RuleFileLoader.loadAll(List.of(Path.of("policy.guard"), Path.of("p")));
        assertThat(loaded.rules()).isEmpty();
        assertThat(loaded.problems()).extracting(p -> p.location().file()).containsExactly("policy.guard", "p");
        assertThat(loaded.problems().get(0).message()).contains("validator-guard is not on the class path");
    }

    @Test
    void filesGoToTheLoaderThatAcceptsThemAndFoldersToEveryLoader(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("policy"));
        Recording guard = new Recording(".guard");
        Recording rego = new Recording(".rego");
        RuleFileLoader.Loaded loaded = RuleFileLoader.loadAll(
                List.of(Path.of("a.rego"), folder, Path.of("b.guard"), Path.of("c.txt")), List.of(guard, rego));
        assertThat(guard.calls).containsExactly(List.of(folder, Path.of("b.guard"), Path.of("c.txt")));
        assertThat(rego.calls).containsExactly(List.of(Path.of("a.rego"), folder));
        assertThat(loaded.problems()).hasSize(5);
    }

    @Test
    void aFolderStandsForTheRuleFilesOfEveryLanguageAFileForItself(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.guard"), "");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("a.guard"), "");
        Files.writeString(dir.resolve("c.rego"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        List<RuleFileLoader> loaders = List.of(new Recording(".guard"), new Recording(".rego"));
        assertThat(RuleFileLoader.filesOf(dir, loaders)).containsExactly(dir.resolve("b.guard"),
                dir.resolve("sub").resolve("a.guard"), dir.resolve("c.rego"));
        assertThat(RuleFileLoader.filesOf(dir.resolve("notes.txt"), loaders)).containsExactly(dir.resolve("notes.txt"));
    }

    @Test
    void aLoneLoaderIsAskedEvenForNoPaths() {
        Recording guard = new Recording(".guard");
        RuleFileLoader.loadAll(List.of(), List.of(guard));
        assertThat(guard.calls).containsExactly(List.of());
    }
}
