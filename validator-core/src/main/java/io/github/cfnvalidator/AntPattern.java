package io.github.cfnvalidator;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An Ant-style path pattern as Maven plugins take them in {@code includes}/{@code excludes}: {@code **} matches any
 * number of folders (also none), {@code *} any characters within one name, {@code ?} one character; a pattern ending
 * in {@code /} means everything below that folder. Paths are matched with forward slashes, relative to a folder.
 * {@link TemplateFinder} matches includes/excludes with it, the run layer per-template parameter files.
 */
public final class AntPattern {
    private final String text;
    private final Pattern regex;

    private AntPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** Compiles a pattern; backslashes count as slashes and a leading {@code ./} or {@code /} is ignored. */
    public static AntPattern compile(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p + "**";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                sb.append("(?:.*/)?");
                i += 3;
            } else if (p.startsWith("**", i)) {
                sb.append(".*");
                i += 2;
            } else if (c == '*') {
                sb.append("[^/]*");
                i++;
            } else if (c == '?') {
                sb.append("[^/]");
                i++;
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new AntPattern(pattern, Pattern.compile(sb.toString()));
    }

    /** Compiles patterns, dropping blank ones. */
    public static List<AntPattern> compileAll(Collection<String> patterns) {
        return patterns == null ? List.of()
                : patterns.stream().filter(s -> s != null && !s.isBlank()).map(AntPattern::compile).toList();
    }

    /** Whether a relative path (forward slashes) matches. */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    /** Whether any of the patterns matches. */
    public static boolean any(List<AntPattern> patterns, String relativePath) {
        for (AntPattern p : patterns) {
            if (p.matches(relativePath)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
