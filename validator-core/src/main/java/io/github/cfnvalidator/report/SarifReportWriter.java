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
    public static final String SARIF_VERSION = "2.1.0";
    /** The {@code $schema} URI written: the OASIS 2.1.0 (errata 01) schema. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
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
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", SARIF_VERSION);
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeTool(g, rules);
            writeInvocation(g, report);
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart(SRCROOT);
            g.writeStringField("uri", directoryUri(sourceRoot));
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (FileReport file : report.files()) {
                for (ParseProblem p : file.errors()) {
                    writeInputError(g, p, file, index.get(INPUT_RULE_ID), occurrences);
                }
                for (Finding f : file.findings()) {
                    writeFinding(g, f, index.get(f.ruleId()), occurrences);
                }
            }
            g.writeEndArray();
            g.writeStringField("columnKind", "utf16CodeUnits");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeTool(JsonGenerator g, List<RuleDescriptor> rules) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "cfn-validator");
        g.writeStringField("fullName", "CFN Validator");
        String version = Version.current();
        g.writeStringField("version", version);
        if (version.matches("\\d+\\.\\d+\\.\\d+([-+].*)?")) {
            g.writeStringField("semanticVersion", version);
        }
        g.writeArrayFieldStart("rules");
        for (RuleDescriptor r : rules) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("name", pascalCase(r.id()));
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", r.summary());
            g.writeEndObject();
            g.writeObjectFieldStart("fullDescription");
            g.writeStringField("text", r.summary() + " Findings default to severity " + r.defaultSeverity().label()
                    + ".");
            g.writeEndObject();
            g.writeObjectFieldStart("help");
            g.writeStringField("text", helpText(r));
            g.writeStringField("markdown", helpMarkdown(r));
            g.writeEndObject();
            if (r.docsIsUrl()) {
                g.writeStringField("helpUri", r.docs());
            }
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(r.defaultSeverity()));
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeArrayFieldStart("tags");
            g.writeString("cloudformation");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
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

    private static void writeInvocation(JsonGenerator g, Report report) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        List<FileReport> skipped = report.files().stream().filter(FileReport::isSkipped).toList();
        if (!skipped.isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (FileReport f : skipped) {
                g.writeStartObject();
                g.writeStringField("level", "note");
                g.writeObjectFieldStart("message");
                g.writeStringField("text", "skipped " + f.path() + ": " + f.skipped());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private void writeFinding(JsonGenerator g, Finding f, int ruleIndex, Map<String, Integer> occurrences)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.fullMessage());
        g.writeEndObject();
        ArtifactUri uri = uri(f.location().file());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysical(g, uri, f.location());
        if (f.resource() != null) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("name", f.resource());
            g.writeStringField("fullyQualifiedName", "Resources." + f.resource());
            g.writeStringField("kind", "resource");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        if (!f.evidence().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Evidence e : f.evidence()) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                writePhysical(g, uri(e.location().file()), e.location());
                g.writeObjectFieldStart("message");
                g.writeStringField("text", e.message());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        writeFingerprint(g, occurrences, f.ruleId(), uri.uri(), f.path(), Objects.toString(f.resource(), ""));
        g.writeObjectFieldStart("properties");
        g.writeStringField("jsonPointer", f.path());
        if (f.resource() != null) {
            g.writeStringField("resource", f.resource());
        }
        if (f.fix() != null && !f.fix().isBlank()) {
            g.writeStringField("fix", f.fix());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeInputError(JsonGenerator g, ParseProblem p, FileReport file, int ruleIndex,
                                 Map<String, Integer> occurrences) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", INPUT_RULE_ID);
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", "error");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", p.message());
        g.writeEndObject();
        String name = p.location().file().isEmpty() ? file.path() : p.location().file();
        ArtifactUri uri = uri(name);
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysical(g, uri, p.location());
        g.writeEndObject();
        g.writeEndArray();
        if (!p.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Location l : p.related()) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                writePhysical(g, uri(l.file().isEmpty() ? name : l.file()), l);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        writeFingerprint(g, occurrences, INPUT_RULE_ID, uri.uri(), p.message(), "");
        g.writeEndObject();
    }

    private static void writeFingerprint(JsonGenerator g, Map<String, Integer> occurrences, String... parts)
            throws IOException {
        String hash = sha256(String.join("\u0000", parts));
        int n = occurrences.merge(hash, 1, Integer::sum);
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, hash + ":" + n);
        g.writeEndObject();
    }

    private static void writePhysical(JsonGenerator g, ArtifactUri uri, Location l) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri.uri());
        if (uri.baseId() != null) {
            g.writeStringField("uriBaseId", uri.baseId());
        }
        g.writeEndObject();
        int line = Math.max(1, l.line());
        int column = Math.max(1, l.column());
        int endLine = Math.max(line, l.endLine());
        int endColumn = Math.max(1, l.endColumn());
        if (endLine == line && endColumn < column) {
            endColumn = column;
        }
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", line);
        g.writeNumberField("startColumn", column);
        g.writeNumberField("endLine", endLine);
        g.writeNumberField("endColumn", endColumn);
        g.writeEndObject();
        g.writeEndObject();
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
