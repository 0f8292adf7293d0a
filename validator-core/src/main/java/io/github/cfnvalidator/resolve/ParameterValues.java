package io.github.cfnvalidator.resolve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.TemplateParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deploy-time parameter values that pin parameters to one value each, read from the forms deployers already keep:
 * the CloudFormation CLI list {@code [{"ParameterKey": .., "ParameterValue": ..}]}, a template configuration file
 * {@code {"Parameters": {..}}}, a flat JSON map, or {@code Key=Value} lines.
 */
public final class ParameterValues {
    /** Created on first use: Jackson databind costs start-up time that most runs never need. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final ParameterValues EMPTY = new ParameterValues(Map.of(), "");

    private final Map<String, String> values;
    private final String source;

    private ParameterValues(Map<String, String> values, String source) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.source = source;
    }

    /** No pinned values. */
    public static ParameterValues empty() {
        return EMPTY;
    }

    /** Values given directly; {@code source} names where they came from in messages. */
    public static ParameterValues of(Map<String, String> values, String source) {
        return new ParameterValues(values, Objects.requireNonNull(source));
    }

    /** Values given directly. */
    public static ParameterValues of(Map<String, String> values) {
        return of(values, "given values");
    }

    /** Reads a parameter file in any of the accepted forms. */
    public static ParameterValues read(Path file) throws TemplateParseException {
        String name = file.toString();
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new TemplateParseException(new ParseProblem("parameter file not found", Location.ofFile(name)));
        } catch (IOException e) {
            throw new TemplateParseException(new ParseProblem("parameter file cannot be read: " + e.getMessage(),
                    Location.ofFile(name)));
        }
    }

    /** Parses parameter-file text in any of the accepted forms. */
    public static ParameterValues parse(String name, String text) throws TemplateParseException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String trimmed = t.stripLeading();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return parseJson(name, t);
        }
        return parseLines(name, t);
    }

    private static ParameterValues parseJson(String name, String text) throws TemplateParseException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location at = l == null ? Location.ofFile(name) : Location.point(name, l.getLineNr(), l.getColumnNr());
            throw new TemplateParseException(new ParseProblem("parameter file is not valid JSON: "
                    + firstLine(e.getOriginalMessage()), at));
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root.isArray()) {
            int i = 0;
            for (JsonNode item : root) {
                i++;
                JsonNode k = item.get("ParameterKey");
                JsonNode v = item.get("ParameterValue");
                if (k == null || !k.isValueNode()) {
                    throw problem(name, "entry " + i + " has no ParameterKey");
                }
                if (v == null) {
                    JsonNode prev = item.get("UsePreviousValue");
                    if (prev != null && prev.asBoolean()) {
                        continue; // the previous value is unknown here: leave the parameter free
                    }
                    throw problem(name, "entry " + i + " (" + k.asText() + ") has no ParameterValue");
                }
                out.put(k.asText(), text(v));
            }
            return new ParameterValues(out, name);
        }
        if (!root.isObject()) {
            throw problem(name, "expected a list of ParameterKey/ParameterValue entries or a map of values");
        }
        JsonNode map = root.has("Parameters") && root.get("Parameters").isObject() ? root.get("Parameters") : root;
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (map == root && (e.getKey().equals("Tags") || e.getKey().equals("StackPolicy"))) {
                continue;
            }
            if (e.getValue().isObject()) {
                throw problem(name, "the value of " + e.getKey() + " must be a string, a number or a list");
            }
            out.put(e.getKey(), text(e.getValue()));
        }
        return new ParameterValues(out, name);
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode x : v) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(x.asText());
            }
            return sb.toString();
        }
        return v.isNull() ? "" : v.asText();
    }

    private static ParameterValues parseLines(String name, String text) throws TemplateParseException {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new TemplateParseException(new ParseProblem(
                        "expected Key=Value, a JSON list of ParameterKey/ParameterValue or {\"Parameters\": {..}}",
                        Location.point(name, i + 1, 1)));
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new ParameterValues(out, name);
    }

    private static TemplateParseException problem(String name, String message) {
        return new TemplateParseException(new ParseProblem("parameter file: " + message, Location.ofFile(name)));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The pinned values by parameter name. */
    public Map<String, String> values() {
        return values;
    }

    /** Where the values came from, for messages (a file name). */
    public String source() {
        return source;
    }

    /** Whether nothing is pinned. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** These values with {@code other}'s on top. */
    public ParameterValues overriddenBy(ParameterValues other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Map<String, String> m = new LinkedHashMap<>(values);
        m.putAll(other.values);
        return new ParameterValues(m, source + ", " + other.source);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
