package io.github.cfnvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one folder walker: which files a search finds, and how it names them (CLI and Maven plugin alike). */
class TemplateFinderTest {
    @TempDir
    Path basedir;

    private void touch(String name) throws IOException {
        Path p = basedir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Resources: {}\n", StandardCharsets.UTF_8);
    }

    private List<String> find(List<String> roots, List<String> includes, List<String> excludes) throws IOException {
        List<Path> r = roots.stream().map(basedir::resolve).toList();
        return TemplateFinder.find(r, new TemplateFinder.Options(includes, excludes, basedir, true))
                .stream().map(TemplateFinder.Input::display).toList();
    }

    @Test
    void foldersAreSearchedWithIncludesAndExcludesRelativeToEachFolder() throws Exception {
        touch("src/main/cloudformation/b.yaml");
        touch("src/main/cloudformation/a.json");
        touch("src/main/cloudformation/nested/c.yml");
        touch("src/main/cloudformation/legacy/old.yaml");
        touch("src/main/cloudformation/.hidden/x.yaml");
        touch("src/main/cloudformation/notes.txt");
        touch("infra/d.template");
        assertThat(find(List.of("src/main/cloudformation", "infra", "missing"), TemplateFinder.DEFAULT_INCLUDES,
                List.of("legacy/"))).containsExactly(
                "src/main/cloudformation/a.json", "src/main/cloudformation/b.yaml",
                "src/main/cloudformation/nested/c.yml", "infra/d.template");
        assertThat(find(List.of("src/main/cloudformation"), List.of("*.yaml"), List.of()))
                .containsExactly("src/main/cloudformation/b.yaml");
    }

    @Test
    void hiddenFoldersNodeModulesAndMavenTargetAreNeverSearchedBelowARoot() throws Exception {
        Files.writeString(basedir.resolve("pom.xml"), "<project/>");
        touch("a.yaml");
        touch(".git/b.yaml");
        touch("node_modules/pkg/c.yaml");
        touch("target/classes/d.yaml");
        touch("stacks/target/e.yaml");      // not beside a pom.xml: an ordinary folder
        touch("module/pom.xml");
        touch("module/target/f.yaml");
        assertThat(find(List.of("."), List.of(), List.of())).containsExactly("a.yaml", "stacks/target/e.yaml");
        // a folder named as a root is searched even if a search below would skip it
        assertThat(find(List.of("target"), List.of(), List.of())).containsExactly("target/classes/d.yaml");
        // the CLI's default search skips the same folders
        assertThat(TemplateFinder.expand(List.of(basedir)).stream().map(i -> i.path().getFileName().toString()))
                .containsExactly("a.yaml", "e.yaml");
    }

    @Test
    void defaultSelectionIsTheTemplateExtensionsInAnyCase() throws Exception {
        touch("t/A.YAML");
        touch("t/b.Json");
        touch("t/c.txt");
        assertThat(find(List.of("t"), List.of(), List.of())).containsExactly("t/A.YAML", "t/b.Json");
        assertThat(find(List.of("t"), List.of(), List.of("b.*"))).containsExactly("t/A.YAML");
    }

    @Test
    void aFileListedDirectlyIsCheckedOnceAndExplicitly() throws Exception {
        touch("src/main/cloudformation/a.yaml");
        List<Path> roots = List.of(basedir.resolve("src/main/cloudformation"),
                basedir.resolve("src/main/cloudformation/a.yaml"));
        List<TemplateFinder.Input> inputs = TemplateFinder.find(roots,
                new TemplateFinder.Options(TemplateFinder.DEFAULT_INCLUDES, List.of(), basedir, true));
        assertThat(inputs).hasSize(1);
        assertThat(inputs.get(0).path()).isAbsolute();
        List<TemplateFinder.Input> direct = TemplateFinder.expand(List.of(basedir.resolve("notes.txt")));
        assertThat(direct).singleElement().satisfies(i -> assertThat(i.explicit()).isTrue());
    }

    @Test
    void missingPathsAreInputsWithoutAProjectAndSkippedWithOne() throws Exception {
        Path missing = basedir.resolve("nope.yaml");
        assertThat(TemplateFinder.expand(List.of(missing))).hasSize(1);
        assertThat(TemplateFinder.find(List.of(missing), new TemplateFinder.Options(List.of(), List.of(), basedir,
                true))).isEmpty();
    }

    @Test
    void pathsOutsideTheProjectAreShownAbsolute() {
        Path outside = basedir.getParent().resolve("elsewhere/t.yaml");
        assertThat(TemplateFinder.display(basedir, outside)).isEqualTo(outside.toString().replace('\\', '/'));
        assertThat(TemplateFinder.display(basedir, basedir.resolve("x/t.yaml"))).isEqualTo("x/t.yaml");
        assertThat(TemplateFinder.display(Path.of("./a/b.yaml"))).isEqualTo("a/b.yaml");
    }
}
