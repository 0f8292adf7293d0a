package io.github.cfnvalidator;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one folder walker of every front end: expands the paths a user gives into the files to check. A file stands
 * for itself (checked even if its name does not look like a template; a non-template is then an input error); a
 * folder for the files below it that the includes select (default: every {@code *.yaml *.yml *.json *.template}
 * file, extension case ignored) and the excludes do not (Ant patterns relative to the folder, see
 * {@link AntPattern}). Below a folder, hidden folders ({@code .git}, ...), {@code node_modules} and Maven build output
 * (a {@code target} folder beside a {@code pom.xml}) are never searched; a folder named as a path itself always is.
 * Each folder's files are sorted by path; a file reached twice (overlapping paths) is checked once.
 */
public final class TemplateFinder {
    /** The Ant-pattern form of the default selection, for callers that show or extend it. */
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml", "**/*.json",
            "**/*.template");

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

    /**
     * How to search.
     *
     * @param includes    Ant patterns of the files a folder contributes; empty: the template extensions
     * @param excludes    Ant patterns of files not to check; they win over includes
     * @param displayBase when set, files are named relative to this folder (absolute when outside it); when
     *                    {@code null}, by the path as given
     * @param skipMissing whether a path that does not exist is left out (the Maven plugin's source folders) rather
     *                    than returned as an explicit input whose reading reports it (the CLI)
     */
    public record Options(List<String> includes, List<String> excludes, Path displayBase, boolean skipMissing) {
        /** The CLI's search: template extensions, nothing excluded, paths named as given, missing paths reported. */
        public static final Options DEFAULT = new Options(List.of(), List.of(), null, false);

        public Options {
            includes = includes == null ? List.of() : List.copyOf(includes);
            excludes = excludes == null ? List.of() : List.copyOf(excludes);
        }
    }

    /** Whether a file name has one of the template extensions. */
    public static boolean isCandidate(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".template");
    }

    /**
     * Expands paths with the default options. Missing paths are returned as explicit inputs, so that reading them
     * reports the problem.
     *
     * @throws IOException if a folder cannot be walked
     */
    public static List<Input> expand(List<Path> paths) throws IOException {
        return find(paths, Options.DEFAULT);
    }

    /**
     * Expands paths.
     *
     * @throws IOException naming the folder that cannot be walked
     */
    public static List<Input> find(List<Path> paths, Options options) throws IOException {
        List<AntPattern> include = AntPattern.compileAll(options.includes());
        List<AntPattern> exclude = AntPattern.compileAll(options.excludes());
        Map<Path, Input> found = new LinkedHashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : walk(p, include, exclude, options)) {
                    found.putIfAbsent(key(f), new Input(f, name(f, options), false));
                }
            } else if (!options.skipMissing() || Files.exists(p)) {
                found.putIfAbsent(key(p), new Input(p, name(p, options), true));
            }
        }
        return List.copyOf(found.values());
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static List<Path> walk(Path root, List<AntPattern> include, List<AntPattern> exclude, Options options)
            throws IOException {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && skipDirectory(dir) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    boolean selected = include.isEmpty() ? isCandidate(file) : AntPattern.any(include, rel);
                    if (attrs.isRegularFile() && selected && !AntPattern.any(exclude, rel)) {
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
        } catch (IOException e) {
            throw new IOException("cannot search " + name(root, options) + " for templates: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(x -> x.toString().replace('\\', '/')));
        return found;
    }

    /** Whether a folder below a searched folder is left out: hidden, {@code node_modules}, or Maven's target. */
    static boolean skipDirectory(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (name.startsWith(".") || name.equals("node_modules")) {
            return true;
        }
        return name.equals("target") && dir.getParent() != null && Files.exists(dir.getParent().resolve("pom.xml"));
    }

    private static String name(Path p, Options options) {
        return options.displayBase() == null ? display(p) : display(options.displayBase(), p);
    }

    /** A path as shown to users: forward slashes, no leading {@code ./}. */
    public static String display(Path p) {
        String s = p.toString().replace('\\', '/');
        while (s.startsWith("./") && s.length() > 2) {
            s = s.substring(2);
        }
        return s;
    }

    /** A path as shown to users of a project: relative to its folder when inside it, else absolute; forward slashes. */
    public static String display(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        String s = abs.startsWith(b) ? b.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }
}
