package io.github.cfnvalidator.guard.syntax;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case conversions cfn-guard 3.1.1 tries, in this order, when a query key is missing from a map: camelCase,
 * ClassCase (PascalCase with the last word singularised), kebab-case, PascalCase, snake_case, Title Case and
 * Train-Case. They reproduce the Rust {@code Inflector} 0.11 crate, quirks included (its singulariser keeps only the
 * captured stem for some rules, e.g. {@code natives} becomes {@code na}), because verdicts depend on them.
 */
final class GuardInflector {
    private GuardInflector() {
    }

    /** The seven converted forms of a key, in cfn-guard's order. */
    static String[] conversions(String key) {
        return new String[] {camel(key), classCase(key), kebab(key), pascal(key), snake(key), title(key),
            train(key)};
    }

    private static boolean isAlnum(int c) {
        return Character.isLetterOrDigit(c) || Character.isAlphabetic(c) || isNumeric(c);
    }

    private static boolean isNumeric(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static boolean isLower(int c) {
        return Character.isLowerCase(c);
    }

    private static boolean isUpper(int c) {
        return Character.isUpperCase(c);
    }

    private static int asciiUpper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int[] trimRight(String s) {
        int[] cps = s.codePoints().toArray();
        int end = cps.length;
        while (end > 0 && !isAlnum(cps[end - 1])) {
            end--;
        }
        return java.util.Arrays.copyOf(cps, end);
    }

    private static String snakeLike(String s, char sep, boolean lower) {
        int[] all = s.codePoints().toArray();
        int[] cps = trimRight(s);
        boolean first = true;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (!isAlnum(c)) {
                if (!first) {
                    first = true;
                    out.append(sep);
                }
            } else if (!first && c == asciiUpper(c) && neighbourIsLower(all, i)) {
                first = false;
                out.append(sep).appendCodePoint(lower ? asciiLower(c) : asciiUpper(c));
            } else {
                first = false;
                out.appendCodePoint(lower ? asciiLower(c) : asciiUpper(c));
            }
        }
        return out.toString();
    }

    private static boolean neighbourIsLower(int[] all, int i) {
        int next = i + 1 < all.length ? all[i + 1] : 'A';
        int prev = i - 1 >= 0 && i - 1 < all.length ? all[i - 1] : 'A';
        return isLower(next) || isLower(prev);
    }

    private static String camelLike(String s, boolean newWordStart, boolean firstWordStart, char inject,
                                    boolean hasSeparator) {
        int[] cps = trimRight(s);
        boolean newWord = newWordStart;
        boolean firstWord = firstWordStart;
        int lastChar = ' ';
        boolean foundReal = false;
        StringBuilder out = new StringBuilder();
        for (int c : cps) {
            if (!isAlnum(c) && foundReal) {
                newWord = true;
            } else if (!foundReal && !isAlnum(c)) {
                continue;
            } else if (isNumeric(c)) {
                foundReal = true;
                newWord = true;
                out.appendCodePoint(c);
            } else if (newWord || (isLower(lastChar) && isUpper(c) && lastChar != ' ')) {
                foundReal = true;
                newWord = false;
                if (hasSeparator && !firstWord) {
                    out.append(inject);
                }
                out.appendCodePoint(asciiUpper(c));
                firstWord = false;
            } else {
                foundReal = true;
                lastChar = c;
                out.appendCodePoint(asciiLower(c));
            }
        }
        return out.toString();
    }

    static String camel(String s) {
        return camelLike(s, false, false, ' ', false);
    }

    static String pascal(String s) {
        return camelLike(s, true, false, ' ', false);
    }

    static String title(String s) {
        return camelLike(s, true, true, ' ', true);
    }

    static String train(String s) {
        return camelLike(s, true, true, '-', true);
    }

    static String kebab(String s) {
        return snakeLike(s, '-', true);
    }

    static String snake(String s) {
        return snakeLike(s, '_', true);
    }

    static String classCase(String s) {
        String plural = pascal(s);
        int split = 0;
        for (int i = plural.length(); i > 0; ) {
            int c = plural.codePointBefore(i);
            i -= Character.charCount(c);
            if (isUpper(c)) {
                split = i;
                break;
            }
        }
        return plural.substring(0, split) + singular(plural.substring(split));
    }

    private static final Set<String> UNCOUNTABLE = Set.of("accommodation", "adulthood", "advertising", "advice",
            "aggression", "aid", "air", "aircraft", "alcohol", "anger", "applause", "arithmetic", "assistance",
            "athletics", "bacon", "baggage", "beef", "biology", "blood", "botany", "bread", "butter", "carbon",
            "cardboard", "cash", "chalk", "chaos", "chess", "crossroads", "countryside", "dancing", "deer",
            "dignity", "dirt", "dust", "economics", "education", "electricity", "engineering", "enjoyment", "envy",
            "equipment", "ethics", "evidence", "evolution", "fame", "fiction", "flour", "flu", "food", "fuel", "fun",
            "furniture", "gallows", "garbage", "garlic", "genetics", "gold", "golf", "gossip", "grammar",
            "gratitude", "grief", "guilt", "gymnastics", "happiness", "hardware", "harm", "hate", "hatred", "health",
            "heat", "help", "homework", "honesty", "honey", "hospitality", "housework", "humour", "hunger",
            "hydrogen", "ice", "importance", "inflation", "information", "innocence", "iron", "irony", "jam",
            "jewelry", "judo", "karate", "knowledge", "lack", "laughter", "lava", "leather", "leisure", "lightning",
            "linguine", "linguini", "linguistics", "literature", "litter", "livestock", "logic", "loneliness",
            "luck", "luggage", "macaroni", "machinery", "magic", "management", "mankind", "marble", "mathematics",
            "mayonnaise", "measles", "methane", "milk", "money", "mud", "music", "mumps", "nature", "news",
            "nitrogen", "nonsense", "nurture", "nutrition", "obedience", "obesity", "oxygen", "pasta", "patience",
            "physics", "poetry", "pollution", "poverty", "pride", "psychology", "publicity", "punctuation",
            "quartz", "racism", "relaxation", "reliability", "research", "respect", "revenge", "rice", "rubbish",
            "rum", "safety", "scenery", "seafood", "seaside", "series", "shame", "sheep", "shopping", "sleep",
            "smoke", "smoking", "snow", "soap", "software", "soil", "spaghetti", "species", "steam", "stuff",
            "stupidity", "sunshine", "symmetry", "tennis", "thirst", "thunder", "timber", "traffic",
            "transportation", "trust", "underwear", "unemployment", "unity", "validity", "veal", "vegetation",
            "vegetarianism", "vengeance", "violence", "vitality", "warmth", "wealth", "weather", "welfare", "wheat",
            "wildlife", "wisdom", "yoga", "zinc", "zoology");

    private static final Map<String, String> SPECIAL = Map.ofEntries(Map.entry("oxen", "ox"),
            Map.entry("boxes", "box"), Map.entry("men", "man"), Map.entry("women", "woman"), Map.entry("dice", "die"),
            Map.entry("yeses", "yes"), Map.entry("feet", "foot"), Map.entry("eaves", "eave"),
            Map.entry("geese", "goose"), Map.entry("teeth", "tooth"), Map.entry("quizzes", "quiz"));

    private record SingularRule(Pattern pattern, String replace) {
    }

    /** The singulariser's rules, last first (the order it tries them). */
    private static final List<SingularRule> RULES;

    static {
        String[][] rules = {
            {"(\\w*)s$", ""},
            {"(\\w*)(ss)$", "$2"},
            {"(n)ews$", "ews"},
            {"(\\w*)(o)es$", ""},
            {"(\\w*)([ti])a$", "um"},
            {"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$", "sis"},
            {"(^analy)(sis|ses)$", "sis"},
            {"(\\w*)([^f])ves$", "fe"},
            {"(\\w*)(hive)s$", ""},
            {"(\\w*)(tive)s$", ""},
            {"(\\w*)([lr])ves$", "f"},
            {"(\\w*([^aeiouy]|qu))ies$", "y"},
            {"(s)eries$", "eries"},
            {"(m)ovies$", "ovie"},
            {"(\\w*)(x|ch|ss|sh)es$", "$2"},
            {"(m|l)ice$", "ouse"},
            {"(bus)(es)?$", ""},
            {"(shoe)s$", ""},
            {"(cris|test)(is|es)$", "is"},
            {"^(a)x[ie]s$", "xis"},
            {"(octop|vir)(us|i)$", "us"},
            {"(alias|status)(es)?$", ""},
            {"^(ox)en", ""},
            {"(vert|ind)ices$", "ex"},
            {"(matr)ices$", "ix"},
            {"(quiz)zes$", ""},
            {"(database)s$", ""},
        };
        SingularRule[] list = new SingularRule[rules.length];
        for (int i = 0; i < rules.length; i++) {
            list[rules.length - 1 - i] = new SingularRule(Pattern.compile(rules[i][0],
                    Pattern.UNICODE_CHARACTER_CLASS), rules[i][1]);
        }
        RULES = List.of(list);
    }

    static String singular(String s) {
        if (UNCOUNTABLE.contains(s)) {
            return s;
        }
        String special = SPECIAL.get(s);
        if (special != null) {
            return special;
        }
        for (SingularRule r : RULES) {
            Matcher m = r.pattern().matcher(s);
            if (m.find() && m.group(1) != null) {
                String replace = r.replace();
                if (replace.contains("$2")) {
                    String g2 = m.groupCount() >= 2 && m.group(2) != null ? m.group(2) : "";
                    replace = replace.replace("$2", g2);
                }
                return m.group(1) + replace;
            }
        }
        return s;
    }
}
