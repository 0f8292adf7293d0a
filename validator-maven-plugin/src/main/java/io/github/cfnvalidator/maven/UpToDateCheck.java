package io.github.cfnvalidator.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The plugin's up-to-date check: a digest over everything that decides a check's outcome (the validator's code, the
 * effective configuration, and the content of every template, parameter file and rule file), stored under
 * {@code target/} after a passing check. When the next run computes the same digest and the reports are still there,
 * the templates are not validated again.
 */
final class UpToDateCheck {
    private static final String FORMAT = "1";

    private final Path cacheFile;
    private final MessageDigest digest;

    /** A check that stores its state in {@code cacheFile}. */
    UpToDateCheck(Path cacheFile) {
        this.cacheFile = cacheFile;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        add("format", FORMAT);
    }

    /** What a previous passing check left. */
    record Previous(String summary, List<Path> reports) {
    }

    /** Adds one configuration value. */
    void add(String key, Object value) {
        update(key + "=" + value);
    }

    /** Adds a file by name and content ("missing" when it cannot be read: reading it will report the problem). */
    void addFile(String label, Path file) {
        String hash;
        try {
            hash = sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            hash = "missing";
        }
        update("file " + label + "=" + hash);
    }

    /** Adds where a class was loaded from (jar path, size and time), so a rebuilt validator invalidates the cache. */
    void addCodeOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String id = "unknown";
        if (source != null && source.getLocation() != null) {
            try {
                Path p = Path.of(source.getLocation().toURI());
                id = p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                id = source.getLocation().toString();
            }
        }
        update("code " + type.getName() + "=" + id);
    }

    private void update(String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String key;

    /** The digest of everything added; no more can be added after this. */
    String key() {
        if (key == null) {
            key = HexFormat.of().formatHex(digest.digest());
        }
        return key;
    }

    /** The previous passing check with the same digest whose reports still exist, if any. */
    Optional<Previous> previous() {
        if (!Files.isRegularFile(cacheFile)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(cacheFile)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!key().equals(p.getProperty("key"))) {
            return Optional.empty();
        }
        List<Path> reports = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty("reports", "0"));
        for (int i = 0; i < n; i++) {
            String r = p.getProperty("report." + i);
            if (r == null || !Files.isRegularFile(Path.of(r))) {
                return Optional.empty();
            }
            reports.add(Path.of(r));
        }
        return Optional.of(new Previous(p.getProperty("summary", ""), reports));
    }

    /** Records a passing check. */
    void record(String summary, List<Path> reports) throws IOException {
        Properties p = new Properties();
        p.setProperty("key", key());
        p.setProperty("summary", summary);
        p.setProperty("reports", Integer.toString(reports.size()));
        for (int i = 0; i < reports.size(); i++) {
            p.setProperty("report." + i, reports.get(i).toAbsolutePath().toString());
        }
        Files.createDirectories(cacheFile.getParent());
        Path tmp = Files.createTempFile(cacheFile.getParent(), cacheFile.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "cfn-validator:check up-to-date state; delete to force a new check");
        }
        Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets any previous state (after a failing check, or when the cache is off). */
    void forget() {
        try {
            Files.deleteIfExists(cacheFile);
        } catch (IOException e) {
            // a stale cache only costs a re-validation: its key no longer matches
        }
    }

    /** Where the state is kept. */
    Path file() {
        return cacheFile;
    }
}
