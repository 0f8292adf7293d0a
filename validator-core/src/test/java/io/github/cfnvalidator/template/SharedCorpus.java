package io.github.cfnvalidator.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared corpus beside the project (../shared/corpus), or null when this machine lacks it. */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The shared folder, or null. */
    public static Path shared() {
        String prop = System.getProperty("cfn.shared.dir");
        for (Path p : new Path[] {prop == null ? null : Path.of(prop), Path.of("..", "..", "shared"),
                Path.of("..", "shared")}) {
            if (p != null && Files.isDirectory(p.resolve("corpus"))) {
                return p.normalize();
            }
        }
        return null;
    }

    /** The corpus's templates folder, or null. */
    public static Path templates() {
        Path s = shared();
        return s == null ? null : s.resolve("corpus").resolve("templates");
    }

    /** The corpus folder, or null. */
    public static Path corpus() {
        Path s = shared();
        return s == null ? null : s.resolve("corpus");
    }
}
