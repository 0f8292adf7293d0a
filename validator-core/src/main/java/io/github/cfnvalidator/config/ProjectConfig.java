package io.github.cfnvalidator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Threshold;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.TemplateParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project configuration file {@code cfn-validator.yaml}, read by the CLI (from the working directory, or
 * {@code --config}) and the Maven plugin (from the project base directory, or {@code configFile}). CLI flags and
 * plugin parameters override what it says; it overrides the built-in defaults.
 *
 * <pre>
 * rules:
 *   sagemaker_variant_burstable_instance: off        # off | on | error | warning | info
 *   sagemaker_model_image_pinned: {severity: error}  # or {enabled: false}
 * unresolved: warning                                # warning | error
 * failOn: error                                      # error | warning | info | none
 * parameters:
 *   - params/common.json                             # pinned for every template
 *   - {path: "templates/prod/**", file: params/prod.json}
 * guardRules: [policy/]                              # Guard rule files or folders
 * baseline: cfn-validator-baseline.json
 * </pre>
 *
 * Paths are relative to the file's folder. Unknown keys and bad values are errors with their line and column. The run
 * layer ({@code io.github.cfnvalidator.run}) applies the file, below the front ends' flags.
 */
public final class ProjectConfig {
    /** The file name looked for. */
    public static final String FILE_NAME = "cfn-validator.yaml";
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Set<String> TOP_KEYS = Set.of("rules", "unresolved", "failOn", "parameters", "guardRules",
            "baseline");

    /**
     * What the file says about one rule.
     *
     * @param enabled  whether it runs ({@code null}: unchanged)
     * @param severity its severity ({@code null}: unchanged)
     */
    public record RuleSetting(Boolean enabled, Severity severity) {
    }

    /**
     * Deploy-time values for templates matching a glob, or for all when the glob is null.
     *
     * @param glob a glob relative to the config folder, or {@code null}
     * @param file the parameter file
     */
    public record ParameterBinding(String glob, Path file) {
    }

    private final Path file;
    private final Path baseDir;
    private final Map<String, RuleSetting> rules;
    private final Severity unresolved;
    private final Threshold failOn;
    private final List<ParameterBinding> parameters;
    private final List<Path> guardRules;
    private final Path baseline;

    private ProjectConfig(Path file, Map<String, RuleSetting> rules, Severity unresolved, Threshold failOn,
                          List<ParameterBinding> parameters, List<Path> guardRules, Path baseline) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.baseDir = parent == null ? Path.of("").toAbsolutePath() : parent;
        this.rules = Map.copyOf(rules);
        this.unresolved = unresolved;
        this.failOn = failOn;
        this.parameters = List.copyOf(parameters);
        this.guardRules = List.copyOf(guardRules);
        this.baseline = baseline;
    }

    /** The configuration in a folder ({@value #FILE_NAME}), if there is one. */
    public static Optional<ProjectConfig> find(Path dir) throws TemplateParseException {
        Path f = dir.resolve(FILE_NAME);
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }

    /** Reads a configuration file. */
    public static ProjectConfig read(Path file) throws TemplateParseException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TemplateParseException(new ParseProblem("configuration file not found", Location.ofFile(name)));
        } catch (IOException e) {
            throw new TemplateParseException(new ParseProblem("configuration file cannot be read: " + e.getMessage(),
                    Location.ofFile(name)));
        }
        Item root;
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new ProjectConfig(file, Map.of(), null, null, List.of(), List.of(), null);
            }
            root = Item.read(p, name);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage().split("\n")[0];
            throw new TemplateParseException(new ParseProblem("configuration file is not valid YAML: " + msg,
                    l == null ? Location.ofFile(name) : Location.point(name, l.getLineNr(), l.getColumnNr())));
        } catch (IOException e) {
            throw new TemplateParseException(new ParseProblem("configuration file cannot be read: " + e.getMessage(),
                    Location.ofFile(name)));
        }
        return parse(file, root);
    }

    private static ProjectConfig parse(Path file, Item root) throws TemplateParseException {
        Map<String, Item> top = root.map("the configuration");
        for (Map.Entry<String, Item> e : top.entrySet()) {
            if (!TOP_KEYS.contains(e.getKey())) {
                throw e.getValue().problem("unknown key '" + e.getKey() + "' (expected one of " + String.join(", ",
                        new java.util.TreeSet<>(TOP_KEYS)) + ")");
            }
        }
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        if (top.containsKey("rules")) {
            for (Map.Entry<String, Item> e : top.get("rules").map("rules").entrySet()) {
                rules.put(e.getKey(), ruleSetting(e.getValue()));
            }
        }
        Severity unresolved = null;
        if (top.containsKey("unresolved")) {
            Item u = top.get("unresolved");
            String v = u.text("unresolved").toLowerCase(Locale.ROOT);
            if (!v.equals("warning") && !v.equals("error")) {
                throw u.problem("unresolved must be warning or error, not '" + v + "'");
            }
            unresolved = Severity.parse(v);
        }
        Threshold failOn = null;
        if (top.containsKey("failOn")) {
            Item f = top.get("failOn");
            try {
                failOn = Threshold.parse(f.text("failOn").toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw f.problem("failOn " + e.getMessage());
            }
        }
        List<ParameterBinding> parameters = new ArrayList<>();
        Path base = file.toAbsolutePath().getParent();
        if (top.containsKey("parameters")) {
            for (Item item : top.get("parameters").list("parameters")) {
                if (item.value() instanceof String s) {
                    parameters.add(new ParameterBinding(null, base.resolve(s)));
                } else {
                    Map<String, Item> m = item.map("a parameters entry");
                    for (String k : m.keySet()) {
                        if (!k.equals("path") && !k.equals("file")) {
                            throw m.get(k).problem("unknown key '" + k + "' in a parameters entry (expected path, file)");
                        }
                    }
                    if (!m.containsKey("file")) {
                        throw item.problem("a parameters entry needs a file");
                    }
                    String glob = m.containsKey("path") ? m.get("path").text("path") : null;
                    parameters.add(new ParameterBinding(glob, base.resolve(m.get("file").text("file"))));
                }
            }
        }
        List<Path> guardRules = new ArrayList<>();
        if (top.containsKey("guardRules")) {
            Item g = top.get("guardRules");
            List<Item> items = g.value() instanceof List ? g.list("guardRules") : List.of(g);
            for (Item i : items) {
                guardRules.add(base.resolve(i.text("guardRules")));
            }
        }
        Path baseline = top.containsKey("baseline") ? base.resolve(top.get("baseline").text("baseline")) : null;
        return new ProjectConfig(file, rules, unresolved, failOn, parameters, guardRules, baseline);
    }

    private static RuleSetting ruleSetting(Item v) throws TemplateParseException {
        if (v.value() instanceof Boolean b) {
            return new RuleSetting(b, null);
        }
        if (v.value() instanceof String s) {
            String t = s.toLowerCase(Locale.ROOT);
            switch (t) {
                case "off":
                case "false":
                case "disabled":
                    return new RuleSetting(false, null);
                case "on":
                case "true":
                case "enabled":
                    return new RuleSetting(true, null);
                case "error":
                case "warning":
                case "info":
                    return new RuleSetting(null, Severity.parse(t));
                default:
                    throw v.problem("a rule setting is off, on, error, warning, info or a map, not '" + s + "'");
            }
        }
        Map<String, Item> m = v.map("a rule setting");
        Boolean enabled = null;
        Severity severity = null;
        for (Map.Entry<String, Item> e : m.entrySet()) {
            switch (e.getKey()) {
                case "enabled":
                    if (!(e.getValue().value() instanceof Boolean b)) {
                        throw e.getValue().problem("enabled must be true or false");
                    }
                    enabled = b;
                    break;
                case "severity":
                    try {
                        severity = Severity.parse(e.getValue().text("severity"));
                    } catch (IllegalArgumentException x) {
                        throw e.getValue().problem(x.getMessage());
                    }
                    break;
                default:
                    throw e.getValue().problem("unknown key '" + e.getKey() + "' in a rule setting (expected enabled,"
                            + " severity)");
            }
        }
        return new RuleSetting(enabled, severity);
    }

    /** The file this configuration was read from. */
    public Path file() {
        return file;
    }

    /** The folder paths in the file are relative to. */
    public Path baseDir() {
        return baseDir;
    }

    /** Settings per rule id. */
    public Map<String, RuleSetting> rules() {
        return rules;
    }

    /** The unresolved severity, if set. */
    public Optional<Severity> unresolved() {
        return Optional.ofNullable(unresolved);
    }

    /** The failure threshold, if set. */
    public Optional<Threshold> failOn() {
        return Optional.ofNullable(failOn);
    }

    /** Parameter files, global and per path glob, in order. */
    public List<ParameterBinding> parameters() {
        return parameters;
    }

    /** Guard rule files or folders. */
    public List<Path> guardRules() {
        return guardRules;
    }

    /** The baseline file, if set. */
    public Optional<Path> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** Rule ids the file turns off. */
    public Set<String> disabledRules() {
        Set<String> out = new java.util.TreeSet<>();
        rules.forEach((id, s) -> {
            if (Boolean.FALSE.equals(s.enabled())) {
                out.add(id);
            }
        });
        return out;
    }

    /** Severity overrides the file sets. */
    public Map<String, Severity> severities() {
        Map<String, Severity> out = new LinkedHashMap<>();
        rules.forEach((id, s) -> {
            if (s.severity() != null) {
                out.put(id, s.severity());
            }
        });
        return out;
    }

    /** A YAML value with where it was written: a String, Boolean, Number, null, List of Item or Map of Item. */
    private record Item(Object value, Location location) {
        static Item read(JsonParser p, String file) throws IOException {
            JsonLocation l = p.currentTokenLocation();
            Location at = Location.point(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT: {
                    Map<String, Item> m = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        m.put(key, read(p, file));
                    }
                    return new Item(m, at);
                }
                case START_ARRAY: {
                    List<Item> l2 = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        l2.add(read(p, file));
                    }
                    return new Item(l2, at);
                }
                case VALUE_TRUE:
                    return new Item(Boolean.TRUE, at);
                case VALUE_FALSE:
                    return new Item(Boolean.FALSE, at);
                case VALUE_NULL:
                    return new Item(null, at);
                default:
                    return new Item(p.getText(), at);
            }
        }

        TemplateParseException problem(String message) {
            return new TemplateParseException(new ParseProblem(message, location));
        }

        @SuppressWarnings("unchecked")
        Map<String, Item> map(String what) throws TemplateParseException {
            if (value instanceof Map) {
                return (Map<String, Item>) value;
            }
            throw problem(what + " must be a map");
        }

        @SuppressWarnings("unchecked")
        List<Item> list(String what) throws TemplateParseException {
            if (value instanceof List) {
                return (List<Item>) value;
            }
            throw problem(what + " must be a list");
        }

        String text(String what) throws TemplateParseException {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof Boolean b) {
                return b.toString();
            }
            throw problem(what + " must be a single value");
        }
    }
}
