package io.github.cfnvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Library example compiles as written against this module and does what it says. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    /** The first {@code java} code block of the README's "## Library" section. */
    static String libraryExample() throws IOException {
        Path readme = Path.of("..", "README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("README.md");
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("\n## Library\n");
        assertThat(section).as("README has a Library section").isPositive();
        int start = text.indexOf("```java\n", section);
        int next = text.indexOf("\n## ", section + 1);
        assertThat(start).as("the Library section has a java block").isPositive().isLessThan(next);
        int end = text.indexOf("\n```", start + 8);
        return text.substring(start + 8, end + 1);
    }

    @Test
    void libraryExampleCompilesAndRuns() throws Exception {
        String source = libraryExample();
        Path src = dir.resolve("src/CheckTemplates.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classpath = classpathOf(Validator.class) + File.pathSeparator + System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(), "-cp", classpath,
                "--release", "17", "-Xlint:all", "-Werror", src.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("bucket.yaml"), "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        String out = runMain(classes, templates.toString());
        assertThat(out).contains("unsaved/endpoint.yaml:6:").contains("[sagemaker_variant_min_instances] error")
                .contains("1 error(s), 0 warning(s) in 2 template(s)").contains("verdict: VIOLATIONS")
                .contains("finding(s) in inline.yaml").doesNotContain("fix the inputs");
    }

    private static String classpathOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String runMain(Path classes, String arg) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("CheckTemplates").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {arg});
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
