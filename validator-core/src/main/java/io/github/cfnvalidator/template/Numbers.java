package io.github.cfnvalidator.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** Number parsing shared by the readers and the resolver: YAML core-schema forms and numeric strings. */
public final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final int MAX_NUMBER_CHARS = 400;

    private Numbers() {
    }

    /**
     * Parses text as a number: decimal forms always; {@code 0x}/{@code 0o} forms when the scalar was typed INTEGER.
     * Strings such as {@code " 2"} or {@code "two"} are not numbers.
     */
    public static Optional<BigDecimal> parse(String text, ScalarKind kind) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_CHARS) {
            return Optional.empty();
        }
        if (kind == ScalarKind.INTEGER) {
            Optional<BigInteger> i = parseInteger(text);
            if (i.isPresent()) {
                return Optional.of(new BigDecimal(i.get()));
            }
        }
        if (kind != ScalarKind.STRING && kind != ScalarKind.INTEGER && kind != ScalarKind.DECIMAL) {
            return Optional.empty();
        }
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            BigDecimal d = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            if (Math.abs((long) d.scale()) > 10_000) {
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses a whole number in decimal, {@code 0x} hex or {@code 0o} octal form. */
    public static Optional<BigInteger> parseInteger(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_CHARS) {
            return Optional.empty();
        }
        String t = text;
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigInteger v = new BigInteger(t, radix);
            return Optional.of(negative ? v.negate() : v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The plain form of a number without a trailing {@code .0}: 2.0 prints as 2, 2.50 as 2.5. */
    public static String format(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.toBigInteger().toString();
        }
        return s.toPlainString();
    }
}
