package io.github.cfnvalidator.guard.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One immutable value as Guard rules see it: the data being checked (a template or any JSON/YAML document) and the
 * literals written in rule files. Mirrors cfn-guard's value model: strings, 64-bit integers, doubles, booleans, null,
 * lists, insertion-ordered maps (whose keys are themselves string values with positions), and, for literals only,
 * regular expressions, characters and ranges. Each value knows its {@link ValuePath}.
 */
public abstract sealed class GuardValue permits GuardValue.Null, GuardValue.Str, GuardValue.Regex, GuardValue.Bool,
        GuardValue.Int, GuardValue.Flt, GuardValue.Chr, GuardValue.ListV, GuardValue.MapV, GuardValue.RangeInt,
        GuardValue.RangeFloat, GuardValue.RangeChar {

    /** The kinds of value, for switching. */
    public enum Kind {
        /** null. */
        NULL,
        /** a string. */
        STRING,
        /** a regular expression (rule literals only). */
        REGEX,
        /** a boolean. */
        BOOL,
        /** a 64-bit integer. */
        INT,
        /** a double. */
        FLOAT,
        /** a character (range bounds only). */
        CHAR,
        /** a list. */
        LIST,
        /** a map. */
        MAP,
        /** an integer range. */
        RANGE_INT,
        /** a float range. */
        RANGE_FLOAT,
        /** a character range. */
        RANGE_CHAR
    }

    /** Range bound flag: the lower bound is included. */
    public static final int LOWER_INCLUSIVE = 1;
    /** Range bound flag: the upper bound is included. */
    public static final int UPPER_INCLUSIVE = 2;

    private final ValuePath path;

    GuardValue(ValuePath path) {
        this.path = path;
    }

    /** Where the value sits. */
    public final ValuePath path() {
        return path;
    }

    /** The kind of value. */
    public abstract Kind kind();

    /** The same value at another path (used when values are re-homed, e.g. parsed JSON). */
    public abstract GuardValue withPath(ValuePath p);

    /** Whether this is a list. */
    public final boolean isList() {
        return kind() == Kind.LIST;
    }

    /** Whether this is a map. */
    public final boolean isMap() {
        return kind() == Kind.MAP;
    }

    /** Whether this is null. */
    public final boolean isNull() {
        return kind() == Kind.NULL;
    }

    /** Whether this is neither a list nor a map. */
    public final boolean isScalar() {
        Kind k = kind();
        return k != Kind.LIST && k != Kind.MAP;
    }

    /** cfn-guard's name of the type, used in messages. */
    public final String typeInfo() {
        switch (kind()) {
            case NULL:
                return "null";
            case STRING:
                return "String";
            case REGEX:
                return "Regex";
            case BOOL:
                return "bool";
            case INT:
                return "int";
            case FLOAT:
                return "float";
            case CHAR:
                return "char";
            case LIST:
                return "array";
            case MAP:
                return "map";
            case RANGE_INT:
                return "range(int, int)";
            case RANGE_FLOAT:
                return "range(float, float)";
            default:
                return "range(char, char)";
        }
    }

    /** cfn-guard's display: {@code Path=/a/b[L:1,C:2] Value="x"}. */
    @Override
    public final String toString() {
        return "Path=" + path + " Value=" + GuardJson.valueOnly(this);
    }

    /** null. */
    public static final class Null extends GuardValue {
        /** A null at a path. */
        public Null(ValuePath path) {
            super(path);
        }

        @Override
        public Kind kind() {
            return Kind.NULL;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Null(p);
        }
    }

    /** A string. */
    public static final class Str extends GuardValue {
        private final String value;

        /** A string at a path. */
        public Str(ValuePath path, String value) {
            super(path);
            this.value = value;
        }

        /** The text. */
        public String value() {
            return value;
        }

        @Override
        public Kind kind() {
            return Kind.STRING;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Str(p, value);
        }
    }

    /** A regular expression literal, compiled once. */
    public static final class Regex extends GuardValue {
        private final String source;
        private final Pattern pattern;

        /** A regular expression, with the source written in the rule file and its compiled pattern. */
        public Regex(ValuePath path, String source, Pattern pattern) {
            super(path);
            this.source = source;
            this.pattern = pattern;
        }

        /** The expression as written. */
        public String source() {
            return source;
        }

        /** Whether the expression matches anywhere in the text. */
        public boolean matches(String text) {
            return pattern.matcher(text).find();
        }

        @Override
        public Kind kind() {
            return Kind.REGEX;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Regex(p, source, pattern);
        }
    }

    /** A boolean. */
    public static final class Bool extends GuardValue {
        private final boolean value;

        /** A boolean at a path. */
        public Bool(ValuePath path, boolean value) {
            super(path);
            this.value = value;
        }

        /** The value. */
        public boolean value() {
            return value;
        }

        @Override
        public Kind kind() {
            return Kind.BOOL;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Bool(p, value);
        }
    }

    /** A 64-bit integer. */
    public static final class Int extends GuardValue {
        private final long value;

        /** An integer at a path. */
        public Int(ValuePath path, long value) {
            super(path);
            this.value = value;
        }

        /** The value. */
        public long value() {
            return value;
        }

        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Int(p, value);
        }
    }

    /** A double. */
    public static final class Flt extends GuardValue {
        private final double value;

        /** A float at a path. */
        public Flt(ValuePath path, double value) {
            super(path);
            this.value = value;
        }

        /** The value. */
        public double value() {
            return value;
        }

        @Override
        public Kind kind() {
            return Kind.FLOAT;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Flt(p, value);
        }
    }

    /** A character (a code point). */
    public static final class Chr extends GuardValue {
        private final int value;

        /** A character (code point) at a path. */
        public Chr(ValuePath path, int value) {
            super(path);
            this.value = value;
        }

        /** The code point. */
        public int value() {
            return value;
        }

        @Override
        public Kind kind() {
            return Kind.CHAR;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new Chr(p, value);
        }
    }

    /** A list. */
    public static final class ListV extends GuardValue {
        private final List<GuardValue> items;

        /** A list of values at a path. */
        public ListV(ValuePath path, List<GuardValue> items) {
            super(path);
            this.items = Collections.unmodifiableList(items);
        }

        /** The items in order. */
        public List<GuardValue> items() {
            return items;
        }

        @Override
        public Kind kind() {
            return Kind.LIST;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new ListV(p, new ArrayList<>(items));
        }
    }

    /**
     * A map: its values by key in insertion order, and its keys as string values with their own positions. As in
     * cfn-guard, a key written twice keeps its first position in the order, takes the last value, and appears twice
     * among the keys.
     */
    public static final class MapV extends GuardValue {
        private final List<Str> keys;
        private final Map<String, GuardValue> values;
        private List<GuardValue> valueList;

        /** A map at a path: its keys in document order, and the values by key. */
        public MapV(ValuePath path, List<Str> keys, LinkedHashMap<String, GuardValue> values) {
            super(path);
            this.keys = Collections.unmodifiableList(keys);
            this.values = Collections.unmodifiableMap(values);
        }

        /** The keys as written (duplicates included). */
        public List<Str> keys() {
            return keys;
        }

        /** The values by key. */
        public Map<String, GuardValue> values() {
            return values;
        }

        /** The value for a key, or {@code null}. */
        public GuardValue get(String key) {
            return values.get(key);
        }

        /** The values in order, as a list. */
        public List<GuardValue> valueList() {
            List<GuardValue> l = valueList;
            if (l == null) {
                l = List.copyOf(values.values());
                valueList = l;
            }
            return l;
        }

        /** Whether the map is empty. */
        public boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public Kind kind() {
            return Kind.MAP;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new MapV(p, new ArrayList<>(keys), new LinkedHashMap<>(values));
        }
    }

    /** An integer range such as {@code r[1,10)}. */
    public static final class RangeInt extends GuardValue {
        public final long lower;
        public final long upper;
        public final int inclusive;

        /** An integer range; {@code inclusive} holds {@link #LOWER_INCLUSIVE} and {@link #UPPER_INCLUSIVE} bits. */
        public RangeInt(ValuePath path, long lower, long upper, int inclusive) {
            super(path);
            this.lower = lower;
            this.upper = upper;
            this.inclusive = inclusive;
        }

        /** Whether the range holds {@code v}. */
        public boolean contains(long v) {
            boolean lo = (inclusive & LOWER_INCLUSIVE) != 0 ? lower <= v : lower < v;
            boolean hi = (inclusive & UPPER_INCLUSIVE) != 0 ? upper >= v : upper > v;
            return lo && hi;
        }

        @Override
        public Kind kind() {
            return Kind.RANGE_INT;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new RangeInt(p, lower, upper, inclusive);
        }
    }

    /** A float range. */
    public static final class RangeFloat extends GuardValue {
        public final double lower;
        public final double upper;
        public final int inclusive;

        /** A float range; {@code inclusive} holds {@link #LOWER_INCLUSIVE} and {@link #UPPER_INCLUSIVE} bits. */
        public RangeFloat(ValuePath path, double lower, double upper, int inclusive) {
            super(path);
            this.lower = lower;
            this.upper = upper;
            this.inclusive = inclusive;
        }

        /** Whether the range holds {@code v}. */
        public boolean contains(double v) {
            boolean lo = (inclusive & LOWER_INCLUSIVE) != 0 ? lower <= v : lower < v;
            boolean hi = (inclusive & UPPER_INCLUSIVE) != 0 ? upper >= v : upper > v;
            return lo && hi;
        }

        @Override
        public Kind kind() {
            return Kind.RANGE_FLOAT;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new RangeFloat(p, lower, upper, inclusive);
        }
    }

    /** A character range. */
    public static final class RangeChar extends GuardValue {
        public final int lower;
        public final int upper;
        public final int inclusive;

        /** A character range; {@code inclusive} holds {@link #LOWER_INCLUSIVE} and {@link #UPPER_INCLUSIVE} bits. */
        public RangeChar(ValuePath path, int lower, int upper, int inclusive) {
            super(path);
            this.lower = lower;
            this.upper = upper;
            this.inclusive = inclusive;
        }

        /** Whether the range holds the code point {@code v}. */
        public boolean contains(int v) {
            boolean lo = (inclusive & LOWER_INCLUSIVE) != 0 ? lower <= v : lower < v;
            boolean hi = (inclusive & UPPER_INCLUSIVE) != 0 ? upper >= v : upper > v;
            return lo && hi;
        }

        @Override
        public Kind kind() {
            return Kind.RANGE_CHAR;
        }

        @Override
        public GuardValue withPath(ValuePath p) {
            return new RangeChar(p, lower, upper, inclusive);
        }
    }
}
