package io.github.cfnvalidator;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Expands the paths a user gives into the files to check: a file stands for itself; a folder for every
 * {@code *.yaml *.yml *.json *.template} file below it, skipping hidden folders, {@code node_modules} and Maven
 * {@code target} folders (a {@code target} beside a {@code pom.xml}).
 */
public final class TemplateFinder {
    private TemplateFinder() {
    }

    /**
     * One file to check.
     *
     * @param path     the file
     * @param display  how to name it in output (the path as given, joined with the part found below a folder)
     * @param explicit whether the user named the file itself (then a non-template is an error, not a skip)
     */
    public record Input(Path path, String display, boolean explicit) {
    }

    /** Whether a file name has one of the template extensions. */
    public static boolean isCandidate(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".template");
    }

    /**
     * Expands paths. Missing paths are returned as explicit inputs, so that reading them reports the problem.
     *
     * @throws IOException if a folder cannot be walked
     */
    public static List<Input> expand(List<Path> paths) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(p) && skipDirectory(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && isCandidate(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        found.add(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(Comparator.comparing(x -> x.toString().replace('\\', '/')));
                for (Path f : found) {
                    out.add(new Input(f, display(f), false));
                }
            } else {
                out.add(new Input(p, display(p), true));
            }
        }
        return out;
    }

    private static boolean skipDirectory(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (name.startsWith(".") || name.equals("node_modules")) {
            return true;
        }
        return name.equals("target") && dir.getParent() != null && Files.exists(dir.getParent().resolve("pom.xml"));
    }

    /** A path as shown to users: forward slashes, no leading {@code ./}. */
    public static String display(Path p) {
        String s = p.toString().replace('\\', '/');
        while (s.startsWith("./") && s.length() > 2) {
            s = s.substring(2);
        }
        return s;
    }
}
