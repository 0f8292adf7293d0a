package io.github.cfnvalidator.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a template for one deployment into plain literals, the way CloudFormation does when it creates the
 * stack: written from the CloudFormation documentation, sharing no code with {@code resolve}. The input and output
 * are plain values ({@code Map}, {@code List}, {@code String}, numbers, booleans, {@code null}, as
 * {@code Node.toPlain()} gives). What cannot be known from parameter values alone ({@code Ref}/{@code Fn::GetAtt} of
 * a resource, {@code Fn::ImportValue}, dynamic references, conditions on them) stays as the original intrinsic.
 */
final class ConcreteEvaluator {
    /** {@code AWS::NoValue}: the key or list item is removed. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    /** Thrown when CloudFormation would refuse this deployment (a mapping key that is missing, an index too big). */
    static final class Rejected extends RuntimeException {
        Rejected(String why) {
            super(why, null, false, false);
        }
    }

    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");
    private static final String FOR_EACH = "Fn::ForEach::";

    private final Map<String, Object> refs;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Map<String, Boolean> decided = new HashMap<>();
    private final Map<String, Boolean> deciding = new HashMap<>();

    /**
     * @param refs       values of {@code Ref} to parameters and pseudo-parameters: a String, or a List of Strings for
     *                   list parameters; a name missing here stays a {@code Ref}
     * @param template   the whole template as plain values
     */
    @SuppressWarnings("unchecked")
    ConcreteEvaluator(Map<String, Object> refs, Map<String, Object> template) {
        this.refs = refs;
        this.conditions = template.get("Conditions") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        this.mappings = template.get("Mappings") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The template for this deployment: resources with false conditions removed, every value evaluated. */
    @SuppressWarnings("unchecked")
    Map<String, Object> template(Map<String, Object> template) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : template.entrySet()) {
            switch (e.getKey()) {
                case "Resources" -> out.put("Resources", resources((Map<String, Object>) e.getValue()));
                case "Outputs" -> {
                    Object v = value(e.getValue());
                    if (v != NO_VALUE) {
                        out.put("Outputs", v);
                    }
                }
                default -> out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resources(Map<String, Object> resources) {
        Map<String, Object> expanded = expandLoops(resources);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : expanded.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> raw)) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) raw);
            if (r.get("Condition") instanceof String c) {
                Boolean holds = condition(c);
                if (Boolean.FALSE.equals(holds)) {
                    continue;
                }
                if (holds != null) {
                    r.remove("Condition");
                }
            }
            Map<String, Object> evaluated = new LinkedHashMap<>();
            for (Map.Entry<String, Object> f : r.entrySet()) {
                boolean literal = f.getKey().equals("Type") || f.getKey().equals("Condition")
                        || f.getKey().equals("DependsOn");
                Object v = literal ? f.getValue() : value(f.getValue());
                if (v != NO_VALUE) {
                    evaluated.put(f.getKey(), v);
                }
            }
            out.put(e.getKey(), evaluated);
        }
        return out;
    }

    /** Evaluates one value at any level. */
    @SuppressWarnings("unchecked")
    Object value(Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object x = value(item);
                if (x != NO_VALUE) {
                    out.add(x);
                }
            }
            return out;
        }
        if (!(v instanceof Map<?, ?> raw)) {
            return v;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        if (m.size() == 1) {
            String key = m.keySet().iterator().next();
            if (key.equals("Ref") || (key.startsWith("Fn::") && !key.startsWith(FOR_EACH))) {
                return intrinsic(key, m.get(key), m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : expandLoops(m).entrySet()) {
            Object x = value(e.getValue());
            if (x != NO_VALUE) {
                out.put(e.getKey(), x);
            }
        }
        return out;
    }

    private Object intrinsic(String fn, Object arg, Map<String, Object> original) {
        return switch (fn) {
            case "Ref" -> ref(arg, original);
            case "Fn::If" -> fnIf(arg, original);
            case "Fn::FindInMap" -> findInMap(arg, original);
            case "Fn::Sub" -> sub(arg, original);
            case "Fn::Join" -> join(arg, original);
            case "Fn::Select" -> select(arg, original);
            case "Fn::Split" -> split(arg, original);
            case "Fn::Base64" -> base64(arg, original);
            case "Fn::Length" -> length(arg, original);
            case "Fn::ToJsonString" -> toJson(arg, original);
            default -> call(fn, value(arg));
        };
    }

    private Object ref(Object arg, Map<String, Object> original) {
        if (arg instanceof String name) {
            if (name.equals("AWS::NoValue")) {
                return NO_VALUE;
            }
            if (refs.containsKey(name)) {
                return refs.get(name);
            }
        }
        return original;
    }

    private Object fnIf(Object arg, Map<String, Object> original) {
        if (!(arg instanceof List<?> l) || l.size() != 3 || !(l.get(0) instanceof String c)) {
            return original;
        }
        Boolean holds = condition(c);
        if (holds == null) {
            return call("Fn::If", listOf(c, value(l.get(1)), value(l.get(2))));
        }
        return value(holds ? l.get(1) : l.get(2));
    }

    private static Map<String, Object> call(String fn, Object arg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(fn, arg == NO_VALUE ? ref("AWS::NoValue") : arg);
        return m;
    }

    private static Map<String, Object> ref(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Ref", name);
        return m;
    }

    private static List<Object> listOf(Object... items) {
        List<Object> out = new ArrayList<>();
        for (Object o : items) {
            out.add(o == NO_VALUE ? ref("AWS::NoValue") : o);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object findInMap(Object arg, Map<String, Object> original) {
        if (!(arg instanceof List<?> l) || l.size() < 3) {
            return original;
        }
        String[] keys = new String[3];
        for (int i = 0; i < 3; i++) {
            keys[i] = text(value(l.get(i)));
            if (keys[i] == null) {
                return call("Fn::FindInMap", value(l));
            }
        }
        Object top = mappings.get(keys[0]);
        Object second = top instanceof Map<?, ?> t ? ((Map<String, Object>) t).get(keys[1]) : null;
        Object found = second instanceof Map<?, ?> s ? ((Map<String, Object>) s).get(keys[2]) : null;
        if (found != null) {
            return value(found);
        }
        if (l.size() > 3 && l.get(3) instanceof Map<?, ?> opts && opts.containsKey("DefaultValue")) {
            return value(opts.get("DefaultValue"));
        }
        throw new Rejected("Fn::FindInMap finds no " + String.join("/", keys));
    }

    private Object sub(Object arg, Map<String, Object> original) {
        String text;
        Map<String, Object> vars = new LinkedHashMap<>();
        if (arg instanceof String s) {
            text = s;
        } else if (arg instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String s
                && l.get(1) instanceof Map<?, ?> m) {
            text = s;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                vars.put((String) e.getKey(), value(e.getValue()));
            }
        } else {
            return original;
        }
        StringBuilder out = new StringBuilder();
        Matcher matcher = SUB_VAR.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            last = matcher.end();
            String name = matcher.group(1);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
                continue;
            }
            Object v = vars.containsKey(name) ? vars.get(name) : refs.get(name);
            String t = text(v);
            if (t == null) {
                // a resource attribute or an unknown: the whole Fn::Sub stays, its variables evaluated
                return vars.isEmpty() ? original : call("Fn::Sub", listOf(text, vars));
            }
            out.append(t);
        }
        out.append(text.substring(last));
        return out.toString();
    }

    private Object join(Object arg, Map<String, Object> original) {
        if (!(arg instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof String delimiter)) {
            return original;
        }
        Object items = value(l.get(1));
        if (!(items instanceof List<?> list)) {
            return call("Fn::Join", listOf(delimiter, items));
        }
        List<String> parts = new ArrayList<>();
        for (Object o : list) {
            String t = text(o);
            if (t == null) {
                return call("Fn::Join", listOf(delimiter, items));
            }
            parts.add(t);
        }
        return String.join(delimiter, parts);
    }

    private Object select(Object arg, Map<String, Object> original) {
        if (!(arg instanceof List<?> l) || l.size() != 2) {
            return original;
        }
        String index = text(value(l.get(0)));
        Object items = value(l.get(1));
        if (index == null || !(items instanceof List<?> list)) {
            return call("Fn::Select", listOf(index == null ? value(l.get(0)) : index, items));
        }
        int i;
        try {
            i = Integer.parseInt(index.strip());
        } catch (NumberFormatException e) {
            throw new Rejected("Fn::Select index " + index);
        }
        if (i < 0 || i >= list.size()) {
            throw new Rejected("Fn::Select index " + i + " of " + list.size());
        }
        return list.get(i);
    }

    private Object split(Object arg, Map<String, Object> original) {
        if (!(arg instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof String delimiter)) {
            return original;
        }
        Object source = value(l.get(1));
        String t = text(source);
        if (t == null || delimiter.isEmpty()) {
            return call("Fn::Split", listOf(delimiter, source));
        }
        List<Object> out = new ArrayList<>();
        int from = 0;
        for (int at = t.indexOf(delimiter); at >= 0; at = t.indexOf(delimiter, from)) {
            out.add(t.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(t.substring(from));
        return out;
    }

    private Object base64(Object arg, Map<String, Object> original) {
        Object v = value(arg);
        String t = text(v);
        return t == null ? call("Fn::Base64", v)
                : Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.UTF_8));
    }

    private Object length(Object arg, Map<String, Object> original) {
        Object v = value(arg);
        return v instanceof List<?> l ? BigInteger.valueOf(l.size()) : call("Fn::Length", v);
    }

    private Object toJson(Object arg, Map<String, Object> original) {
        Object v = value(arg);
        if (!isLiteral(v)) {
            return call("Fn::ToJsonString", v);
        }
        try {
            return new ObjectMapper().writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return call("Fn::ToJsonString", v);
        }
    }

    /** Whether a value holds no intrinsic function any more. */
    static boolean isLiteral(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().allMatch(ConcreteEvaluator::isLiteral);
        }
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String k = (String) m.keySet().iterator().next();
                if (k.equals("Ref") || k.equals("Condition") || k.startsWith("Fn::")) {
                    return false;
                }
            }
            return m.values().stream().allMatch(ConcreteEvaluator::isLiteral);
        }
        return v != NO_VALUE;
    }

    /** A scalar's text (numbers as written, booleans as true/false), or null for anything else. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    /** A named condition's truth value in this deployment, or null when it depends on what is not known. */
    Boolean condition(String name) {
        if (decided.containsKey(name)) {
            return decided.get(name);
        }
        if (deciding.containsKey(name) || !conditions.containsKey(name)) {
            return null;
        }
        deciding.put(name, Boolean.TRUE);
        Boolean b = conditionValue(conditions.get(name));
        deciding.remove(name);
        decided.put(name, b);
        return b;
    }

    @SuppressWarnings("unchecked")
    private Boolean conditionValue(Object c) {
        if (c instanceof Boolean b) {
            return b;
        }
        if (!(c instanceof Map<?, ?> raw) || raw.size() != 1) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        String fn = m.keySet().iterator().next();
        Object arg = m.get(fn);
        if (fn.equals("Condition")) {
            return arg instanceof String s ? condition(s) : null;
        }
        if (!(arg instanceof List<?> l)) {
            return null;
        }
        switch (fn) {
            case "Fn::Equals": {
                if (l.size() != 2) {
                    return null;
                }
                String a = text(value(l.get(0)));
                String b = text(value(l.get(1)));
                return a == null || b == null ? null : a.equals(b);
            }
            case "Fn::Not":
                Boolean x = l.size() == 1 ? conditionValue(l.get(0)) : null;
                return x == null ? null : !x;
            case "Fn::And":
            case "Fn::Or": {
                boolean and = fn.equals("Fn::And");
                boolean unknown = false;
                for (Object o : l) {
                    Boolean v = conditionValue(o);
                    if (v == null) {
                        unknown = true;
                    } else if (v != and) {
                        return !and;
                    }
                }
                return unknown ? null : and;
            }
            default:
                return null;
        }
    }

    /**
     * Expands {@code Fn::ForEach::Name: [Id, collection, {key: template}]} entries of a map when the collection is
     * known.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> expandLoops(Map<String, Object> m) {
        boolean any = m.keySet().stream().anyMatch(k -> k.startsWith(FOR_EACH));
        if (!any) {
            return m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!e.getKey().startsWith(FOR_EACH) || !(e.getValue() instanceof List<?> l) || l.size() != 3
                    || !(l.get(0) instanceof String id) || !(l.get(2) instanceof Map<?, ?> body)) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            Object collection = value(l.get(1));
            if (!(collection instanceof List<?> items) || !items.stream().allMatch(i -> text(i) != null)) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            for (Object item : items) {
                Map<String, Object> one = (Map<String, Object>) bind(body, id, text(item));
                out.putAll(expandLoops(one));
            }
        }
        return out;
    }

    /** Replaces a loop variable in keys ({@code ${Id}}, {@code &{Id}}), {@code Ref Id} and Fn::Sub texts. */
    @SuppressWarnings("unchecked")
    private static Object bind(Object v, String id, String item) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(bind(o, id, item));
            }
            return out;
        }
        if (v instanceof String s) {
            return s;
        }
        if (!(v instanceof Map<?, ?> raw)) {
            return v;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        if (m.size() == 1 && id.equals(m.get("Ref"))) {
            return item;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey().replace("${" + id + "}", item)
                    .replace("&{" + id + "}", item.replaceAll("[^A-Za-z0-9]", ""));
            Object value = e.getValue();
            if (e.getKey().equals("Fn::Sub")) {
                value = value instanceof String s ? s.replace("${" + id + "}", item)
                        : bindSubList(value, id, item);
            } else {
                value = bind(value, id, item);
            }
            out.put(key, value);
        }
        return out;
    }

    private static Object bindSubList(Object value, String id, String item) {
        if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) {
            List<Object> out = new ArrayList<>();
            out.add(s.replace("${" + id + "}", item));
            for (int i = 1; i < l.size(); i++) {
                out.add(bind(l.get(i), id, item));
            }
            return out;
        }
        return bind(value, id, item);
    }
}
