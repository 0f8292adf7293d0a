package io.github.cfnvalidator.guard.eval;

import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.data.ValuePath;
import io.github.cfnvalidator.guard.eval.GuardEvalException.Kind;
import io.github.cfnvalidator.guard.syntax.GuardRegex;
import io.github.cfnvalidator.template.WholeCodePointReader;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Guard's built-in functions, with cfn-guard 3.1.1's argument rules and results: {@code count}, {@code json_parse},
 * {@code regex_replace}, {@code substring}, {@code to_upper}, {@code to_lower}, {@code join}, {@code url_decode},
 * {@code parse_int}, {@code parse_float}, {@code parse_string}, {@code parse_boolean} and {@code parse_char}.
 */
public final class GuardFunctions {
    private GuardFunctions() {
    }

    /** The number of arguments a function takes, or -1 if there is no such function. */
    static int arity(String name) {
        switch (name) {
            case "join":
                return 2;
            case "substring":
            case "regex_replace":
                return 3;
            case "count":
            case "json_parse":
            case "to_upper":
            case "to_lower":
            case "url_decode":
            case "parse_string":
            case "parse_boolean":
            case "parse_float":
            case "parse_int":
            case "parse_char":
                return 1;
            default:
                return -1;
        }
    }

    static void checkArity(String name, int given) throws GuardEvalException {
        int expected = arity(name);
        if (expected < 0) {
            throw new GuardEvalException(Kind.PARSE, "no such function named " + name + " exists");
        }
        if (expected != given) {
            throw new GuardEvalException(Kind.PARSE, name + " function requires " + expected
                    + " arguments be passed, but received " + given);
        }
    }

    /** Calls a function; the result holds only the values it produced (cfn-guard drops its "None"s). */
    static List<GuardValue> call(String name, List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        switch (name) {
            case "count":
                out.add(count(args.get(0)));
                return out;
            case "json_parse":
                return jsonParseAll(args);
            case "regex_replace":
                return regexReplace(args);
            case "substring":
                return substring(args);
            case "to_upper":
            case "to_lower":
                return changeCase(name, args);
            case "join":
                out.add(join(args.get(0), args.get(1)));
                return out;
            case "url_decode":
                return urlDecodeAll(args);
            case "parse_int":
                return parseInt(args);
            case "parse_float":
                return parseFloat(args);
            case "parse_string":
                return parseString(args);
            case "parse_boolean":
                return parseBoolean(args);
            case "parse_char":
                return parseChar(args);
            default:
                throw new GuardEvalException(Kind.PARSE, "No function named " + name);
        }
    }

    /** cfn-guard's {@code json_parse}. */
    private static List<GuardValue> jsonParseAll(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            GuardValue v = q.valueOrNull();
            if (v instanceof GuardValue.Str s) {
                out.add(jsonParse(s));
            }
        }
        return out;
    }

    /** cfn-guard's {@code regex_replace}. */
    private static List<GuardValue> regexReplace(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        String extract = stringArg(args.get(1), "regex_replace function requires the second argument to "
                + "be a string");
        String replace = stringArg(args.get(2), "regex_replace function requires the third argument to "
                + "be a string");
        Pattern p;
        try {
            p = GuardRegex.compile(extract);
        } catch (PatternSyntaxException e) {
            throw new GuardEvalException(Kind.OTHER, "Regex expression parse error for rules file "
                    + e.getDescription());
        }
        for (QueryResult q : args.get(0)) {
            if (q.valueOrNull() instanceof GuardValue.Str s) {
                StringBuilder replaced = new StringBuilder();
                Matcher m = p.matcher(s.value());
                while (m.find()) {
                    expand(m, replace, replaced);
                }
                out.add(new GuardValue.Str(s.path(), replaced.toString()));
            }
        }
        return out;
    }

    /** cfn-guard's {@code substring}. */
    private static List<GuardValue> substring(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        int from = numberArg(args.get(1), "substring function requires the second argument to be a number");
        int to = numberArg(args.get(2), "substring function requires the third argument to be a number");
        for (QueryResult q : args.get(0)) {
            if (q.valueOrNull() instanceof GuardValue.Str s) {
                byte[] bytes = s.value().getBytes(StandardCharsets.UTF_8);
                if (!s.value().isEmpty() && from < to && from <= bytes.length && to <= bytes.length) {
                    String sub = utf8Slice(bytes, from, to);
                    if (sub == null) {
                        // cfn-guard 3.1.1 panics here (exit 101); we stop with a message instead
                        throw new GuardEvalException(Kind.OTHER, "substring bounds " + from + ".." + to
                                + " fall inside a multi-byte character of \"" + s.value() + "\" at "
                                + s.path() + " (bounds count UTF-8 bytes)");
                    }
                    out.add(new GuardValue.Str(s.path(), sub));
                }
            }
        }
        return out;
    }

    /** cfn-guard's {@code to_upper/to_lower}. */
    private static List<GuardValue> changeCase(String name, List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            if (q.valueOrNull() instanceof GuardValue.Str s) {
                String t = name.equals("to_upper") ? s.value().toUpperCase(Locale.ROOT)
                        : s.value().toLowerCase(Locale.ROOT);
                out.add(new GuardValue.Str(s.path(), t));
            }
        }
        return out;
    }

    /** cfn-guard's {@code url_decode}. */
    private static List<GuardValue> urlDecodeAll(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            if (q.valueOrNull() instanceof GuardValue.Str s) {
                String d = urlDecode(s.value());
                if (d != null) {
                    out.add(new GuardValue.Str(s.path(), d));
                }
            }
        }
        return out;
    }

    /** cfn-guard's {@code parse_int}. */
    private static List<GuardValue> parseInt(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            GuardValue v = q.valueOrNull();
            if (v instanceof GuardValue.Str s) {
                Long i = GuardDataReader.rustI64(s.value());
                if (i == null) {
                    throw new GuardEvalException(Kind.PARSE, "failed to convert a string: " + s.value()
                            + " into an integer at " + s.path());
                }
                out.add(new GuardValue.Int(s.path(), i));
            } else if (v instanceof GuardValue.Int i) {
                out.add(new GuardValue.Int(i.path(), i.value()));
            } else if (v instanceof GuardValue.Chr c) {
                out.add(new GuardValue.Int(c.path(), digit(c, "an integer")));
            } else if (v instanceof GuardValue.Flt f) {
                out.add(new GuardValue.Int(f.path(), saturatingLong(f.value())));
            }
        }
        return out;
    }

    /** cfn-guard's {@code parse_float}. */
    private static List<GuardValue> parseFloat(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            GuardValue v = q.valueOrNull();
            if (v instanceof GuardValue.Str s) {
                Double d = GuardDataReader.rustF64(s.value());
                if (d == null) {
                    throw new GuardEvalException(Kind.PARSE, "failed to convert a string: " + s.value()
                            + " into a float at " + s.path());
                }
                out.add(new GuardValue.Flt(s.path(), d));
            } else if (v instanceof GuardValue.Int i) {
                out.add(new GuardValue.Flt(i.path(), (double) i.value()));
            } else if (v instanceof GuardValue.Flt f) {
                out.add(new GuardValue.Flt(f.path(), f.value()));
            } else if (v instanceof GuardValue.Chr c) {
                out.add(new GuardValue.Flt(c.path(), digit(c, "a float")));
            }
        }
        return out;
    }

    /** cfn-guard's {@code parse_string}. */
    private static List<GuardValue> parseString(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            GuardValue v = q.valueOrNull();
            if (v instanceof GuardValue.Int i) {
                out.add(new GuardValue.Str(i.path(), Long.toString(i.value())));
            } else if (v instanceof GuardValue.Flt f) {
                out.add(new GuardValue.Str(f.path(), GuardJson.rustDisplay(f.value())));
            } else if (v instanceof GuardValue.Bool b) {
                out.add(new GuardValue.Str(b.path(), Boolean.toString(b.value())));
            } else if (v instanceof GuardValue.Str s) {
                out.add(new GuardValue.Str(s.path(), s.value()));
            } else if (v instanceof GuardValue.Chr c) {
                out.add(new GuardValue.Str(c.path(), new String(Character.toChars(c.value()))));
            }
        }
        return out;
    }

    /** cfn-guard's {@code parse_boolean}. */
    private static List<GuardValue> parseBoolean(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            GuardValue v = q.valueOrNull();
            if (v instanceof GuardValue.Bool b) {
                out.add(new GuardValue.Bool(b.path(), b.value()));
            } else if (v instanceof GuardValue.Str s) {
                String l = s.value().toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("false")) {
                    out.add(new GuardValue.Bool(s.path(), l.equals("true")));
                } else {
                    throw new GuardEvalException(Kind.PARSE, "failed to convert a string: " + s.value()
                            + " into a boolean at " + s.path());
                }
            }
        }
        return out;
    }

    /** cfn-guard's {@code parse_char}. */
    private static List<GuardValue> parseChar(List<List<QueryResult>> args) throws GuardEvalException {
        List<GuardValue> out = new ArrayList<>();
        for (QueryResult q : args.get(0)) {
            GuardValue v = q.valueOrNull();
            if (v instanceof GuardValue.Int i) {
                if (i.value() < 0 || i.value() > 9) {
                    throw new GuardEvalException(Kind.PARSE, "failed to convert an int: " + i.value()
                            + " into a char at " + i.path());
                }
                out.add(new GuardValue.Chr(i.path(), '0' + (int) i.value()));
            } else if (v instanceof GuardValue.Str s) {
                if (s.value().getBytes(StandardCharsets.UTF_8).length > 1) {
                    throw new GuardEvalException(Kind.PARSE, "failed to convert an string: " + s.value()
                            + " into a char at " + s.path());
                }
                if (!s.value().isEmpty()) {
                    out.add(new GuardValue.Chr(s.path(), s.value().codePointAt(0)));
                }
            } else if (v instanceof GuardValue.Chr c) {
                out.add(new GuardValue.Str(c.path(), new String(Character.toChars(c.value()))));
            }
        }
        return out;
    }

    private static long saturatingLong(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d;
    }

    private static long digit(GuardValue.Chr c, String what) throws GuardEvalException {
        int d = Character.digit(c.value(), 10);
        if (d < 0 || c.value() > 0x7F) {
            throw new GuardEvalException(Kind.PARSE, "failed to convert a character: "
                    + new String(Character.toChars(c.value())) + " into " + what + " at " + c.path());
        }
        return d;
    }

    private static String stringArg(List<QueryResult> arg, String message) throws GuardEvalException {
        if (arg.isEmpty()) {
            throw new GuardEvalException(Kind.PARSE, message);
        }
        GuardValue v = arg.get(0).valueOrNull();
        if (v instanceof GuardValue.Str s) {
            return s.value();
        }
        throw new GuardEvalException(Kind.PARSE, message);
    }

    private static int numberArg(List<QueryResult> arg, String message) throws GuardEvalException {
        if (arg.isEmpty()) {
            throw new GuardEvalException(Kind.PARSE, message);
        }
        GuardValue v = arg.get(0).valueOrNull();
        if (v instanceof GuardValue.Int i) {
            return (int) (i.value() & 0xFFFF);
        }
        if (v instanceof GuardValue.Flt f) {
            double d = f.value();
            if (Double.isNaN(d) || d <= 0) {
                return 0;
            }
            return d >= 65535 ? 65535 : (int) d;
        }
        throw new GuardEvalException(Kind.PARSE, message);
    }

    private static String utf8Slice(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static GuardValue count(List<QueryResult> args) {
        if (args.isEmpty()) {
            return new GuardValue.Int(ValuePath.ROOT, 0);
        }
        long n = 0;
        for (QueryResult q : args) {
            if (!(q instanceof QueryResult.UnResolved)) {
                n++;
            }
        }
        QueryResult first = args.get(0);
        ValuePath path = first instanceof QueryResult.UnResolved u ? u.traversedTo().path()
                : first.valueOrNull().path();
        return new GuardValue.Int(path, n);
    }

    private static GuardValue join(List<QueryResult> values, List<QueryResult> delimiterArg)
            throws GuardEvalException {
        String delimiter;
        GuardValue d = delimiterArg.isEmpty() ? null : delimiterArg.get(0).valueOrNull();
        if (d instanceof GuardValue.Str s) {
            delimiter = s.value();
        } else if (d instanceof GuardValue.Chr c) {
            delimiter = new String(Character.toChars(c.value()));
        } else {
            throw new GuardEvalException(Kind.PARSE,
                    "join function requires the second argument to be either a char or string");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            QueryResult q = values.get(i);
            if (q instanceof QueryResult.UnResolved u) {
                throw new GuardEvalException(Kind.INCOMPATIBLE, "Joining unresolved values is not allowed "
                        + u.traversedTo() + ", unsatisfied part " + u.remainingQuery());
            }
            GuardValue v = q.valueOrNull();
            if (!(v instanceof GuardValue.Str s)) {
                throw new GuardEvalException(Kind.INCOMPATIBLE, "Joining non string values " + v);
            }
            sb.append(s.value());
            if (values.size() - 1 > i) {
                sb.append(delimiter);
            }
        }
        if (values.isEmpty()) {
            return new GuardValue.Str(ValuePath.ROOT, sb.toString());
        }
        QueryResult first = values.get(0);
        return new GuardValue.Str(first.valueOrNull().path(), sb.toString());
    }

    /** Rust regex's {@code Captures::expand}: {@code $1}, {@code $name}, {@code ${name}}, {@code $$}. */
    static void expand(Matcher m, String template, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String ref;
            int next;
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    out.append('$');
                    i++;
                    continue;
                }
                ref = template.substring(i + 2, close);
                next = close + 1;
            } else {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j))
                        || template.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    out.append('$');
                    i++;
                    continue;
                }
                ref = template.substring(i + 1, j);
                next = j;
            }
            String group = null;
            try {
                if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
                    int g = new BigInteger(ref).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
                    group = g <= m.groupCount() ? m.group(g) : null;
                } else {
                    group = m.group(ref);
                }
            } catch (IllegalArgumentException e) {
                group = null;
            }
            if (group != null) {
                out.append(group);
            }
            i = next;
        }
    }

    /** The urlencoding crate's decode: %XX sequences to bytes, everything else kept; null if not UTF-8. */
    static String urlDecode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < in.length) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(b);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** json_parse: the string read as YAML (serde_yaml's typing), values placed at the string's path. */
    static GuardValue jsonParse(GuardValue.Str s) throws GuardEvalException {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setUseMarks(false)
                .setLabel("json_parse").build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeReader(new WholeCodePointReader(s.value()));
        } catch (YamlEngineException e) {
            throw new GuardEvalException(Kind.OTHER, "Error parsing incoming YAML context " + e.getMessage());
        }
        if (node.isEmpty()) {
            return new GuardValue.Null(s.path());
        }
        return fromYaml(node.get(), s.path());
    }

    /** serde_yaml's view of a composed YAML node (used by json_parse and by test specs). */
    public static GuardValue fromYaml(Node node, ValuePath path) throws GuardEvalException {
        Tag tag = node.getTag();
        String t = tag.getValue();
        if (t.startsWith("!") && !t.startsWith("!!") && t.length() > 1) {
            String fn = t.substring(1);
            Node inner = node;
            GuardValue value = untagged(inner, path);
            if (isFunction(fn)) {
                String key = GuardDataReader.longForm(fn);
                LinkedHashMap<String, GuardValue> m = new LinkedHashMap<>();
                m.put(key, untagged(inner, path.child(key)));
                List<GuardValue.Str> keys = new ArrayList<>();
                keys.add(new GuardValue.Str(path.child(key), key));
                return new GuardValue.MapV(path, keys, m);
            }
            return value;
        }
        return untagged(node, path);
    }

    private static boolean isFunction(String fn) {
        return List.of("Ref", "Base64", "Sub", "GetAZs", "ImportValue", "GetAtt", "Condition", "RefAll", "Select",
                "Split", "Join", "FindInMap", "And", "Equals", "Contains", "EachMemberIn", "EachMemberEquals",
                "ValueOf", "If", "Not", "Or").contains(fn);
    }

    private static GuardValue untagged(Node node, ValuePath path) throws GuardEvalException {
        if (node instanceof ScalarNode sc) {
            String v = sc.getValue();
            String tag = sc.getTag().getValue();
            if (tag.equals(Tag.NULL.getValue())) {
                return new GuardValue.Null(path);
            }
            if (tag.equals(Tag.BOOL.getValue())) {
                return new GuardValue.Bool(path, v.equalsIgnoreCase("true"));
            }
            if (tag.equals(Tag.INT.getValue())) {
                try {
                    BigInteger b;
                    if (v.startsWith("0x") || v.startsWith("+0x") || v.startsWith("-0x")) {
                        b = new BigInteger(v.replaceFirst("0x", ""), 16);
                    } else if (v.startsWith("0o") || v.startsWith("+0o") || v.startsWith("-0o")) {
                        b = new BigInteger(v.replaceFirst("0o", ""), 8);
                    } else {
                        b = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
                    }
                    if (b.bitLength() < 64) {
                        return new GuardValue.Int(path, b.longValue());
                    }
                    if (b.signum() > 0 && b.bitLength() == 64) {
                        return new GuardValue.Int(path, b.longValue());
                    }
                    return new GuardValue.Flt(path, b.doubleValue());
                } catch (NumberFormatException e) {
                    return new GuardValue.Str(path, v);
                }
            }
            if (tag.equals(Tag.FLOAT.getValue())) {
                String l = v.toLowerCase(Locale.ROOT);
                if (l.endsWith(".inf")) {
                    return new GuardValue.Flt(path, l.startsWith("-") ? Double.NEGATIVE_INFINITY
                            : Double.POSITIVE_INFINITY);
                }
                if (l.equals(".nan")) {
                    return new GuardValue.Flt(path, Double.NaN);
                }
                try {
                    return new GuardValue.Flt(path, Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    return new GuardValue.Str(path, v);
                }
            }
            return new GuardValue.Str(path, v);
        }
        if (node instanceof SequenceNode seq) {
            List<GuardValue> items = new ArrayList<>();
            int i = 0;
            for (Node n : seq.getValue()) {
                items.add(fromYaml(n, path.child(Integer.toString(i++))));
            }
            return new GuardValue.ListV(path, items);
        }
        MappingNode map = (MappingNode) node;
        List<GuardValue.Str> keys = new ArrayList<>();
        LinkedHashMap<String, GuardValue> values = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getTag().equals(Tag.STR)) {
                throw new GuardEvalException(Kind.OTHER, "non string type detected for key in a map at , cfn-guard "
                        + "only supports keys that are string types");
            }
            keys.add(new GuardValue.Str(path.child(k.getValue()), k.getValue()));
            values.put(k.getValue(), fromYaml(t.getValueNode(), path.child(k.getValue())));
        }
        return new GuardValue.MapV(path, keys, values);
    }
}
