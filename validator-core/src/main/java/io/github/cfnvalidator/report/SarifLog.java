package io.github.cfnvalidator.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one SARIF 2.1.0 model of the project: the log, result, location and region objects that
 * {@link SarifReportWriter} and validator-guard's {@code guard validate -o sarif} write, built as plain ordered trees
 * (maps in field order, lists, strings, numbers, booleans). Each writer adds the fields only it writes and serializes
 * the tree in its own layout (Jackson's pretty printer here, cfn-guard's serde layout in validator-guard).
 */
public final class SarifLog {
    /** The SARIF version written. */
    public static final String VERSION = "2.1.0";
    /** The {@code $schema} URI written: the OASIS 2.1.0 (errata 01) schema. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifLog() {
    }

    /** The top-level log: {@code $schema}, {@code version} and the runs. */
    public static Map<String, Object> log(List<?> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$schema", SCHEMA_URI);
        m.put("version", VERSION);
        m.put("runs", new ArrayList<>(runs));
        return m;
    }

    /** A message object ({@code {"text": ...}}). */
    public static Map<String, Object> message(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        return m;
    }

    /** A result: rule id, the rule's index in the driver's rules ({@code null}: none written), level and message. */
    public static Map<String, Object> result(String ruleId, Integer ruleIndex, String level, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", ruleId);
        if (ruleIndex != null) {
            m.put("ruleIndex", ruleIndex);
        }
        m.put("level", level);
        m.put("message", message(text));
        return m;
    }

    /** A region by its 1-based start. */
    public static Map<String, Object> region(long startLine, long startColumn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLine", startLine);
        m.put("startColumn", startColumn);
        return m;
    }

    /** A region by its 1-based start and end. */
    public static Map<String, Object> region(long startLine, long startColumn, long endLine, long endColumn) {
        Map<String, Object> m = region(startLine, startColumn);
        m.put("endLine", endLine);
        m.put("endColumn", endColumn);
        return m;
    }

    /** An artifact location: a URI, relative to {@code uriBaseId} unless that is {@code null}. */
    public static Map<String, Object> artifactLocation(String uri, String uriBaseId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", uri);
        if (uriBaseId != null) {
            m.put("uriBaseId", uriBaseId);
        }
        return m;
    }

    /** A location object holding a physical location (artifact and region). */
    public static Map<String, Object> location(Map<String, Object> artifactLocation, Map<String, Object> region) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifactLocation);
        physical.put("region", region);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("physicalLocation", physical);
        return m;
    }
}
