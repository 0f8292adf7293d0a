package io.github.cfnvalidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small scanner of Java source for {@link MethodLengthTest}: finds every method and constructor body (compact record
 * constructors included) by matching braces in the source with comments, strings, text blocks and character literals
 * blanked out, and gives each one's name and line span. Lambdas, initializer blocks, class bodies (anonymous ones
 * included) and control-flow blocks are not methods; a method of a local or anonymous class is one of its own.
 */
final class JavaMethods {
    /** One method or constructor: its name, the line its name is on and the line of its closing brace (1-based). */
    record Method(String name, int firstLine, int lastLine) {
        int lines() {
            return lastLine - firstLine + 1;
        }
    }

    /** Words that precede {@code (...) {} but do not declare a method. */
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "do", "else", "finally", "return", "new", "throw", "case", "default", "yield", "assert");
    /** Words that open a type body rather than a method body. */
    private static final Set<String> TYPE_WORDS = Set.of("class", "interface", "enum", "record", "@interface");
    /** {@code name(params) [throws A, B]} at the end of a declaration. */
    private static final Pattern DECLARATION = Pattern.compile(
            "([A-Za-z_$][\\w$]*)\\s*\\(([^()]|\\([^()]*\\))*\\)\\s*(throws\\s+[\\w$.<>,\\s]+)?$");
    /** Modifiers (and annotations without arguments) then a name: a compact record constructor. */
    private static final Pattern COMPACT = Pattern.compile(
            "^((public|protected|private)\\s+)?([A-Z][\\w$]*)$");

    private JavaMethods() {
    }

    /** The methods and constructors of one source file, in source order of their closing braces. */
    static List<Method> of(String source) {
        String code = blank(source);
        List<Method> out = new ArrayList<>();
        List<int[]> open = new ArrayList<>(); // {offset of '{', 1 when a method body}
        List<String> names = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        int segmentStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                String name = methodName(code.substring(segmentStart, i));
                open.add(new int[] {i, name == null ? 0 : 1});
                names.add(name);
                firstLines.add(name == null ? 0 : lineOf(code, segmentStart + nameOffset(code.substring(segmentStart,
                        i), name)));
                segmentStart = i + 1;
            } else if (c == '}') {
                if (!open.isEmpty()) {
                    int last = open.size() - 1;
                    if (open.get(last)[1] == 1) {
                        out.add(new Method(names.get(last), firstLines.get(last), lineOf(code, i)));
                    }
                    open.remove(last);
                    names.remove(last);
                    firstLines.remove(last);
                }
                segmentStart = i + 1;
            } else if (c == ';') {
                segmentStart = i + 1;
            }
        }
        return out;
    }

    /** The name a block's header declares when the block is a method or constructor body, else null. */
    private static String methodName(String header) {
        if (header.contains("@interface")) {
            return null;
        }
        String h = header.replaceAll("@[\\w$.]+(\\s*\\([^()]*\\))?", " ").replaceAll("\\s+", " ").strip();
        if (h.isEmpty() || h.endsWith("->") || h.endsWith("=") || h.endsWith("]")) {
            return null;
        }
        Matcher compact = COMPACT.matcher(h);
        if (compact.matches()) {
            return compact.group(3);
        }
        Matcher m = DECLARATION.matcher(h);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        String before = h.substring(0, m.start(1)).strip();
        String previous = before.isEmpty() ? "" : before.substring(before.lastIndexOf(' ') + 1);
        if (NOT_METHODS.contains(name) || NOT_METHODS.contains(previous) || TYPE_WORDS.contains(previous)
                || before.contains("(") || before.endsWith(".") || previous.endsWith(".")) {
            return null; // a control statement, an anonymous class, a record header or a call
        }
        return name;
    }

    /** Where in a block's header the declared name is written: before its parameters, or last (compact). */
    private static int nameOffset(String header, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*(\\(|$)").matcher(header.stripTrailing());
        return m.find() ? m.start() : 0;
    }

    private static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments, string and character literals (text blocks too) replaced by spaces; lines kept. */
    static String blank(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? s.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < s.length() && s.charAt(end) != c && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, s.length());
            } else {
                out.append(c);
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
