package io.github.cfnvalidator.guard.syntax;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles Guard regular expressions (Rust {@code regex}/{@code fancy-regex} syntax) to Java patterns with the same
 * meaning: Unicode-aware {@code \d \w \s \b} and case folding, {@code $} at the very end of the text unless
 * multi-line mode is on, {@code (?P<name>...)} groups and POSIX bracket classes such as {@code [[:alpha:]]}.
 * Matching is a search (the pattern may match anywhere), as in cfn-guard.
 */
public final class GuardRegex {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{IsAlphabetic}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"), Map.entry("word", "\\w"),
            Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("print", "\\p{Print}"), Map.entry("ascii", "\\x00-\\x7F"));

    private GuardRegex() {
    }

    /** Compiles a Rust-syntax expression; throws {@link java.util.regex.PatternSyntaxException} when invalid. */
    public static Pattern compile(String rust) {
        return Pattern.compile(translate(rust), Pattern.UNICODE_CHARACTER_CLASS);
    }

    static String translate(String rust) {
        boolean multiline = hasMultilineFlag(rust);
        StringBuilder out = new StringBuilder(rust.length() + 8);
        int depth = 0; // character class nesting
        for (int i = 0; i < rust.length(); i++) {
            char c = rust.charAt(i);
            if (c == '\\' && i + 1 < rust.length()) {
                out.append(c).append(rust.charAt(i + 1));
                i++;
                continue;
            }
            if (depth > 0) {
                if (c == '[' && rust.startsWith("[:", i)) {
                    int end = rust.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = rust.substring(i + 2, end);
                        String cls = POSIX.get(name);
                        if (cls != null) {
                            out.append(cls);
                            i = end + 1;
                            continue;
                        }
                    }
                }
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                depth = 1;
                out.append(c);
                // a ']' right after '[' or '[^' is a literal
                if (i + 1 < rust.length() && rust.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < rust.length() && rust.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(' && rust.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
                continue;
            }
            if (c == '$' && !multiline) {
                out.append("\\z");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean hasMultilineFlag(String rust) {
        int i = rust.indexOf("(?");
        while (i >= 0) {
            int j = i + 2;
            while (j < rust.length() && Character.isLetter(rust.charAt(j))) {
                if (rust.charAt(j) == 'm') {
                    return true;
                }
                j++;
            }
            i = rust.indexOf("(?", i + 2);
        }
        return false;
    }
}
