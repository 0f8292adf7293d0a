package io.github.cfnvalidator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cfnvalidator.Version;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards read (docs/report-formats.md).
 *
 * <p>One run; {@code tool.driver.rules} lists every rule the validator applied (with summary, help and default level),
 * and each finding becomes a result whose {@code artifactLocation.uri} is relative to a source root (the repository
 * or project folder, named {@code %SRCROOT%} in {@code originalUriBaseIds}), with a 1-based region whose columns
 * count UTF-16 code units. Input errors (unreadable templates) are results of the pseudo-rule {@code input}. Each result
 * carries a {@code partialFingerprints} entry built from rule, file, JSON pointer and resource, so an alert keeps its
 * identity when lines above it move.
 */
public final class SarifReportWriter implements ReportWriter {
    /** The SARIF version written. */
    public static final String SARIF_VERSION = SarifLog.VERSION;
    /** The {@code $schema} URI written: the OASIS 2.1.0 (errata 01) schema. */
    public static final String SCHEMA_URI = SarifLog.SCHEMA_URI;
    /** The uriBaseId that names the source root. */
    public static final String SRCROOT = "%SRCROOT%";
    /** The key of our entry in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "cfnValidatorFinding/v1";
    /** The pseudo-rule id of input errors (unreadable or malformed files). */
    public static final String INPUT_RULE_ID = "input";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final RuleDescriptor INPUT_RULE = new RuleDescriptor(INPUT_RULE_ID, Severity.ERROR,
            "The file can be read as a CloudFormation template: well-formed YAML or JSON with the sections and "
                    + "shapes CloudFormation requires.", "docs/report-formats.md");

    private final Path displayBase;
    private final Path sourceRoot;

    /** A writer for paths shown relative to the working directory, with URIs relative to it as well. */
    public SarifReportWriter() {
        this(Path.of(""), Path.of(""));
    }

    /**
     * A writer.
     *
     * @param displayBase the folder that the report's file paths are relative to (the working directory for the CLI,
     *                    the project base directory for the Maven plugin)
     * @param sourceRoot  the folder that URIs are made relative to, normally the repository root; files outside it
     *                    get absolute {@code file:} URIs
     */
    public SarifReportWriter(Path displayBase, Path sourceRoot) {
        this.displayBase = displayBase.toAbsolutePath().normalize();
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<RuleDescriptor> rules = new ArrayList<>(report.rules());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).id(), i);
        }
        boolean inputErrors = report.hasInputErrors();
        if (inputErrors && !index.containsKey(INPUT_RULE_ID)) {
            index.put(INPUT_RULE_ID, rules.size());
            rules.add(INPUT_RULE);
        }
        for (Finding f : report.allFindings()) {
            if (!index.containsKey(f.ruleId())) {
                index.put(f.ruleId(), rules.size());
                rules.add(new RuleDescriptor(f.ruleId(), f.severity(), f.ruleId(), ""));
            }
        }
        Map<String, Integer> occurrences = new HashMap<>();
        List<Object> results = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (ParseProblem p : file.errors()) {
                results.add(inputError(p, file, index.get(INPUT_RULE_ID), occurrences));
            }
            for (Finding f : file.findings()) {
                results.add(finding(f, index.get(f.ruleId()), occurrences));
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", tool(rules));
        run.put("invocations", invocations(report));
        run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("uri", directoryUri(sourceRoot))));
        run.put("results", results);
        run.put("columnKind", "utf16CodeUnits");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            writeTree(g, SarifLog.log(List.of(run)));
        }
        out.write('\n');
    }

    /** Writes a plain tree (maps, lists, strings, numbers, booleans) with Jackson's generator. */
    private static void writeTree(JsonGenerator g, Object o) throws IOException {
        if (o instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeTree(g, e.getValue());
            }
            g.writeEndObject();
        } else if (o instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                writeTree(g, x);
            }
            g.writeEndArray();
        } else if (o instanceof String str) {
            g.writeString(str);
        } else if (o instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (o instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeNull();
        }
    }

    private static Map<String, Object> tool(List<RuleDescriptor> rules) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "cfn-validator");
        driver.put("fullName", "CFN Validator");
        String version = Version.current();
        driver.put("version", version);
        if (version.matches("\\d+\\.\\d+\\.\\d+([-+].*)?")) {
            driver.put("semanticVersion", version);
        }
        List<Object> list = new ArrayList<>();
        for (RuleDescriptor r : rules) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("name", pascalCase(r.id()));
            rule.put("shortDescription", SarifLog.message(r.summary()));
            rule.put("fullDescription", SarifLog.message(r.summary() + " Findings default to severity "
                    + r.defaultSeverity().label() + "."));
            Map<String, Object> help = SarifLog.message(helpText(r));
            help.put("markdown", helpMarkdown(r));
            rule.put("help", help);
            if (r.docsIsUrl()) {
                rule.put("helpUri", r.docs());
            }
            rule.put("defaultConfiguration", Map.of("level", level(r.defaultSeverity())));
            rule.put("properties", Map.of("tags", List.of("cloudformation")));
            list.add(rule);
        }
        driver.put("rules", list);
        return Map.of("driver", driver);
    }

    private static String helpText(RuleDescriptor r) {
        if (r.docs().isEmpty()) {
            return r.summary();
        }
        return r.summary() + " Documentation, with a failing and a fixed example: " + r.docs();
    }

    private static String helpMarkdown(RuleDescriptor r) {
        if (r.docs().isEmpty()) {
            return r.summary();
        }
        String link = r.docsIsUrl() ? "[" + r.docs() + "](" + r.docs() + ")" : "`" + r.docs() + "`";
        return "**" + r.id() + "**: " + r.summary() + "\n\nDocumentation, with a failing and a fixed example: " + link;
    }

    private static List<Object> invocations(Report report) {
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", true);
        List<FileReport> skipped = report.files().stream().filter(FileReport::isSkipped).toList();
        if (!skipped.isEmpty()) {
            List<Object> notes = new ArrayList<>();
            for (FileReport f : skipped) {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("level", "note");
                note.put("message", SarifLog.message("skipped " + f.path() + ": " + f.skipped()));
                notes.add(note);
            }
            invocation.put("toolExecutionNotifications", notes);
        }
        return List.of(invocation);
    }

    private Map<String, Object> finding(Finding f, int ruleIndex, Map<String, Integer> occurrences) {
        Map<String, Object> result = SarifLog.result(f.ruleId(), ruleIndex, level(f.severity()), f.fullMessage());
        ArtifactUri uri = uri(f.location().file());
        Map<String, Object> location = physical(uri, f.location());
        if (f.resource() != null) {
            Map<String, Object> logical = new LinkedHashMap<>();
            logical.put("name", f.resource());
            logical.put("fullyQualifiedName", "Resources." + f.resource());
            logical.put("kind", "resource");
            location.put("logicalLocations", List.of(logical));
        }
        result.put("locations", List.of(location));
        if (!f.evidence().isEmpty()) {
            List<Object> related = new ArrayList<>();
            int id = 1;
            for (Evidence e : f.evidence()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", id++);
                r.putAll(physical(uri(e.location().file()), e.location()));
                r.put("message", SarifLog.message(e.message()));
                related.add(r);
            }
            result.put("relatedLocations", related);
        }
        result.put("partialFingerprints", fingerprint(occurrences, f.ruleId(), uri.uri(), f.path(),
                Objects.toString(f.resource(), "")));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("jsonPointer", f.path());
        if (f.resource() != null) {
            properties.put("resource", f.resource());
        }
        if (f.fix() != null && !f.fix().isBlank()) {
            properties.put("fix", f.fix());
        }
        result.put("properties", properties);
        return result;
    }

    private Map<String, Object> inputError(ParseProblem p, FileReport file, int ruleIndex,
                                           Map<String, Integer> occurrences) {
        Map<String, Object> result = SarifLog.result(INPUT_RULE_ID, ruleIndex, "error", p.message());
        String name = p.location().file().isEmpty() ? file.path() : p.location().file();
        ArtifactUri uri = uri(name);
        result.put("locations", List.of(physical(uri, p.location())));
        if (!p.related().isEmpty()) {
            List<Object> related = new ArrayList<>();
            int id = 1;
            for (Location l : p.related()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", id++);
                r.putAll(physical(uri(l.file().isEmpty() ? name : l.file()), l));
                related.add(r);
            }
            result.put("relatedLocations", related);
        }
        result.put("partialFingerprints", fingerprint(occurrences, INPUT_RULE_ID, uri.uri(), p.message(), ""));
        return result;
    }

    private static Map<String, Object> fingerprint(Map<String, Integer> occurrences, String... parts) {
        String hash = sha256(String.join("\u0000", parts));
        int n = occurrences.merge(hash, 1, Integer::sum);
        return Map.of(FINGERPRINT_KEY, hash + ":" + n);
    }

    /** A location with the physical location of {@code l} in the artifact {@code uri} (mutable: more may follow). */
    private static Map<String, Object> physical(ArtifactUri uri, Location l) {
        int line = Math.max(1, l.line());
        int column = Math.max(1, l.column());
        int endLine = Math.max(line, l.endLine());
        int endColumn = Math.max(1, l.endColumn());
        if (endLine == line && endColumn < column) {
            endColumn = column;
        }
        return SarifLog.location(SarifLog.artifactLocation(uri.uri(), uri.baseId()),
                SarifLog.region(line, column, endLine, endColumn));
    }

    /** A URI and the base it is relative to ({@code null} for absolute URIs). */
    record ArtifactUri(String uri, String baseId) {
    }

    /** The artifact URI of a file named as in the report. */
    ArtifactUri uri(String display) {
        Path absolute;
        try {
            absolute = displayBase.resolve(display).normalize();
        } catch (InvalidPathException e) {
            return new ArtifactUri(encodePath(display.replace('\\', '/')), SRCROOT);
        }
        if (absolute.startsWith(sourceRoot)) {
            String rel = sourceRoot.relativize(absolute).toString().replace('\\', '/');
            String encoded = encodePath(rel);
            int colon = encoded.indexOf(':');
            int slash = encoded.indexOf('/');
            if (colon >= 0 && (slash < 0 || colon < slash)) {
                encoded = "./" + encoded;
            }
            return new ArtifactUri(encoded, SRCROOT);
        }
        return new ArtifactUri(absolute.toUri().toASCIIString(), null);
    }

    private static String encodePath(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            StringBuilder sb = new StringBuilder();
            for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
                }
            }
            return sb.toString();
        }
    }

    private static String directoryUri(Path dir) {
        String s = dir.toUri().toASCIIString();
        return s.endsWith("/") ? s : s + "/";
    }

    /** The SARIF level of a severity. */
    static String level(Severity s) {
        switch (s) {
            case ERROR:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "note";
        }
    }

    private static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '_' || c == '-' || c == '.' || c == ' ') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.length() == 0 ? id : sb.toString();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String defaultFileName() {
        return "cfn-validator.sarif";
    }
}
