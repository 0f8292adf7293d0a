package io.github.cfnvalidator.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfnvalidator.TemplateFinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the check looks at, and how they are named. */
class FindTemplatesTest {
    @TempDir
    Path basedir;

    private void touch(String name) throws IOException {
        Path p = basedir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Resources: {}\n", StandardCharsets.UTF_8);
    }

    private List<String> find(List<String> roots, List<String> includes, List<String> excludes)
            throws MojoExecutionException {
        List<Path> r = roots.stream().map(basedir::resolve).toList();
        return CheckMojo.findTemplates(basedir, r, AntPattern.compileAll(includes), AntPattern.compileAll(excludes))
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
        assertThat(find(List.of("src/main/cloudformation", "infra", "missing"), CheckMojo.DEFAULT_INCLUDES,
                List.of("legacy/"))).containsExactly(
                "src/main/cloudformation/a.json", "src/main/cloudformation/b.yaml",
                "src/main/cloudformation/nested/c.yml", "infra/d.template");
        assertThat(find(List.of("src/main/cloudformation"), List.of("*.yaml"), List.of()))
                .containsExactly("src/main/cloudformation/b.yaml");
    }

    @Test
    void aFileListedDirectlyIsCheckedOnceAndExplicitly() throws Exception {
        touch("src/main/cloudformation/a.yaml");
        List<Path> roots = List.of(basedir.resolve("src/main/cloudformation"),
                basedir.resolve("src/main/cloudformation/a.yaml"));
        List<TemplateFinder.Input> inputs = CheckMojo.findTemplates(basedir, roots,
                AntPattern.compileAll(CheckMojo.DEFAULT_INCLUDES), List.of());
        assertThat(inputs).hasSize(1);
        assertThat(inputs.get(0).path()).isAbsolute();
    }

    @Test
    void pathsOutsideTheProjectAreShownAbsolute() {
        Path outside = basedir.getParent().resolve("elsewhere/t.yaml");
        assertThat(CheckMojo.display(basedir, outside)).isEqualTo(outside.toString().replace('\\', '/'));
        assertThat(CheckMojo.display(basedir, basedir.resolve("x/t.yaml"))).isEqualTo("x/t.yaml");
    }

    @Test
    void optionsAreValidated() throws Exception {
        assertThat(CheckMojo.parseFormats(List.of("SARIF", "junit,json", " text ", "sarif")))
                .containsExactly("sarif", "junit", "json", "text");
        assertThatThrownBy(() -> CheckMojo.parseFormats(List.of("pdf"))).hasMessageContaining("'pdf'");
        assertThat(CheckMojo.parseThreshold("none")).isNull();
        assertThatThrownBy(() -> CheckMojo.parseThreshold("fatal")).hasMessageContaining("'fatal'");
        assertThatThrownBy(() -> CheckMojo.parseUnresolved("info")).hasMessageContaining("warning or error");
    }
}
