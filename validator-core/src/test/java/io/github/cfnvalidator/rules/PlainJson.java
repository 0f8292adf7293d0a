package io.github.cfnvalidator.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes plain template values as JSON text, including a map that repeats a key ({@link Duplicated}), which
 * CloudFormation accepts (it keeps the last occurrence) and Jackson's object writer cannot express.
 */
final class PlainJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** A map written with {@code key} twice: first {@code decoy}, then the map's own value. */
    record Duplicated(Map<String, Object> map, String key, Object decoy) {
    }

    private PlainJson() {
    }

    /** The value as indented JSON. */
    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Duplicated d) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : d.map().entrySet()) {
                if (e.getKey().equals(d.key())) {
                    g.writeFieldName(e.getKey());
                    write(g, d.decoy());
                }
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("not a plain value: " + v);
        }
    }
}
