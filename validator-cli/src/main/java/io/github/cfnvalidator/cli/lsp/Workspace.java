package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.report.Severity;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the client told the server about the workspace: its folders, and the options given in
 * {@code initializationOptions}. The folders bound what the server reads: a template outside them is checked without
 * a project configuration.
 */
final class Workspace {
    private final List<Path> roots;
    private final Severity unresolved;
    private final long debounceMillis;

    Workspace(List<Path> roots, Severity unresolved, long debounceMillis) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize())
                .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        this.unresolved = unresolved;
        this.debounceMillis = debounceMillis;
    }

    /** A workspace with no folders and the default options. */
    static Workspace empty() {
        return new Workspace(List.of(), null, 200);
    }

    /** The workspace folders, innermost first. */
    List<Path> roots() {
        return roots;
    }

    /** The unresolved severity the client asked for, if any (else the project configuration's, else info). */
    Optional<Severity> unresolved() {
        return Optional.ofNullable(unresolved);
    }

    /** How long to wait after an edit before checking. */
    long debounceMillis() {
        return debounceMillis;
    }

    /** The innermost workspace folder holding a file. */
    Optional<Path> rootOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return roots.stream().filter(f::startsWith).findFirst();
    }

    /** The local file a {@code file:} URI names, if it is one. */
    static Optional<Path> path(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                return Optional.of(Path.of(u).toAbsolutePath().normalize());
            }
        } catch (RuntimeException e) {
            // not a file URI
        }
        return Optional.empty();
    }

    /** The {@code file:} URI of a path, in the form editors send ({@code file:///...}). */
    static String uri(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }

    /** Roots from a list of URIs (workspace folders or the root URI); non-file URIs are ignored. */
    static List<Path> rootsOf(List<String> uris) {
        List<Path> out = new ArrayList<>();
        for (String u : uris) {
            path(u).ifPresent(out::add);
        }
        return out;
    }
}
