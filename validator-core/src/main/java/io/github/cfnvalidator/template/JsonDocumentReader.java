package io.github.cfnvalidator.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document with Jackson's streaming parser over characters (so columns are UTF-16 code units) into the
 * same tree the YAML reader builds; of a key written twice in one object the last occurrence is kept, as CloudFormation
 * deploys it, and the earlier one is recorded on the map ({@link MapNode#duplicates()}).
 */
final class JsonDocumentReader {
    private final SourceText source;
    private final ParserLimits limits;
    private final JsonParser parser;

    private JsonDocumentReader(SourceText source, ParserLimits limits, JsonParser parser) {
        this.source = source;
        this.limits = limits;
        this.parser = parser;
    }

    /** Reads the single JSON value of a source. */
    static Node read(SourceText source, ParserLimits limits) throws TemplateParseException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(Math.max(limits.maxScalarLength() + 1, 1))
                        .maxNumberLength(1000)
                        .build())
                .build();
        try (JsonParser p = factory.createParser(source.text())) {
            JsonDocumentReader r = new JsonDocumentReader(source, limits, p);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new TemplateParseException(new ParseProblem(
                        "the file is empty: a template needs at least a Resources section", Location.ofFile(source.name())));
            }
            Node root = r.value("", 0);
            JsonToken trailing;
            try {
                trailing = p.nextToken();
            } catch (JsonProcessingException e) {
                throw new TemplateParseException(r.syntaxProblem(e));
            }
            if (trailing != null) {
                throw new TemplateParseException(new ParseProblem(
                        "unexpected content after the end of the JSON document", r.tokenStart()));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonDocumentReader r = new JsonDocumentReader(source, limits, null);
            throw new TemplateParseException(r.syntaxProblem(e));
        } catch (IOException e) {
            throw new TemplateParseException(new ParseProblem("the JSON could not be read: " + e.getMessage(),
                    Location.ofFile(source.name())));
        }
    }

    private static String limitMessage(StreamConstraintsException e, ParserLimits limits) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return "maps and lists are nested more than " + limits.maxDepth()
                    + " levels deep; the reader stops here to protect itself";
        }
        if (m.contains("String value length")) {
            return "a value is longer than the limit of " + limits.maxScalarLength() + " characters";
        }
        return "the JSON exceeds a reader limit: " + m;
    }

    private ParseProblem syntaxProblem(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        Location at = loc == null || loc.getLineNr() < 1 ? Location.ofFile(source.name())
                : Location.point(source.name(), loc.getLineNr(), Math.max(1, loc.getColumnNr()));
        if (e instanceof StreamConstraintsException sce) {
            return new ParseProblem(limitMessage(sce, limits), at);
        }
        String msg = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
        return new ParseProblem("JSON syntax error: " + msg.trim(), at);
    }

    private Location tokenStart() {
        JsonLocation l = parser.currentTokenLocation();
        return Location.point(source.name(), l.getLineNr(), l.getColumnNr());
    }

    private Location spanFrom(JsonLocation start) {
        JsonLocation end = parser.currentLocation();
        return new Location(source.name(), start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr());
    }

    /** Reads the value whose first token is current. */
    private Node value(String pointer, int depth) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        JsonToken t = parser.currentToken();
        switch (t) {
            case START_OBJECT:
                return object(pointer, depth, start);
            case START_ARRAY: {
                checkDepth(depth, start);
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(pointer + "/" + i++, depth + 1));
                }
                return new ListNode(items, spanFrom(start), pointer);
            }
            case VALUE_STRING:
                return new ScalarNode(ScalarKind.STRING, parser.getText(), spanFrom(start), pointer);
            case VALUE_NUMBER_INT:
                return new ScalarNode(ScalarKind.INTEGER, parser.getText(), spanFrom(start), pointer);
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(ScalarKind.DECIMAL, parser.getText(), spanFrom(start), pointer);
            case VALUE_TRUE:
                return new ScalarNode(ScalarKind.BOOLEAN, "true", spanFrom(start), pointer);
            case VALUE_FALSE:
                return new ScalarNode(ScalarKind.BOOLEAN, "false", spanFrom(start), pointer);
            case VALUE_NULL:
                return new ScalarNode(ScalarKind.NULL, "", spanFrom(start), pointer);
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    private void checkDepth(int depth, JsonLocation start) throws JsonProcessingException {
        if (depth >= limits.maxDepth()) {
            throw new StreamConstraintsException("nesting depth exceeds the limit",
                    start);
        }
    }

    private Node object(String pointer, int depth, JsonLocation start) throws IOException {
        checkDepth(depth, start);
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        List<DuplicateKey> duplicates = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation ks = parser.currentTokenLocation();
            Location keyLoc = keyLocation(ks);
            parser.nextToken();
            String childPointer = Node.childPointer(pointer, key);
            Node v = value(childPointer, depth + 1);
            MapNode.Entry first = entries.remove(key);
            if (first != null) {
                // CloudFormation deploys the last occurrence: it replaces the earlier one, which is recorded
                duplicates.add(new DuplicateKey(key, childPointer, first.keyLocation(), keyLoc));
            }
            entries.put(key, new MapNode.Entry(key, keyLoc, v));
        }
        return new MapNode(new ArrayList<>(entries.values()), spanFrom(start), pointer, duplicates);
    }

    /** The key's span as written, quotes included, found in the source text (escapes count as written). */
    private Location keyLocation(JsonLocation ks) {
        String text = source.text();
        int open = source.offsetOf(ks.getLineNr(), ks.getColumnNr());
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return source.span(open, Math.min(text.length(), i + 1));
    }
}
