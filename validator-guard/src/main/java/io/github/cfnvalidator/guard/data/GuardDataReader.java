package io.github.cfnvalidator.guard.data;

import io.github.cfnvalidator.template.WholeCodePointReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML or JSON data document the way cfn-guard 3.1.1 does (its libyaml event loader), which differs on
 * purpose from the template reader:
 * <ul>
 *   <li>plain scalars are typed by Rust's parsers: a 64-bit integer, else a float ({@code 1.5}, {@code 1e3},
 *   {@code inf}, {@code nan}), else exactly {@code true}/{@code false}, else {@code null}/{@code ~} in any case, else
 *   a string; an empty plain value ({@code Key:}) is the empty string, not null;</li>
 *   <li>quoted and block scalars are strings;</li>
 *   <li>the short-form tags {@code !Ref !GetAtt !Sub ...} become their long form ({@code !GetAtt a.b} stays the
 *   string {@code "a.b"}); any other local tag ({@code !Rain::Embed}, {@code !Cidr}) is dropped; {@code !!int} and
 *   friends coerce;</li>
 *   <li>map keys must be strings (a plain {@code 1:} or {@code true:} key is an error), aliases are an error, a key
 *   written twice keeps its first place and last value, and only the first document is read.</li>
 * </ul>
 * Positions are 0-based line and column, as cfn-guard reports them.
 */
public final class GuardDataReader {
    private static final String TYPE_PREFIX = "tag:yaml.org,2002:";
    private static final Pattern RUST_I64 = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern RUST_F64 = Pattern.compile(
            "[+-]?(?:(?i:inf|infinity|nan)|(?:[0-9]+|[0-9]+\\.[0-9]*|[0-9]*\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");
    private static final List<String> SINGLE_VALUE_FUNCTIONS = List.of("Ref", "Base64", "Sub", "GetAZs",
            "ImportValue", "GetAtt", "Condition", "RefAll");
    private static final List<String> SEQUENCE_VALUE_FUNCTIONS = List.of("GetAtt", "Sub", "Select", "Split", "Join",
            "FindInMap", "And", "Equals", "Contains", "EachMemberIn", "EachMemberEquals", "ValueOf", "If", "Not",
            "Or");

    private final String name;
    private final ParserImpl parser;

    private GuardDataReader(String name, String text) {
        this.name = name;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setUseMarks(true)
                .setAllowDuplicateKeys(true)
                .setParseComments(false)
                .setCodePointLimit(Integer.MAX_VALUE - 1)
                .build();
        this.parser = new ParserImpl(settings, new StreamReader(settings, new WholeCodePointReader(text)));
    }

    /**
     * Reads one data document.
     *
     * @param name the name used in messages
     * @param text the document text
     * @return the document's root value
     * @throws GuardDataException when the text is empty, is not YAML/JSON, uses aliases or non-string keys
     */
    public static GuardValue read(String name, String text) throws GuardDataException {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        if (t.isBlank()) {
            throw new GuardDataException(name, "Unable to parse a template from data file: " + name + " is empty");
        }
        try {
            return new GuardDataReader(name, flowTabsToSpaces(t)).document();
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> " at line " + (m.getLine() + 1) + ", column "
                    + (m.getColumn() + 1)).orElse("");
            throw new GuardDataException(name, "Error encountered while parsing data file: " + name + where + ": "
                    + (e.getProblem() == null ? "not valid YAML/JSON" : e.getProblem().trim()));
        } catch (YamlEngineException e) {
            throw new GuardDataException(name, "Error encountered while parsing data file: " + name + ": "
                    + e.getMessage());
        } catch (StackOverflowError e) {
            throw new GuardDataException(name, "Error encountered while parsing data file: " + name
                    + ": nested too deeply");
        } catch (RuntimeException e) {
            if (e instanceof GuardDataException.Unchecked u) {
                throw u.checked;
            }
            throw new GuardDataException(name, "Error encountered while parsing data file: " + name + ": " + e);
        }
    }

    /**
     * libyaml accepts tabs as separators inside flow collections (JSON documents indented with tabs), SnakeYAML
     * Engine does not: in a document that is one flow collection, tabs outside quoted strings become spaces (one for
     * one, so columns do not move).
     */
    static String flowTabsToSpaces(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= text.length() || (text.charAt(i) != '{' && text.charAt(i) != '[')) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        boolean inString = false;
        for (int j = i; j < sb.length(); j++) {
            char c = sb.charAt(j);
            if (inString) {
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '\t') {
                sb.setCharAt(j, ' ');
            }
        }
        return sb.toString();
    }

    private GuardValue document() {
        while (parser.hasNext()) {
            Event ev = parser.next();
            switch (ev.getEventId()) {
                case StreamStart:
                case DocumentStart:
                    continue;
                case StreamEnd:
                    throw fail("Unable to parse a template from data file: " + name + " holds no document");
                default:
                    return node(ev, ValuePath.ROOT, true);
            }
        }
        throw fail("Unable to parse a template from data file: " + name + " holds no document");
    }

    private GuardDataException.Unchecked fail(String message) {
        return new GuardDataException.Unchecked(new GuardDataException(name, message));
    }

    private static int line(Event ev) {
        return ev.getStartMark().map(Mark::getLine).orElse(0);
    }

    private static int col(Event ev) {
        return ev.getStartMark().map(Mark::getColumn).orElse(0);
    }

    /** Converts the node that starts with {@code ev}; {@code path} is its pointer (its position comes from ev). */
    private GuardValue node(Event ev, ValuePath path, boolean root) {
        int l = line(ev);
        int c = col(ev);
        ValuePath here = root ? ValuePath.ROOT.at(l, c) : path.at(l, c);
        switch (ev.getEventId()) {
            case Scalar:
                return scalar((ScalarEvent) ev, here);
            case SequenceStart: {
                Optional<String> tag = ((CollectionStartEvent) ev).getTag();
                String fn = tag.filter(t -> handle(t).equals("!")).map(t -> t.substring(1))
                        .filter(SEQUENCE_VALUE_FUNCTIONS::contains).orElse(null);
                if (fn != null) {
                    String key = longForm(fn);
                    ValuePath inner = here.child(key, l, c);
                    GuardValue list = sequence(inner);
                    LinkedHashMap<String, GuardValue> m = new LinkedHashMap<>();
                    m.put(key, list);
                    List<GuardValue.Str> keys = new ArrayList<>();
                    keys.add(new GuardValue.Str(here, key));
                    return new GuardValue.MapV(here, keys, m);
                }
                return sequence(here);
            }
            case MappingStart:
                return mapping(here);
            case Alias:
                throw fail("Error encountered while parsing data file: " + name
                        + ": Guard does not currently support aliases (line " + (l + 1) + ")");
            default:
                throw fail("Error encountered while parsing data file: " + name + ": unexpected " + ev.getEventId());
        }
    }

    private GuardValue sequence(ValuePath here) {
        List<GuardValue> items = new ArrayList<>();
        int i = 0;
        while (true) {
            Event ev = parser.next();
            if (ev.getEventId() == Event.ID.SequenceEnd) {
                break;
            }
            items.add(node(ev, here.child(Integer.toString(i++)), false));
        }
        return new GuardValue.ListV(here, items);
    }

    private GuardValue mapping(ValuePath here) {
        List<GuardValue.Str> keys = new ArrayList<>();
        LinkedHashMap<String, GuardValue> values = new LinkedHashMap<>();
        while (true) {
            Event ev = parser.next();
            if (ev.getEventId() == Event.ID.MappingEnd) {
                break;
            }
            GuardValue key = node(ev, here, false);
            if (!(key instanceof GuardValue.Str ks)) {
                throw fail("non string type detected for key in a map at L:" + line(ev) + ",C:" + col(ev)
                        + " (line " + (line(ev) + 1) + ", column " + (col(ev) + 1) + " of " + name
                        + "), cfn-guard only supports keys that are string types");
            }
            Event valueEvent = parser.next();
            GuardValue value = node(valueEvent, here.child(ks.value()), false);
            values.put(ks.value(), value);
            keys.add(new GuardValue.Str(here.at(line(ev), col(ev)), ks.value()));
        }
        return new GuardValue.MapV(here, keys, values);
    }

    private static String handle(String tag) {
        int i = 0;
        while (i < tag.length() && tag.charAt(i) == '!') {
            i++;
        }
        return tag.substring(0, i);
    }

    /** The long form of a short-form intrinsic tag's function name ({@code GetAtt} -> {@code Fn::GetAtt}). */
    public static String longForm(String fn) {
        switch (fn) {
            case "Ref":
            case "Condition":
                return fn;
            default:
                return "Fn::" + fn;
        }
    }

    private GuardValue scalar(ScalarEvent ev, ValuePath here) {
        String val = ev.getValue();
        Optional<String> tag = ev.getTag();
        if (tag.isPresent()) {
            String t = tag.get();
            String h = handle(t);
            if (h.equals("!")) {
                String fn = t.substring(1);
                if (SINGLE_VALUE_FUNCTIONS.contains(fn)) {
                    String key = longForm(fn);
                    LinkedHashMap<String, GuardValue> m = new LinkedHashMap<>();
                    m.put(key, new GuardValue.Str(here.child(key), val));
                    List<GuardValue.Str> keys = new ArrayList<>();
                    keys.add(new GuardValue.Str(here, key));
                    return new GuardValue.MapV(here, keys, m);
                }
                return new GuardValue.Str(here, val);
            }
            if (t.startsWith(TYPE_PREFIX)) {
                return typed(val, here, t);
            }
            return new GuardValue.Str(here, val);
        }
        if (ev.getScalarStyle() != ScalarStyle.PLAIN) {
            return new GuardValue.Str(here, val);
        }
        return plain(val, here);
    }

    /** cfn-guard's typing of a plain scalar. */
    static GuardValue plain(String val, ValuePath here) {
        Long i = rustI64(val);
        if (i != null) {
            return new GuardValue.Int(here, i);
        }
        Double d = rustF64(val);
        if (d != null) {
            return new GuardValue.Flt(here, d);
        }
        if (val.equals("true")) {
            return new GuardValue.Bool(here, true);
        }
        if (val.equals("false")) {
            return new GuardValue.Bool(here, false);
        }
        String lower = val.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("~") || lower.equals("null")) {
            return new GuardValue.Null(here);
        }
        return new GuardValue.Str(here, val);
    }

    private GuardValue typed(String val, ValuePath here, String tag) {
        switch (tag.substring(TYPE_PREFIX.length())) {
            case "bool":
                if (val.equals("true") || val.equals("false")) {
                    return new GuardValue.Bool(here, val.equals("true"));
                }
                return new GuardValue.Str(here, val);
            case "int": {
                Long i = rustI64(val);
                if (i == null) {
                    throw fail("Bad Value encountered parsing incoming file Value = " + val + ", Loc = L:"
                            + here.line() + ",C:" + here.column());
                }
                return new GuardValue.Int(here, i);
            }
            case "float": {
                Double d = rustF64(val);
                if (d == null) {
                    throw fail("Bad Value encountered parsing incoming file Value = " + val + ", Loc = L:"
                            + here.line() + ",C:" + here.column());
                }
                return new GuardValue.Flt(here, d);
            }
            case "null":
                return new GuardValue.Null(here);
            default:
                return new GuardValue.Str(here, val);
        }
    }

    /** Rust's {@code str::parse::<i64>}: optional sign, ASCII digits, no overflow; else {@code null}. */
    public static Long rustI64(String s) {
        if (s.isEmpty() || s.length() > 20 || !RUST_I64.matcher(s).matches()) {
            return null;
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rust's {@code str::parse::<f64>}; else {@code null}. */
    public static Double rustF64(String s) {
        if (s.isEmpty() || !RUST_F64.matcher(s).matches()) {
            return null;
        }
        String body = s;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        double d;
        if (lower.equals("inf") || lower.equals("infinity")) {
            d = Double.POSITIVE_INFINITY;
        } else if (lower.equals("nan")) {
            d = Double.NaN;
        } else {
            d = Double.parseDouble(body);
        }
        return negative ? -d : d;
    }
}
