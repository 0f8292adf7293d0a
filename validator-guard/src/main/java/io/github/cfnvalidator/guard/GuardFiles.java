package io.github.cfnvalidator.guard;

import io.github.cfnvalidator.guard.eval.GuardOperators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds rule and data files the way cfn-guard does: a directory is walked depth first, each directory's entries
 * sorted by file name (or by last-modified time), symbolic links not followed; data files are those whose path ends
 * in {@code .yaml .yml .json .jsn .template}, rule files those whose name ends in {@code .guard .ruleset}.
 */
public final class GuardFiles {
    /** The data file extensions cfn-guard reads from a directory. */
    public static final List<String> DATA_EXTENSIONS = List.of(".yaml", ".yml", ".json", ".jsn", ".template");
    /** The rule file extensions cfn-guard reads from a directory. */
    public static final List<String> RULE_EXTENSIONS = List.of(".guard", ".ruleset");

    private GuardFiles() {
    }

    /** Walks a path (a file yields itself), in cfn-guard's order. */
    public static List<Path> walk(Path base, boolean lastModified) throws IOException {
        List<Path> out = new ArrayList<>();
        walk(base, lastModified, out);
        return out;
    }

    private static void walk(Path p, boolean lastModified, List<Path> out) throws IOException {
        out.add(p);
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            List<Path> entries;
            try (Stream<Path> s = Files.list(p)) {
                entries = new ArrayList<>(s.toList());
            }
            Comparator<Path> byName = Comparator.comparing(x -> x.getFileName().toString(),
                    GuardOperators::compareStrings);
            if (lastModified) {
                entries.sort(Comparator.comparing((Path x) -> modified(x)));
            } else {
                entries.sort(byName);
            }
            for (Path e : entries) {
                walk(e, lastModified, out);
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Whether the name ends with one of the extensions (case-sensitive, as cfn-guard). */
    public static boolean hasExtension(String name, List<String> extensions) {
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
