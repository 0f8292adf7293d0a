package io.github.cfnvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method or constructor in the main code of any module ({@code validator-*}/src/main/java) is longer than
 * {@value #MAX_LINES} lines, from the line of its name to its closing brace, except those on the allow-list, each with
 * its reason. Entries name a file by its name (not its path) and a method by its name, so they survive moving a file
 * to another package or module; an entry that no longer matches an over-long method fails the test, so the list
 * shrinks as methods are split.
 */
class MethodLengthTest {
    static final int MAX_LINES = 80;

    /** "File.java#method" -> why it may stay longer for now; empty: every method is within the limit. */
    private static final Map<String, String> ALLOWED = Map.of();

    @Test
    void noMainMethodIsLongerThanTheLimit() throws IOException {
        Path root = projectRoot();
        List<Path> sources = mainSources(root);
        assertThat(sources).as("main sources under " + root).hasSizeGreaterThan(50);
        List<String> tooLong = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        for (Path file : sources) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            for (JavaMethods.Method m : JavaMethods.of(source)) {
                if (m.lines() <= MAX_LINES) {
                    continue;
                }
                String key = file.getFileName() + "#" + m.name();
                if (ALLOWED.containsKey(key)) {
                    matched.add(key);
                } else {
                    tooLong.add(root.relativize(file) + ":" + m.firstLine() + " " + m.name() + " (" + m.lines()
                            + " lines)");
                }
            }
        }
        assertThat(tooLong).as("methods over " + MAX_LINES + " lines: split them along their seams").isEmpty();
        Set<String> stale = new LinkedHashSet<>(ALLOWED.keySet());
        stale.removeAll(matched);
        assertThat(stale).as("allow-list entries that match no over-long method any more: remove them").isEmpty();
    }

    @Test
    void theScannerFindsMethodsAndConstructorsButNotOtherBlocks() {
        String source = String.join("\n",
                "class A {",                                     // 1
                "    static { int x = 1; }",                     // 2
                "    A(int x) throws java.io.IOException {",     // 3
                "        if (x > 0) { run(() -> { }); }",        // 4
                "    }",                                         // 5
                "    record R(int a) {",                         // 6
                "        R {",                                   // 7
                "            String s = \"} { /* \";",           // 8
                "        }",                                     // 9
                "    }",                                         // 10
                "    @Override",                                 // 11
                "    public <T> java.util.List<T> list(",        // 12
                "            T item) {",                         // 13
                "        char c = '}'; // }",                    // 14
                "        Object o = new Object() {",             // 15
                "            public String toString() { return \"\"\"",  // 16
                "                }\"\"\"; }",                    // 17
                "        };",                                    // 18
                "        int[] a = {1, 2};",                     // 19
                "        /* } */ return null;",                  // 20
                "    }",                                         // 21
                "}");
        assertThat(JavaMethods.of(source)).containsExactly(
                new JavaMethods.Method("A", 3, 5),
                new JavaMethods.Method("R", 7, 9),
                new JavaMethods.Method("toString", 16, 17),
                new JavaMethods.Method("list", 12, 21));
    }

    /** The folder holding the modules, found upwards from the working directory. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(
                dir.resolve("validator-core")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static List<Path> mainSources(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("validator-")).sorted()
                    .toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
                    }
                }
            }
        }
        return out;
    }
}
