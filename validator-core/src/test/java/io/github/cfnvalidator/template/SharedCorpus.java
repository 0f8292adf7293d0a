package io.github.cfnvalidator.template;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds what some tests need from outside the project: the shared corpus beside it ({@code ../shared/corpus}) and the
 * reference cfn-guard 3.1.1 with the AWS Control Tower rules that {@code ../shared/tools/cfn-guard-oracle} installs.
 * A test asks with a {@code require...} method: when the resource is missing the test is <em>skipped</em>, with a
 * message in the test report saying what is missing and how to provide it; in CI (environment variable {@code CI}
 * set, as every CI service does, or {@code -Dcfn.external=required}) a missing resource <em>fails</em> the test
 * instead, so CI can never pass by skipping.
 */
public final class SharedCorpus {
    /** The system property that makes missing external resources fail instead of skip. */
    static final String REQUIRED_PROPERTY = "cfn.external";

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

    /** The corpus's templates folder; skips the calling test (fails it in CI) when the corpus is absent. */
    public static Path requireTemplates() {
        return requireCorpus().resolve("templates");
    }

    /** The corpus folder; skips the calling test (fails it in CI) when the corpus is absent. */
    public static Path requireCorpus() {
        Path corpus = corpus();
        if (corpus == null) {
            missing("the shared corpus ../shared/corpus is not on this machine (looked in -Dcfn.shared.dir="
                    + System.getProperty("cfn.shared.dir") + ", ../../shared and ../shared); "
                    + "run with -Dcfn.shared.dir=/path/to/shared");
        }
        return corpus;
    }

    /**
     * The AWS Control Tower Guard rules folder of the reference install ({@code $CFN_ORACLE_CACHE}, by default
     * {@code ~/.cache/cfn-guard-oracle}); skips the calling test (fails it in CI) when it is not installed.
     */
    public static Path requireOracleRules() {
        Path rules = oracleCache().resolve("package").resolve("rules").resolve("control-tower").resolve("cfn-guard");
        if (!Files.isDirectory(rules)) {
            missing("the cfn-guard 3.1.1 reference install is not on this machine (no " + rules
                    + "); install it with ../shared/tools/cfn-guard-oracle");
        }
        return rules;
    }

    /** The reference cfn-guard 3.1.1 binary; skips the calling test (fails it in CI) when it is not installed. */
    public static Path requireOracleBinary() {
        Path bin = oracleCache().resolve("package").resolve("bin").resolve("ubuntu").resolve("x86_64")
                .resolve("cfn-guard");
        if (!Files.isExecutable(bin)) {
            missing("the cfn-guard 3.1.1 reference binary is not on this machine (no " + bin
                    + "); install it with ../shared/tools/cfn-guard-oracle");
        }
        return bin;
    }

    /** Whether missing external resources fail tests (CI) rather than skip them (a developer machine). */
    static boolean required() {
        String prop = System.getProperty(REQUIRED_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return prop.strip().toLowerCase(Locale.ROOT).equals("required");
        }
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    private static Path oracleCache() {
        String cache = System.getenv("CFN_ORACLE_CACHE");
        return cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "cfn-guard-oracle");
    }

    private static void missing(String what) {
        if (required()) {
            fail("required in CI: " + what);
        }
        Assumptions.abort("skipped: " + what + " (in CI this fails)");
    }
}
