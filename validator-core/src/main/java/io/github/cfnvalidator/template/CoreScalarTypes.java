package io.github.cfnvalidator.template;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 core schema's implicit typing of plain scalars (null, bool, int, float, string, and the merge key
 * {@code <<}), written as character checks instead of regular expressions: every plain scalar of every template goes
 * through it, so it is on the parser's hot path. {@code ${NAME}} stays a string (SnakeYAML Engine would tag it as an
 * environment variable).
 */
final class CoreScalarTypes implements ScalarResolver {
    /** The shared instance; stateless. */
    static final CoreScalarTypes INSTANCE = new CoreScalarTypes();

    /** A schema with this resolver and the core schema's constructors (which the composer does not use). */
    static final Schema SCHEMA = new Schema() {
        private final CoreSchema core = new CoreSchema();

        @Override
        public ScalarResolver getScalarResolver() {
            return INSTANCE;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return core.getSchemaTagConstructors();
        }
    };

    private CoreScalarTypes() {
    }

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!Boolean.TRUE.equals(implicit)) {
            return Tag.STR;
        }
        int n = value.length();
        if (n == 0) {
            return Tag.NULL;
        }
        char c = value.charAt(0);
        switch (c) {
            case '~':
                return n == 1 ? Tag.NULL : Tag.STR;
            case 'n':
            case 'N':
                return value.equals("null") || value.equals("Null") || value.equals("NULL") ? Tag.NULL : Tag.STR;
            case 't':
            case 'T':
                return value.equals("true") || value.equals("True") || value.equals("TRUE") ? Tag.BOOL : Tag.STR;
            case 'f':
            case 'F':
                return value.equals("false") || value.equals("False") || value.equals("FALSE") ? Tag.BOOL : Tag.STR;
            case '<':
                return value.equals("<<") ? Tag.MERGE : Tag.STR;
            default:
                break;
        }
        if (c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')) {
            return Tag.STR;
        }
        if (isInt(value)) {
            return Tag.INT;
        }
        return isFloat(value) ? Tag.FLOAT : Tag.STR;
    }

    private static boolean isInt(String v) {
        int n = v.length();
        if (n > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'o' || v.charAt(1) == 'x')) {
            boolean hex = v.charAt(1) == 'x';
            for (int i = 2; i < n; i++) {
                char ch = v.charAt(i);
                boolean ok = hex ? (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')
                        : ch >= '0' && ch <= '7';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isFloat(String v) {
        int n = v.length();
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        String rest = v.substring(i);
        if (rest.equals(".inf") || rest.equals(".Inf") || rest.equals(".INF")) {
            return true;
        }
        if (i == 0 && (v.equals(".nan") || v.equals(".NaN") || v.equals(".NAN"))) {
            return true;
        }
        // [0-9]+ ( . [0-9]* )?  |  . [0-9]+   then optional exponent
        int digits = 0;
        while (i < n && Character.isDigit(v.charAt(i)) && v.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && v.charAt(i) == '.') {
            i++;
            int frac = 0;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                frac++;
            }
            if (digits == 0 && frac == 0) {
                return false;
            }
        } else if (digits == 0) {
            return false;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }
}
