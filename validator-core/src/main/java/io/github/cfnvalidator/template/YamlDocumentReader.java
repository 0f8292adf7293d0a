package io.github.cfnvalidator.template;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one YAML document through SnakeYAML Engine's composer (which keeps tags and marks) and turns the node graph
 * into our immutable tree: short-form tags become their long form, aliases and merge keys are expanded under the
 * limits; of a key written twice in one map the last occurrence is kept, as CloudFormation deploys it, and the earlier
 * one is recorded on the map ({@link MapNode#duplicates()}).
 */
final class YamlDocumentReader {
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final org.snakeyaml.engine.v2.resolver.ScalarResolver CORE_RESOLVER = CoreScalarTypes.INSTANCE;

    private final SourceText source;
    private final ParserLimits limits;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final IdentityHashMap<org.snakeyaml.engine.v2.nodes.Node, Boolean> converted = new IdentityHashMap<>();
    private final IdentityHashMap<org.snakeyaml.engine.v2.nodes.Node, Boolean> onStack = new IdentityHashMap<>();
    private int aliasNodes;
    private int expandingAlias;

    private YamlDocumentReader(SourceText source, ParserLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    /** Reads the single document of a YAML source. */
    static Node read(SourceText source, ParserLimits limits) throws TemplateParseException {
        return new YamlDocumentReader(source, limits).read();
    }

    /** Thrown inside the composer or converter when a limit is passed; turned into a problem at the boundary. */
    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ParseProblem problem;

        LimitExceeded(ParseProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** A composer that refuses to nest deeper than the limit, so deep input never exhausts the stack. */
    private final class DepthLimitedComposer extends Composer {
        private int depth;

        DepthLimitedComposer(LoadSettings settings, ParserImpl parser) {
            super(settings, parser);
        }

        private void enter() {
            if (++depth > limits.maxDepth()) {
                Location at = parser.peekEvent().getStartMark().map(YamlDocumentReader.this::point)
                        .orElse(Location.ofFile(source.name()));
                throw new LimitExceeded(new ParseProblem("maps and lists are nested more than "
                        + limits.maxDepth() + " levels deep; the reader stops here to protect itself", at));
            }
        }

        @Override
        protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
            enter();
            try {
                return super.composeSequenceNode(anchor);
            } finally {
                depth--;
            }
        }

        @Override
        protected org.snakeyaml.engine.v2.nodes.Node composeMappingNode(Optional<Anchor> anchor) {
            enter();
            try {
                return super.composeMappingNode(anchor);
            } finally {
                depth--;
            }
        }
    }

    private Node read() throws TemplateParseException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.name())
                .setUseMarks(true)
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE - 1L,
                        Math.max(limits.maxDocumentBytes(), source.text().length()) + 1))
                .setSchema(CoreScalarTypes.SCHEMA)
                .setParseComments(false)
                .setBufferSize(Math.max(1024, Math.min(source.text().length() + 1, 1 << 20)))
                .build();
        org.snakeyaml.engine.v2.nodes.Node root;
        try {
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, source.text()));
            Composer composer = new DepthLimitedComposer(settings, parser);
            if (!composer.hasNext()) {
                throw new TemplateParseException(new ParseProblem(
                        "the file is empty: a template needs at least a Resources section", Location.ofFile(source.name())));
            }
            root = composer.next();
            if (composer.hasNext()) {
                Location second = parser.peekEvent().getStartMark().map(this::point)
                        .orElse(Location.ofFile(source.name()));
                throw new TemplateParseException(new ParseProblem(
                        "the file holds more than one YAML document; a template is exactly one document", second));
            }
        } catch (LimitExceeded e) {
            throw new TemplateParseException(e.problem);
        } catch (MarkedYamlEngineException e) {
            throw new TemplateParseException(syntaxProblem(e));
        } catch (YamlEngineException e) {
            throw new TemplateParseException(new ParseProblem(engineMessage(e), Location.ofFile(source.name())));
        } catch (RuntimeException e) {
            // SnakeYAML may throw plain runtime exceptions on pathological input; never let them escape.
            throw new TemplateParseException(new ParseProblem("the YAML could not be read: " + e,
                    Location.ofFile(source.name())));
        }
        Node result;
        try {
            result = convert(root, "", 0);
        } catch (LimitExceeded e) {
            throw new TemplateParseException(e.problem);
        }
        if (!problems.isEmpty()) {
            throw new TemplateParseException(problems);
        }
        return result;
    }

    private String engineMessage(YamlEngineException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("Number of aliases")) {
            return "the document uses more than " + limits.maxAliases()
                    + " aliases to maps and lists; the reader stops here to protect itself (alias bomb?)";
        }
        if (m.contains("code points")) {
            return "the document is larger than the reader accepts";
        }
        return "the YAML could not be read: " + m;
    }

    private ParseProblem syntaxProblem(MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
        Location at = mark.map(this::point).orElse(Location.ofFile(source.name()));
        StringBuilder msg = new StringBuilder("YAML syntax error: ");
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        msg.append(problem.isEmpty() ? "the text is not valid YAML" : problem);
        if (e.getContext() != null && !e.getContext().isBlank() && e.getContextMark().isPresent()) {
            Location ctx = point(e.getContextMark().get());
            msg.append(" (").append(e.getContext().trim()).append(" at line ").append(ctx.line())
                    .append(", column ").append(ctx.column()).append(')');
        }
        List<Location> related = e.getContextMark().isPresent() && e.getProblemMark().isPresent()
                ? List.of(point(e.getContextMark().get())) : List.of();
        return new ParseProblem(msg.toString(), at, related);
    }

    private Location point(Mark m) {
        int c = source.charOffsetOfCodePoint(m.getIndex());
        return source.span(c, c);
    }

    private int startOffset(org.snakeyaml.engine.v2.nodes.Node n) {
        return n.getStartMark().map(m -> source.charOffsetOfCodePoint(m.getIndex())).orElse(0);
    }

    private int endOffset(org.snakeyaml.engine.v2.nodes.Node n) {
        return n.getEndMark().map(m -> source.charOffsetOfCodePoint(m.getIndex())).orElse(startOffset(n));
    }

    /** Block collections end where the next token starts; the span stops at their last non-blank character. */
    private int trimEnd(int start, int end) {
        String t = source.text();
        int e = Math.min(end, t.length());
        while (e > start && Character.isWhitespace(t.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** Where the node's content begins: after any tag, anchor, blank or comment written before it. */
    private int contentStart(int from, int end) {
        String t = source.text();
        int i = from;
        while (i < end) {
            char c = t.charAt(i);
            if (c == '!' || c == '&') {
                while (i < end && !Character.isWhitespace(t.charAt(i))) {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < end && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
                    i++;
                }
            } else {
                break;
            }
        }
        return i;
    }

    private Node convert(org.snakeyaml.engine.v2.nodes.Node n, String pointer, int depth) {
        if (n instanceof AnchorNode a) {
            n = a.getRealNode();
        }
        if (depth > limits.maxDepth()) {
            throw new LimitExceeded(new ParseProblem("maps and lists are nested more than " + limits.maxDepth()
                    + " levels deep (after expanding aliases)", source.span(startOffset(n), startOffset(n))));
        }
        if (onStack.containsKey(n)) {
            throw new LimitExceeded(new ParseProblem("an alias refers to a map or list that contains it; "
                    + "recursive structures cannot be a template", source.span(startOffset(n), startOffset(n))));
        }
        boolean alias = converted.containsKey(n);
        if (alias) {
            expandingAlias++;
        }
        converted.put(n, Boolean.TRUE);
        onStack.put(n, Boolean.TRUE);
        try {
            if (expandingAlias > 0 && ++aliasNodes > limits.maxAliasNodes()) {
                throw new LimitExceeded(new ParseProblem("YAML aliases expand to more than " + limits.maxAliasNodes()
                        + " nodes; the reader stops here to protect itself (alias bomb?)",
                        source.span(startOffset(n), startOffset(n))));
            }
            return convertTagged(n, pointer, depth);
        } finally {
            onStack.remove(n);
            if (alias) {
                expandingAlias--;
            }
        }
    }

    private Node convertTagged(org.snakeyaml.engine.v2.nodes.Node n, String pointer, int depth) {
        String tag = n.getTag().getValue();
        int start = startOffset(n);
        int end = endOffset(n);
        if (tag.startsWith("!") && !tag.equals("!")) {
            String name = tag.substring(1);
            Optional<String> longForm = Intrinsics.longForm(name);
            if (longForm.isEmpty()) {
                problems.add(new ParseProblem(unknownTagMessage(tag), source.span(start, start + tag.length())));
                return ScalarNode.string("", source.span(start, end), pointer);
            }
            String key = longForm.get();
            String inner = Node.childPointer(pointer, key);
            int contentStart = contentStart(start, Math.max(start, end));
            Location keyLoc = source.span(start, start + tag.length());
            Node value;
            if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
                checkScalarLength(s, start, end);
                Location valueLoc = source.span(contentStart, end);
                if (key.equals("Fn::GetAtt")) {
                    value = splitGetAtt(s, contentStart, end, valueLoc, inner);
                } else if (s.getScalarStyle() == ScalarStyle.PLAIN) {
                    // a plain argument is typed as it would be without the tag: !Ref 1 reads like {"Ref": 1}
                    String implicit = CORE_RESOLVER.resolve(s.getValue(), true).getValue();
                    value = convertScalar(s, implicit, inner, contentStart, end);
                } else {
                    value = ScalarNode.string(s.getValue(), valueLoc, inner);
                }
            } else {
                value = convertCollection(n, inner, depth, contentStart, end);
            }
            return new MapNode(List.of(new MapNode.Entry(key, keyLoc, value)), source.span(start, trimEnd(start, end)),
                    pointer);
        }
        if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
            return convertScalar(s, tag, pointer, start, end);
        }
        if (tag.startsWith(YAML_TAG_PREFIX) && !tag.equals(Tag.MAP.getValue()) && !tag.equals(Tag.SEQ.getValue())) {
            problems.add(new ParseProblem("the tag !!" + tag.substring(YAML_TAG_PREFIX.length())
                    + " is not supported in a template", source.span(start, start)));
        } else if (!tag.startsWith(YAML_TAG_PREFIX) && !tag.equals("!")) {
            problems.add(new ParseProblem("unknown tag " + tag, source.span(start, start)));
        }
        return convertCollection(n, pointer, depth, start, end);
    }

    private static String unknownTagMessage(String tag) {
        if (tag.startsWith("!Rain::")) {
            return "unknown tag " + tag + ": it is a Rain packaging directive, not CloudFormation; validate the "
                    + "template that `rain pkg` produces";
        }
        String name = tag.substring(1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : Intrinsics.shortForms()) {
            int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        String hint = best != null && bestDistance <= 2 ? " (did you mean !" + best + "?)" : "";
        return "unknown tag " + tag + ": CloudFormation has no short-form function of that name" + hint;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private Node splitGetAtt(org.snakeyaml.engine.v2.nodes.ScalarNode s, int contentStart, int end, Location whole,
                             String pointer) {
        String v = s.getValue();
        int dot = v.indexOf('.');
        String resource = dot < 0 ? v : v.substring(0, dot);
        boolean exact = s.getScalarStyle() == ScalarStyle.PLAIN && v.indexOf('\n') < 0
                && source.text().startsWith(v, contentStart);
        Location resourceLoc = exact ? source.span(contentStart, contentStart + resource.length()) : whole;
        List<Node> items = new ArrayList<>(2);
        items.add(ScalarNode.string(resource, resourceLoc, pointer + "/0"));
        if (dot >= 0) {
            String attribute = v.substring(dot + 1);
            Location attrLoc = exact ? source.span(contentStart + dot + 1, contentStart + v.length()) : whole;
            items.add(ScalarNode.string(attribute, attrLoc, pointer + "/1"));
        }
        return new ListNode(items, whole, pointer);
    }

    private Node convertCollection(org.snakeyaml.engine.v2.nodes.Node n, String pointer, int depth, int start, int end) {
        Location loc = source.span(start, trimEnd(start, end));
        if (n instanceof SequenceNode seq) {
            List<org.snakeyaml.engine.v2.nodes.Node> value = seq.getValue();
            List<Node> items = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                items.add(convert(value.get(i), pointer + "/" + i, depth + 1));
            }
            return new ListNode(items, loc, pointer);
        }
        if (n instanceof MappingNode map) {
            return convertMap(map, pointer, depth, loc);
        }
        if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
            return convertScalar(s, Tag.STR.getValue(), pointer, start, end);
        }
        problems.add(new ParseProblem("unsupported YAML node", loc));
        return ScalarNode.string("", loc, pointer);
    }

    private Node convertMap(MappingNode map, String pointer, int depth, Location loc) {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        List<DuplicateKey> duplicates = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            org.snakeyaml.engine.v2.nodes.Node k = t.getKeyNode();
            if (k instanceof AnchorNode a) {
                k = a.getRealNode();
            }
            int ks = startOffset(k);
            int ke = endOffset(k);
            Location keyLoc = source.span(ks, ke);
            if (!(k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks2)) {
                problems.add(new ParseProblem("a map key must be a plain value, not a "
                        + (k instanceof MappingNode ? "map" : "list"), keyLoc));
                continue;
            }
            String keyTag = k.getTag().getValue();
            if (keyTag.startsWith("!") && !keyTag.equals("!")) {
                problems.add(new ParseProblem("a map key cannot be a function: the key '" + ks2.getValue()
                        + "' carries the tag " + keyTag + " (a missing line break or brace?)", keyLoc));
                continue;
            }
            String key = keyText(ks2);
            if (k.getTag().equals(Tag.MERGE)) {
                // SnakeYAML Engine flattens merges itself; a merge key left here merged nothing usable.
                problems.add(new ParseProblem("the merge key << must refer to a map or a list of maps", keyLoc));
                continue;
            }
            String childPointer = Node.childPointer(pointer, key);
            Node value = convert(t.getValueNode(), childPointer, depth + 1);
            MapNode.Entry first = entries.get(key);
            if (first != null) {
                boolean firstMerged = isMerged(first, loc);
                if (firstMerged || isMergedKey(keyLoc, loc)) {
                    // an explicit key overrides one brought in by a merge key, in the merged key's place; this is
                    // not a duplicate
                    if (firstMerged) {
                        entries.put(key, new MapNode.Entry(key, keyLoc, value));
                    }
                    continue;
                }
                // CloudFormation deploys the last occurrence: it replaces the earlier one, which is recorded
                duplicates.add(new DuplicateKey(key, childPointer, first.keyLocation(), keyLoc));
                entries.remove(key);
            }
            entries.put(key, new MapNode.Entry(key, keyLoc, value));
        }
        return new MapNode(new ArrayList<>(entries.values()), loc, pointer, duplicates);
    }

    /** A key that lies outside the map's own text came in through a merge key. */
    private static boolean isMergedKey(Location keyLoc, Location mapLoc) {
        return before(keyLoc, mapLoc.line(), mapLoc.column()) || !before(keyLoc, mapLoc.endLine(), mapLoc.endColumn());
    }

    private static boolean isMerged(MapNode.Entry e, Location mapLoc) {
        return isMergedKey(e.keyLocation(), mapLoc);
    }

    private static boolean before(Location l, int line, int column) {
        return l.line() < line || (l.line() == line && l.column() < column);
    }

    private String keyText(org.snakeyaml.engine.v2.nodes.ScalarNode k) {
        Tag tag = k.getTag();
        if (tag.equals(Tag.BOOL)) {
            return k.getValue().toLowerCase(java.util.Locale.ROOT);
        }
        return k.getValue();
    }

    private void checkScalarLength(org.snakeyaml.engine.v2.nodes.ScalarNode s, int start, int end) {
        if (s.getValue().length() > limits.maxScalarLength()) {
            throw new LimitExceeded(new ParseProblem("a value is " + s.getValue().length()
                    + " characters long, more than the limit of " + limits.maxScalarLength(),
                    source.span(start, Math.min(end, start + 1))));
        }
    }

    private Node convertScalar(org.snakeyaml.engine.v2.nodes.ScalarNode s, String tag, String pointer, int start,
                               int end) {
        checkScalarLength(s, start, end);
        String text = s.getValue();
        int contentStart = contentStart(start, Math.max(start, end));
        Location loc = source.span(contentStart, end);
        ScalarKind kind;
        if (tag.equals(Tag.STR.getValue()) || tag.equals("!") || tag.equals(Tag.ENV_TAG.getValue())
                || tag.equals(YAML_TAG_PREFIX + "binary")
                || tag.equals(YAML_TAG_PREFIX + "timestamp")) {
            kind = ScalarKind.STRING;
        } else if (tag.equals(Tag.INT.getValue())) {
            kind = ScalarKind.INTEGER;
            if (Numbers.parseInteger(text).isEmpty()) {
                problems.add(new ParseProblem("'" + text + "' is tagged as an integer but is not one", loc));
            }
        } else if (tag.equals(Tag.FLOAT.getValue())) {
            kind = ScalarKind.DECIMAL;
        } else if (tag.equals(Tag.BOOL.getValue())) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                problems.add(new ParseProblem("'" + text + "' is tagged as a boolean but is not one", loc));
            }
            kind = ScalarKind.BOOLEAN;
            text = lower;
        } else if (tag.equals(Tag.NULL.getValue())) {
            kind = ScalarKind.NULL;
            text = "";
        } else {
            problems.add(new ParseProblem("the tag " + (tag.startsWith(YAML_TAG_PREFIX)
                    ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag)
                    + " is not supported in a template", source.span(start, start)));
            kind = ScalarKind.STRING;
        }
        return new ScalarNode(kind, text, loc, pointer);
    }
}
