package io.github.cfnvalidator.run;

import io.github.cfnvalidator.TemplateFinder;
import java.nio.file.Path;

/**
 * How a run resolves and names files: against the project folder when it has one (the Maven plugin), as given when
 * it has none (the CLI).
 */
final class Names {
    private final Path projectDir;

    Names(Path projectDir) {
        this.projectDir = projectDir == null ? null : projectDir.toAbsolutePath().normalize();
    }

    /** The project folder, or {@code null}. */
    Path projectDir() {
        return projectDir;
    }

    /** The folder report paths are relative to: the project folder, else the working directory. */
    Path displayBase() {
        return projectDir != null ? projectDir : Path.of("").toAbsolutePath();
    }

    /** A path given in the settings: absolute against the project folder, or as given. */
    Path resolve(Path p) {
        return projectDir == null ? p : projectDir.resolve(p).toAbsolutePath().normalize();
    }

    /** A path read from the configuration file (already absolute): normalized in a project, else as given. */
    Path fromConfig(Path p) {
        return projectDir == null ? p : p.toAbsolutePath().normalize();
    }

    /** A file as output names it: relative to the project folder when inside it, else as given. */
    String display(Path p) {
        return projectDir == null ? p.toString() : TemplateFinder.display(projectDir, p);
    }

    /** A file name taken from a problem's location, renamed as {@link #display(Path)} would. */
    String display(String file) {
        if (projectDir == null) {
            return file;
        }
        try {
            return TemplateFinder.display(projectDir, Path.of(file));
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }

    /** The walker's options for these names. */
    TemplateFinder.Options walkOptions(RunSettings s) {
        return new TemplateFinder.Options(s.includes(), s.excludes(), projectDir, projectDir != null);
    }
}
