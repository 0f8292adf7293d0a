package io.github.cfnvalidator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.TemplateParseException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Known findings recorded once ({@code --write-baseline}) so that later runs ({@code --baseline}) report only new
 * ones, the way ArchUnit's frozen rules work. A finding is identified by a fingerprint of its rule, file, resource,
 * JSON pointer and message (line and column numbers left out), so it survives lines moving above it; each recorded
 * entry absorbs one matching finding, so a second identical finding is still new.
 */
public final class Baseline {
    private static final JsonFactory JSON = new JsonFactory();
    /** Created on first use: Jackson databind costs start-up time that most runs never need. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * One recorded finding.
     *
     * @param ruleId      the rule
     * @param file        the file as reported
     * @param resource    the logical id, or {@code null}
     * @param fingerprint the stable identity
     * @param message     the message when recorded (for humans reading the file)
     */
    public record Entry(String ruleId, String file, String resource, String fingerprint, String message) {
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The baseline of a report: every finding in it. */
    public static Baseline of(Report report) {
        List<Entry> out = new ArrayList<>();
        for (FileReport f : report.files()) {
            for (Finding x : f.findings()) {
                out.add(new Entry(x.ruleId(), normalizePath(f.path()), x.resource(), fingerprint(f.path(), x),
                        x.message()));
            }
        }
        return new Baseline(out);
    }

    /** The recorded entries. */
    public List<Entry> entries() {
        return entries;
    }

    /** A finding's stable identity in a file: independent of line and column numbers. */
    public static String fingerprint(String file, Finding f) {
        String key = f.ruleId() + "\n" + normalizePath(file) + "\n" + (f.resource() == null ? "" : f.resource())
                + "\n" + f.path() + "\n" + f.message().replaceAll("line \\d+(, column \\d+)?", "line N");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String normalizePath(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s;
    }

    /** Writes the baseline as JSON. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator g = JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeStringField("tool", "cfn-validator");
            g.writeArrayFieldStart("findings");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("ruleId", e.ruleId());
                g.writeStringField("file", e.file());
                if (e.resource() != null) {
                    g.writeStringField("resource", e.resource());
                }
                g.writeStringField("fingerprint", e.fingerprint());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Reads a baseline file written by {@link #write}. */
    public static Baseline read(Path file) throws TemplateParseException {
        String name = file.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new TemplateParseException(new ParseProblem("baseline file not found", Location.ofFile(name)));
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new TemplateParseException(new ParseProblem("baseline file is not valid JSON: "
                    + String.valueOf(e.getOriginalMessage()).split("\n")[0],
                    l == null ? Location.ofFile(name) : Location.point(name, l.getLineNr(), l.getColumnNr())));
        } catch (IOException e) {
            throw new TemplateParseException(new ParseProblem("baseline file cannot be read: " + e.getMessage(),
                    Location.ofFile(name)));
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new TemplateParseException(new ParseProblem("baseline file has no findings list; write one with "
                    + "--write-baseline", Location.ofFile(name)));
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : root.get("findings")) {
            String fp = n.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new TemplateParseException(new ParseProblem("a baseline entry has no fingerprint",
                        Location.ofFile(name)));
            }
            out.add(new Entry(n.path("ruleId").asText(""), n.path("file").asText(""),
                    n.hasNonNull("resource") ? n.get("resource").asText() : null, fp, n.path("message").asText("")));
        }
        return new Baseline(out);
    }

    /**
     * The report without the findings this baseline knows (each entry absorbs one matching finding).
     *
     * @return the new findings only, and how many were absorbed
     */
    public Filtered filter(Report report) {
        Map<String, Integer> budget = new HashMap<>();
        for (Entry e : entries) {
            budget.merge(e.fingerprint(), 1, Integer::sum);
        }
        List<FileReport> files = new ArrayList<>();
        int known = 0;
        for (FileReport f : report.files()) {
            List<Finding> kept = new ArrayList<>();
            List<SetAside> setAside = new ArrayList<>(f.setAside());
            for (Finding x : f.findings()) {
                String fp = fingerprint(f.path(), x);
                Integer left = budget.get(fp);
                if (left != null && left > 0) {
                    budget.put(fp, left - 1);
                    known++;
                    setAside.add(new SetAside(x, "known: recorded in the baseline"));
                } else {
                    kept.add(x);
                }
            }
            files.add(new FileReport(f.path(), kept, f.errors(), f.skipped(), setAside));
        }
        int fixed = budget.values().stream().mapToInt(Integer::intValue).sum();
        return new Filtered(report.withFiles(files), known, fixed);
    }

    /**
     * A report filtered through a baseline.
     *
     * @param report the report with only new findings
     * @param known  findings the baseline absorbed
     * @param fixed  baseline entries that matched nothing (fixed since it was written)
     */
    public record Filtered(Report report, int known, int fixed) {
    }
}
