package io.github.cfnvalidator.guard.syntax;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles Guard regular expressions to Java patterns with the meaning cfn-guard 3.1.1 gives them. cfn-guard compiles
 * every regular expression with {@code fancy-regex} 0.13, which parses the text itself and hands the plain parts to
 * Rust's {@code regex} crate; this class walks the text the way fancy-regex's parser does (same acceptance, same
 * reading of every atom) and writes an equivalent {@code java.util.regex} pattern: a {@code {} that does not start a
 * valid repetition is a literal (so {@code {{resolve\:ssm\:.*}}} is valid), {@code \:} and other escaped
 * punctuation are literals, an escaped ASCII letter that is not an escape is an error, {@code $} is the very end of
 * the text unless multi-line mode is on, {@code .} matches everything but {@code \n}, {@code \h} is a hex digit,
 * {@code \v} the vertical tab, {@code \<}/{@code \>} word starts and ends, {@code (?U)} swaps greediness,
 * {@code (?P<name>...)} and POSIX bracket classes such as {@code [[:alpha:]]} are translated, and {@code \d \w \s \b}
 * and case folding are Unicode-aware. Matching is a search (the pattern may match anywhere), as in cfn-guard.
 */
public final class GuardRegex {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{IsAlphabetic}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"), Map.entry("word", "\\w"),
            Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("print", "\\p{Print}"), Map.entry("ascii", "\\x00-\\x7F"));
    private static final int CASEI = 1;
    private static final int MULTI = 2;
    private static final int DOTNL = 4;
    private static final int SWAP_GREED = 8;
    private static final int IGNORE_SPACE = 16;
    private static final int MAX_DEPTH = 64;

    private GuardRegex() {
    }

    /** Compiles a Rust-syntax expression; throws {@link PatternSyntaxException} where fancy-regex refuses it. */
    public static Pattern compile(String rust) {
        return Pattern.compile(translate(rust), Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    }

    /** The Java pattern text for a Rust-syntax expression. */
    static String translate(String rust) {
        Walker w = new Walker(rust);
        StringBuilder out = new StringBuilder(rust.length() + 16);
        int end = w.re(0, 0, out);
        if (end < rust.length()) {
            throw w.error(end, "end of string not reached (unbalanced ')')");
        }
        return out.toString();
    }

    /** One walk over a pattern, following fancy-regex's recursive descent; flags are tracked as it tracks them. */
    private static final class Walker {
        private final String re;
        private final int n;
        private final Map<String, String> groupNames = new HashMap<>();
        private int flags;
        private int groups;
        private boolean numericBackrefs;
        /** What the last {@link #re} parsed: 0 nothing, 1 repeatable, 2 an assertion (fancy-regex's Expr kinds). */
        private int reKind;

        Walker(String re) {
            this.re = re;
            this.n = re.length();
        }

        PatternSyntaxException error(int at, String what) {
            return new PatternSyntaxException(what, re, Math.min(at, n));
        }

        private boolean flag(int f) {
            return (flags & f) != 0;
        }

        private char at(int i) {
            return i < n ? re.charAt(i) : '\0';
        }

        int re(int ix, int depth, StringBuilder out) {
            int[] kind = new int[1];
            ix = branch(ix, depth, out, kind);
            ix = ws(ix);
            while (at(ix) == '|' && ix < n) {
                out.append('|');
                ix = ws(branch(ix + 1, depth, out, kind));
                kind[0] = 1;
            }
            reKind = kind[0];
            if (numericBackrefs && !groupNames.isEmpty()) {
                throw error(ix, "numbered backreferences cannot be mixed with named groups");
            }
            return ix;
        }

        private int branch(int ix, int depth, StringBuilder out, int[] branchKind) {
            int pieces = 0;
            int[] kind = new int[1];
            while (ix < n) {
                kind[0] = 0;
                int next = piece(ix, depth, out, kind);
                if (next == ix) {
                    break;
                }
                if (kind[0] != 0) {
                    pieces++;
                    branchKind[0] = kind[0];
                }
                ix = next;
            }
            if (pieces != 1) {
                branchKind[0] = pieces == 0 ? 0 : 1;
            }
            return ix;
        }

        /** An atom and its repetition; {@code {} that is no valid repetition is left for the next atom. */
        private int piece(int ix, int depth, StringBuilder out, int[] kind) {
            int mark = out.length();
            // kind: 0 empty, 1 repeatable, 2 assertion
            ix = ws(atom(ix, depth, out, kind));
            if (ix >= n) {
                return ix;
            }
            char c = re.charAt(ix);
            String quant;
            int after;
            if (c == '?' || c == '*' || c == '+') {
                quant = String.valueOf(c);
                after = ix + 1;
            } else if (c == '{') {
                long[] rep = repeat(ix);
                if (rep == null) {
                    return ix;
                }
                quant = "{" + rep[1] + (rep[2] == rep[1] ? "" : rep[2] < 0 ? "," : "," + rep[2]) + "}";
                after = (int) rep[0];
            } else {
                return ix;
            }
            if (kind[0] != 1) {
                throw error(ix, "target of repeat operator is invalid");
            }
            if (rep2Group(out, mark)) {
                out.insert(mark, "(?:").append(')');
            }
            out.append(quant);
            ix = ws(after);
            boolean greedy = true;
            if (at(ix) == '?' && ix < n) {
                greedy = false;
                ix++;
            }
            if (greedy == flag(SWAP_GREED)) {
                out.append('?');
            }
            if (at(ix) == '+' && ix < n) {
                out.insert(mark, "(?>").append(')');
                ix++;
            }
            kind[0] = 1;
            return ix;
        }

        /** Whether the text written for one atom needs a group before a quantifier applies to it whole. */
        private static boolean rep2Group(StringBuilder out, int mark) {
            return out.length() - mark > 1 && out.charAt(mark) != '(' && out.charAt(mark) != '['
                    && out.charAt(mark) != '\\';
        }

        /** {@code {lo}}, {@code {lo,}}, {@code {lo,hi}}, {@code {,hi}}: [end, lo, hi or -1]; null if not one. */
        private long[] repeat(int ix) {
            int i = ws(ix + 1);
            long lo = 0;
            if (i >= n) {
                return null;
            }
            if (re.charAt(i) != ',') {
                int e = decimalEnd(i);
                if (e == i || e - i > 18) {
                    return null;
                }
                lo = Long.parseLong(re.substring(i, e));
                i = e;
            }
            i = ws(i);
            if (i >= n) {
                return null;
            }
            long hi;
            if (re.charAt(i) == '}') {
                hi = lo;
            } else if (re.charAt(i) == ',') {
                i = ws(i + 1);
                int e = decimalEnd(i);
                if (e > i && e - i <= 18) {
                    hi = Long.parseLong(re.substring(i, e));
                    i = e;
                } else {
                    hi = -1;
                }
            } else {
                return null;
            }
            i = ws(i);
            if (i >= n || re.charAt(i) != '}') {
                return null;
            }
            return new long[] {i + 1, lo, hi};
        }

        private int decimalEnd(int i) {
            while (i < n && re.charAt(i) >= '0' && re.charAt(i) <= '9') {
                i++;
            }
            return i;
        }

        private int atom(int ix, int depth, StringBuilder out, int[] kind) {
            ix = ws(ix);
            if (ix >= n) {
                return ix;
            }
            char c = re.charAt(ix);
            switch (c) {
                case '.':
                    out.append(flag(DOTNL) ? "(?s:.)" : ".");
                    kind[0] = 1;
                    return ix + 1;
                case '^':
                    out.append(flag(MULTI) ? "(?m:^)" : "\\A");
                    kind[0] = 2;
                    return ix + 1;
                case '$':
                    out.append(flag(MULTI) ? "(?m:$)" : "\\z");
                    kind[0] = 2;
                    return ix + 1;
                case '(':
                    return group(ix, depth, out, kind);
                case '\\':
                    return escapeAtom(ix, out, kind);
                case '+': case '*': case '?': case '|': case ')':
                    return ix;
                case '[':
                    kind[0] = 1;
                    return charClass(ix, out);
                default:
                    int cp = re.codePointAt(ix);
                    literal(cp, out);
                    kind[0] = 1;
                    return ix + Character.charCount(cp);
            }
        }

        private void literal(int cp, StringBuilder out) {
            if (flag(CASEI) && Character.isLetter(cp)) {
                out.append("(?i:");
                javaLiteral(cp, out);
                out.append(')');
            } else {
                javaLiteral(cp, out);
            }
        }

        private int escapeAtom(int ix, StringBuilder out, int[] kind) {
            Esc e = escape(ix, false);
            kind[0] = e.assertion ? 2 : 1;
            if (e.literal >= 0) {
                literal(e.literal, out);
            } else if (flag(CASEI) && !e.assertion && !e.backref) {
                out.append("(?i:").append(e.java).append(')');
            } else {
                out.append(e.java);
            }
            return e.end;
        }

        /** One escape: a literal code point, or Java text (a class, an assertion, a back-reference). */
        private record Esc(int end, int literal, String java, boolean assertion, boolean backref) {
            static Esc lit(int end, int cp) {
                return new Esc(end, cp, null, false, false);
            }

            static Esc text(int end, String java) {
                return new Esc(end, -1, java, false, false);
            }

            static Esc assertion(int end, String java) {
                return new Esc(end, -1, java, true, false);
            }
        }

        private Esc escape(int ix, boolean inClass) {
            if (ix + 1 >= n) {
                throw error(ix, "trailing backslash");
            }
            int b = re.codePointAt(ix + 1);
            int end = ix + 1 + Character.charCount(b);
            if (b >= '0' && b <= '9') {
                int e = decimalEnd(ix + 1);
                String digits = re.substring(ix + 1, e);
                if (digits.length() > 9 || Integer.parseInt(digits) >= n / 2) {
                    throw error(ix + 1, "invalid back reference");
                }
                numericBackrefs = true;
                return new Esc(e, -1, "(?:\\" + Integer.parseInt(digits) + ")", false, true);
            }
            if (!inClass) {
                Esc outside = escapeOutsideClass(ix, b, end);
                if (outside != null) {
                    return outside;
                }
            }
            switch (b) {
                case 'd': case 's': case 'w': case 'D': case 'S': case 'W':
                    return Esc.text(end, "\\" + (char) b);
                case 'h':
                    return Esc.text(end, "[0-9A-Fa-f]");
                case 'H':
                    return Esc.text(end, "[^0-9A-Fa-f]");
                case 'x':
                    return hex(end, 2);
                case 'u':
                    return hex(end, 4);
                case 'U':
                    return hex(end, 8);
                case 'p': case 'P':
                    if (end < n) {
                        return unicodeClass(ix, end, (char) b);
                    }
                    break;
                default:
                    break;
            }
            switch (b) {
                case 'a': return Esc.lit(end, 0x07);
                case 'b': return Esc.lit(end, 0x08);
                case 'f': return Esc.lit(end, 0x0c);
                case 'n': return Esc.lit(end, '\n');
                case 'r': return Esc.lit(end, '\r');
                case 't': return Esc.lit(end, '\t');
                case 'v': return Esc.lit(end, 0x0b);
                case 'e': return Esc.lit(end, 0x1b);
                default:
                    break;
            }
            boolean letter = b < 128 && Character.isLetter(b);
            if (letter && "kAzbB<>KG".indexOf(b) < 0) {
                throw error(ix, "invalid escape \\" + (char) b);
            }
            return Esc.lit(end, b);
        }

        /** The escapes that mean something else inside a class (assertions, named back-references), or null. */
        private Esc escapeOutsideClass(int ix, int b, int end) {
            switch (b) {
                case 'k':
                    return namedBackref(end, at(end) == '\'' ? "'" : "<", at(end) == '\'' ? "'" : ">");
                case 'A':
                    return Esc.assertion(end, "\\A");
                case 'z':
                    return Esc.assertion(end, "\\z");
                case 'b': case 'B':
                    if (at(end) == '{' && end < n) {
                        throw error(ix, "invalid escape \\" + (char) b);
                    }
                    return Esc.assertion(end, "\\" + (char) b);
                case '<':
                    return Esc.assertion(end, "\\b(?=\\w)");
                case '>':
                    return Esc.assertion(end, "\\b(?<=\\w)");
                case 'K':
                    throw error(ix, "\\K (keep out) is not supported by CFN Validator");
                case 'G':
                    return Esc.assertion(end, "\\G");
                default:
                    return null;
            }
        }

        private Esc namedBackref(int ix, String open, String close) {
            String id = identifier(ix, open, close, true);
            if (id == null) {
                throw error(ix, "invalid group name");
            }
            int end = ix + open.length() + id.length() + close.length();
            String java = groupNames.get(id);
            if (java != null) {
                return new Esc(end, -1, "\\k<" + java + ">", false, true);
            }
            try {
                int g = Integer.parseInt(id);
                int abs = g >= 0 ? g : groups + g + 1;
                if (abs >= 0) {
                    return new Esc(end, -1, "(?:\\" + abs + ")", false, true);
                }
            } catch (NumberFormatException e) {
                // not a number
            }
            throw error(ix, "invalid group name in back reference: " + id);
        }

        /** parse_id: an identifier between delimiters, or null. */
        private String identifier(int ix, String open, String close, boolean allowRelative) {
            if (!re.startsWith(open, ix)) {
                return null;
            }
            int start = ix + open.length();
            int i = start;
            if (allowRelative && at(i) == '-' && i < n) {
                i++;
                while (i < n && re.charAt(i) >= '0' && re.charAt(i) <= '9') {
                    i++;
                }
            } else {
                while (i < n && (Character.isLetterOrDigit(re.codePointAt(i)) || re.charAt(i) == '_')) {
                    i += Character.charCount(re.codePointAt(i));
                }
            }
            if (i == start || !re.startsWith(close, i)) {
                return null;
            }
            return re.substring(start, i);
        }

        private Esc hex(int ix, int digits) {
            if (ix >= n) {
                throw error(ix, "invalid hex escape");
            }
            String s;
            int end;
            if (ix + digits <= n && re.substring(ix, ix + digits).chars().allMatch(GuardRegex::isHex)) {
                s = re.substring(ix, ix + digits);
                end = ix + digits;
            } else if (re.charAt(ix) == '{') {
                int e = ix + 1;
                while (e < n && re.charAt(e) != '}' && isHex(re.charAt(e)) && e < ix + 9) {
                    e++;
                }
                if (e >= n || re.charAt(e) != '}' || e == ix + 1) {
                    throw error(ix, "invalid hex escape");
                }
                s = re.substring(ix + 1, e);
                end = e + 1;
            } else {
                throw error(ix, "invalid hex escape");
            }
            long cp = Long.parseLong(s, 16);
            if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw error(ix, "invalid code point value");
            }
            return Esc.lit(end, (int) cp);
        }

        private Esc unicodeClass(int ix, int end, char p) {
            String name;
            int e;
            if (re.charAt(end) == '{') {
                int close = re.indexOf('}', end + 1);
                if (close < 0) {
                    throw error(ix, "unclosed unicode class name");
                }
                name = re.substring(end + 1, close);
                e = close + 1;
            } else {
                int cp = re.codePointAt(end);
                name = new String(Character.toChars(cp));
                e = end + Character.charCount(cp);
            }
            for (String candidate : new String[] {name, "Is" + name, "In" + name}) {
                String java = "\\" + p + "{" + candidate + "}";
                try {
                    Pattern.compile(java);
                    return Esc.text(e, java);
                } catch (PatternSyntaxException ex) {
                    // try the next spelling
                }
            }
            throw error(ix, "unknown Unicode class " + name);
        }

        private int charClass(int ix, StringBuilder out) {
            int start = out.length();
            int i = ix + 1;
            out.append('[');
            if (at(i) == '^' && i < n) {
                out.append('^');
                i++;
            }
            if (at(i) == ']' && i < n) {
                out.append("\\]");
                i++;
            }
            int nest = 1;
            while (true) {
                if (i >= n) {
                    throw error(i, "unclosed character class");
                }
                char c = re.charAt(i);
                if (c == '\\') {
                    Esc e = escape(i, true);
                    if (e.literal >= 0) {
                        javaLiteral(e.literal, out);
                    } else if (e.assertion || e.backref) {
                        throw error(i, "invalid escape in a character class");
                    } else {
                        out.append(e.java);
                    }
                    i = e.end;
                } else if (c == '[') {
                    int posixEnd = posix(i, out);
                    if (posixEnd > 0) {
                        i = posixEnd;
                        continue;
                    }
                    nest++;
                    out.append('[');
                    i++;
                } else if (c == ']') {
                    nest--;
                    out.append(']');
                    i++;
                    if (nest == 0) {
                        break;
                    }
                } else {
                    int cp = re.codePointAt(i);
                    out.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
            }
            if (flag(CASEI)) {
                out.insert(start, "(?i:").append(')');
            }
            return i;
        }

        /** A POSIX class {@code [:name:]} or {@code [:^name:]} inside a bracket class; returns its end or -1. */
        private int posix(int i, StringBuilder out) {
            if (!re.startsWith("[:", i)) {
                return -1;
            }
            int close = re.indexOf(":]", i + 2);
            if (close < 0) {
                return -1;
            }
            String name = re.substring(i + 2, close);
            boolean negated = name.startsWith("^");
            String cls = POSIX.get(negated ? name.substring(1) : name);
            if (cls == null) {
                return -1;
            }
            out.append(negated ? "[^" : "[").append(cls).append(']');
            return close + 2;
        }

        private int group(int ix, int depth, StringBuilder out, int[] kind) {
            if (depth + 1 >= MAX_DEPTH) {
                throw error(ix, "the expression is nested too deeply");
            }
            int i = ws(ix + 1);
            String open;
            if (re.startsWith("?=", i) || re.startsWith("?!", i)) {
                open = "(" + re.substring(i, i + 2);
                i += 2;
                kind[0] = 2;
            } else if (re.startsWith("?<=", i) || re.startsWith("?<!", i)) {
                open = "(" + re.substring(i, i + 3);
                i += 3;
                kind[0] = 2;
            } else if (re.startsWith("?<", i) || re.startsWith("?P<", i)) {
                int at = re.startsWith("?<", i) ? i + 1 : i + 2;
                groups++;
                String id = identifier(at, "<", ">", false);
                if (id == null) {
                    throw error(i, "invalid group name");
                }
                String java = javaGroupName(id);
                groupNames.put(id, java);
                open = "(?<" + java + ">";
                i = at + id.length() + 2;
                kind[0] = 1;
            } else if (re.startsWith("?P=", i)) {
                String id = identifier(i + 3, "", ")", false);
                Esc e = namedBackref(i + 3, "", ")");
                kind[0] = 1;
                out.append(e.java);
                return i + 3 + (id == null ? 0 : id.length()) + 1;
            } else if (re.startsWith("?>", i)) {
                open = "(?>";
                i += 2;
                kind[0] = 1;
            } else if (re.startsWith("?(", i)) {
                throw error(i, "conditionals (?(...)...) are not supported by CFN Validator");
            } else if (re.startsWith("?", i)) {
                return flags(i, depth, out, kind);
            } else {
                groups++;
                open = "(";
                kind[0] = 1;
            }
            out.append(open);
            i = re(i, depth + 1, out);
            out.append(')');
            return closeParen(i);
        }

        private int closeParen(int ix) {
            ix = ws(ix);
            if (ix >= n) {
                throw error(ix, "unclosed open parenthesis");
            }
            if (re.charAt(ix) != ')') {
                throw error(ix, "expected close paren");
            }
            return ix + 1;
        }

        private String javaGroupName(String id) {
            if (id.matches("[A-Za-z][A-Za-z0-9]*") && !groupNames.containsValue(id)) {
                return id;
            }
            return "g" + groups + "x" + Integer.toHexString(id.hashCode() & 0xffff);
        }

        /** {@code (?flags)} and {@code (?flags:...)}; ix points at the '?'. */
        private int flags(int ix, int depth, StringBuilder out, int[] kind) {
            int start = ix + 1;
            int i = start;
            boolean neg = false;
            int old = flags;
            while (true) {
                i = ws(i);
                if (i >= n) {
                    throw error(i, "unclosed open parenthesis");
                }
                char b = re.charAt(i);
                switch (b) {
                    case 'i' -> set(CASEI, neg);
                    case 'm' -> set(MULTI, neg);
                    case 's' -> set(DOTNL, neg);
                    case 'U' -> set(SWAP_GREED, neg);
                    case 'x' -> set(IGNORE_SPACE, neg);
                    case 'u' -> {
                        if (neg) {
                            throw error(i, "non-Unicode mode is not supported");
                        }
                    }
                    case '-' -> {
                        if (neg) {
                            throw error(start, "unknown flag");
                        }
                        neg = true;
                    }
                    case ')' -> {
                        if (i == start || neg && i == start + 1) {
                            throw error(start, "unknown flag");
                        }
                        kind[0] = 0;
                        return i + 1;
                    }
                    case ':' -> {
                        if (neg && i == start + 1) {
                            throw error(start, "unknown flag");
                        }
                        out.append("(?:");
                        int e = re(i + 1, depth + 1, out);
                        out.append(')');
                        if (e >= n) {
                            throw error(e, "unclosed open parenthesis");
                        }
                        if (re.charAt(e) != ')') {
                            throw error(e, "expected close paren");
                        }
                        flags = old;
                        kind[0] = reKind; // fancy-regex returns the inner expression itself
                        return e + 1;
                    }
                    default -> throw error(start, "unknown flag (?" + re.substring(start, i + 1));
                }
                i++;
            }
        }

        private void set(int f, boolean neg) {
            flags = neg ? flags & ~f : flags | f;
        }

        /** optional_whitespace: spaces and {@code #} comments in x mode, {@code (?#...)} comments always. */
        private int ws(int ix) {
            while (ix < n) {
                char c = re.charAt(ix);
                if (c == '#' && flag(IGNORE_SPACE)) {
                    int nl = re.indexOf('\n', ix);
                    ix = nl < 0 ? n : nl + 1;
                } else if ((c == ' ' || c == '\r' || c == '\n' || c == '\t') && flag(IGNORE_SPACE)) {
                    ix++;
                } else if (re.startsWith("(?#", ix)) {
                    ix += 3;
                    while (true) {
                        if (ix >= n) {
                            throw error(ix, "unclosed open parenthesis");
                        }
                        char d = re.charAt(ix);
                        if (d == ')') {
                            ix++;
                            break;
                        }
                        ix += d == '\\' ? 2 : 1;
                    }
                } else {
                    return ix;
                }
            }
            return ix;
        }
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A code point as a Java pattern literal (escaped where Java would read it as syntax). */
    private static void javaLiteral(int cp, StringBuilder out) {
        if (cp < 128 && !Character.isLetterOrDigit(cp) && cp > 0x20 && cp != 0x7f) {
            out.append('\\').append((char) cp);
        } else if (cp < 0x20 || cp == 0x7f || cp == ' ' || Character.isWhitespace(cp)) {
            out.append("\\x{").append(Integer.toHexString(cp)).append('}');
        } else {
            out.appendCodePoint(cp);
        }
    }
}
