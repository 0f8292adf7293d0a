package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Numbers;
import io.github.cfnvalidator.template.Parameter;
import io.github.cfnvalidator.template.ScalarKind;
import io.github.cfnvalidator.template.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values a deployer may pass for one parameter (or that a pseudo-parameter may have): its type and every
 * constraint CloudFormation enforces (MinValue/MaxValue, AllowedValues, AllowedPattern, MinLength/MaxLength), or the
 * one value a parameter file pins. {@code Default} does not narrow the domain: a deployer may override it.
 */
public final class ParameterDomain {
    /** The kind of value a domain holds. */
    public enum Kind {
        /** {@code Type: Number}. */
        NUMBER,
        /** {@code Type: String} and the AWS-specific string types. */
        STRING,
        /** {@code CommaDelimitedList} and {@code List<...>}. */
        LIST,
        /** Not knowable before deploy (SSM parameter types, {@code AWS::NotificationARNs}). */
        UNKNOWN
    }

    /** The largest finite domain the resolver enumerates value by value. */
    public static final int MAX_ENUMERATED = 64;

    private final String name;
    private final Kind kind;
    private final Node declaration;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Map<String, Node> allowed;
    private final Pattern pattern;
    private final String patternText;
    private final Integer minLength;
    private final Integer maxLength;
    private final String pinned;
    private final String pinnedSource;
    private final String unknownReason;
    private final boolean pseudo;

    private ParameterDomain(String name, Kind kind, Node declaration, BigDecimal min, BigDecimal max,
                            Map<String, Node> allowed, String patternText, Integer minLength, Integer maxLength,
                            String pinned, String pinnedSource, String unknownReason, boolean pseudo) {
        this.name = name;
        this.kind = kind;
        this.declaration = declaration;
        this.min = min;
        this.max = max;
        this.allowed = allowed;
        Pattern p = null;
        if (patternText != null) {
            try {
                p = Pattern.compile(patternText);
            } catch (PatternSyntaxException e) {
                p = null;
            }
        }
        this.pattern = p;
        this.patternText = patternText;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pinned = pinned;
        this.pinnedSource = pinnedSource;
        this.unknownReason = unknownReason;
        this.pseudo = pseudo;
    }

    /** The domain of a declared parameter, pinned to a value when {@code pinnedValue} is not null. */
    public static ParameterDomain of(Parameter p, String pinnedValue, String pinnedSource) {
        Kind kind;
        String unknown = null;
        if (p.isSsm()) {
            kind = Kind.UNKNOWN;
            unknown = "parameter " + p.name() + " is read from SSM Parameter Store at deploy time (" + p.type() + ")";
        } else if (p.isList()) {
            kind = Kind.LIST;
        } else if (p.isNumber()) {
            kind = Kind.NUMBER;
        } else {
            kind = Kind.STRING;
        }
        Map<String, Node> allowed = null;
        if (p.allowedValues().isPresent()) {
            allowed = new LinkedHashMap<>();
            for (Node n : p.allowedValues().get()) {
                if (n instanceof ScalarNode s) {
                    allowed.put(s.text(), s);
                }
            }
        }
        if (pinnedValue != null && kind == Kind.UNKNOWN) {
            kind = p.type().contains("List") ? Kind.LIST : Kind.STRING;
        }
        return new ParameterDomain(p.name(), kind, p.node(), number(p.minValue()), number(p.maxValue()), allowed,
                p.allowedPattern().orElse(null), integer(p.minLength()), integer(p.maxLength()), pinnedValue,
                pinnedSource, unknown, false);
    }

    /** The domain of a pseudo-parameter such as {@code AWS::Region}. */
    public static Optional<ParameterDomain> pseudo(String name, String pinnedValue, Node origin) {
        switch (name) {
            case "AWS::Region":
            case "AWS::AccountId":
            case "AWS::StackName":
            case "AWS::StackId":
            case "AWS::URLSuffix":
                return Optional.of(new ParameterDomain(name, Kind.STRING, origin, null, null, null, null, null, null,
                        pinnedValue, pinnedValue == null ? null : "given values", null, true));
            case "AWS::Partition": {
                Map<String, Node> partitions = new LinkedHashMap<>();
                for (String s : List.of("aws", "aws-cn", "aws-us-gov")) {
                    partitions.put(s, origin);
                }
                return Optional.of(new ParameterDomain(name, Kind.STRING, origin, null, null, partitions, null,
                        null, null, pinnedValue, pinnedValue == null ? null : "given values", null, true));
            }
            case "AWS::NotificationARNs":
                return Optional.of(new ParameterDomain(name, Kind.UNKNOWN, origin, null, null, null, null, null,
                        null, null, null, "AWS::NotificationARNs is set by the deployer", true));
            default:
                return Optional.empty();
        }
    }

    private static BigDecimal number(Optional<Node> n) {
        return n.flatMap(x -> x instanceof ScalarNode s ? Numbers.parse(s.text(), ScalarKind.STRING)
                : Optional.empty()).orElse(null);
    }

    private static Integer integer(Optional<Node> n) {
        BigDecimal d = number(n);
        return d == null ? null : d.intValue();
    }

    /** The parameter's name. */
    public String name() {
        return name;
    }

    /** What kind of value it holds. */
    public Kind kind() {
        return kind;
    }

    /** Whether this is a pseudo-parameter ({@code AWS::Region}, ...). */
    public boolean isPseudo() {
        return pseudo;
    }

    /** Where the parameter is declared (for a pseudo-parameter: where it is referenced). */
    public Node declaration() {
        return declaration;
    }

    /** Where the parameter is declared. */
    public Location location() {
        return declaration.location();
    }

    /** The MinValue, if any. */
    public Optional<BigDecimal> min() {
        return Optional.ofNullable(min);
    }

    /** The MaxValue, if any. */
    public Optional<BigDecimal> max() {
        return Optional.ofNullable(max);
    }

    /** The value a parameter file pins, if any. */
    public Optional<String> pinned() {
        return Optional.ofNullable(pinned);
    }

    /** The file that pins the value, if any. */
    public Optional<String> pinnedSource() {
        return Optional.ofNullable(pinnedSource);
    }

    /** Whether AllowedValues restricts the domain. */
    public boolean hasAllowedValues() {
        return allowed != null;
    }

    /** The AllowedPattern as written, if any. */
    public Optional<String> allowedPattern() {
        return Optional.ofNullable(patternText);
    }

    /** Why the value is unknown, for {@link Kind#UNKNOWN}. */
    public String unknownReason() {
        return unknownReason;
    }

    /** The node where an allowed value is written, or the declaration. */
    public Node nodeOf(String value) {
        if (allowed != null && allowed.containsKey(value)) {
            return allowed.get(value);
        }
        return declaration;
    }

    /** Whether CloudFormation would accept this value for the parameter. */
    public boolean admits(String value) {
        if (pinned != null) {
            return pinned.equals(value);
        }
        if (allowed != null && !allowed.containsKey(value)) {
            return false;
        }
        if (kind == Kind.NUMBER) {
            Optional<BigDecimal> d = Numbers.parse(value, ScalarKind.STRING);
            if (d.isEmpty()) {
                return false;
            }
            if (min != null && d.get().compareTo(min) < 0) {
                return false;
            }
            if (max != null && d.get().compareTo(max) > 0) {
                return false;
            }
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            return false;
        }
        if (minLength != null && value.length() < minLength) {
            return false;
        }
        return maxLength == null || value.length() <= maxLength;
    }

    /** The admissible values when they can be listed (pinned, or AllowedValues), else empty. */
    public Optional<List<String>> finiteValues() {
        if (pinned != null) {
            return Optional.of(List.of(pinned));
        }
        if (allowed != null) {
            List<String> out = new ArrayList<>();
            for (String v : allowed.keySet()) {
                if (admits(v)) {
                    out.add(v);
                }
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** Whether some admissible value lies outside {@code excluded}. */
    public boolean admitsOtherThan(Set<String> excluded) {
        Optional<List<String>> finite = finiteValues();
        if (finite.isPresent()) {
            return finite.get().stream().anyMatch(v -> !excluded.contains(v));
        }
        if (kind == Kind.NUMBER && min != null && max != null && min.compareTo(max) == 0) {
            return !excluded.contains(Numbers.format(min)) && !excluded.contains(min.toPlainString());
        }
        return true;
    }

    /**
     * An admissible value, not excluded, that is a number below {@code threshold}; empty if there is none. For an
     * interval the least admissible value is tried first, then whole numbers below the threshold, so the witness is
     * the one a deployer is most likely to pass.
     */
    public Optional<String> valueBelow(BigDecimal threshold, Set<String> excluded) {
        Optional<List<String>> finite = finiteValues();
        if (finite.isPresent()) {
            return closest(finite.get(), threshold, excluded, -1);
        }
        List<String> candidates = new ArrayList<>();
        BigDecimal one = threshold.subtract(BigDecimal.ONE);
        candidates.add(Numbers.format(one));
        if (min != null && min.compareTo(threshold) < 0) {
            candidates.add(Numbers.format(min));
        }
        candidates.add("0");
        for (int i = 1; i <= 4; i++) {
            candidates.add(Numbers.format(threshold.subtract(BigDecimal.valueOf(i))));
        }
        candidates.add(Numbers.format(threshold.subtract(new BigDecimal("0.5"))));
        if (min != null && min.compareTo(threshold) < 0) {
            BigDecimal mid = min.add(threshold).divide(BigDecimal.valueOf(2));
            candidates.add(Numbers.format(mid));
            candidates.add(Numbers.format(min.setScale(0, java.math.RoundingMode.CEILING)));
        }
        if (max != null && max.compareTo(threshold) < 0) {
            // an interval entirely below the threshold: its top (or the whole numbers just under it) are witnesses
            BigDecimal top = max.setScale(0, java.math.RoundingMode.FLOOR);
            candidates.add(Numbers.format(top));
            candidates.add(Numbers.format(max));
            candidates.add(Numbers.format(top.subtract(BigDecimal.ONE)));
            candidates.add(Numbers.format(max.subtract(new BigDecimal("0.5"))));
            if (min != null) {
                candidates.add(Numbers.format(min.add(max).divide(BigDecimal.valueOf(2))));
            }
        }
        return firstOnSide(candidates, threshold, excluded, -1);
    }

    /** The first candidate that is admitted, not excluded, and strictly on one side of the threshold. */
    private Optional<String> firstOnSide(List<String> candidates, BigDecimal threshold, Set<String> excluded,
                                         int side) {
        for (String c : candidates) {
            Optional<BigDecimal> d = Numbers.parse(c, ScalarKind.STRING);
            if (d.isPresent() && Integer.signum(d.get().compareTo(threshold)) == side && admits(c)
                    && !excluded.contains(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * An admissible value, not excluded, that is a number above {@code threshold}; empty if there is none. The
     * greatest listed value, or the MaxValue, or a value just above the threshold is tried.
     */
    public Optional<String> valueAbove(BigDecimal threshold, Set<String> excluded) {
        Optional<List<String>> finite = finiteValues();
        if (finite.isPresent()) {
            return closest(finite.get(), threshold, excluded, 1);
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(Numbers.format(threshold.add(BigDecimal.ONE)));
        if (max != null) {
            candidates.add(Numbers.format(max));
        }
        if (min != null && min.compareTo(threshold) > 0) {
            candidates.add(Numbers.format(min));
            candidates.add(Numbers.format(min.setScale(0, java.math.RoundingMode.CEILING)));
        }
        candidates.add(Numbers.format(threshold.add(new BigDecimal("0.5"))));
        candidates.add(Numbers.format(threshold.add(BigDecimal.TEN)));
        return firstOnSide(candidates, threshold, excluded, 1);
    }

    /**
     * Among listed values, the number closest to the threshold on one side of it ({@code side} -1: below, 1: above),
     * skipping excluded values.
     */
    private static Optional<String> closest(List<String> values, BigDecimal threshold, Set<String> excluded,
                                            int side) {
        String best = null;
        BigDecimal bestValue = null;
        for (String v : values) {
            Optional<BigDecimal> d = Numbers.parse(v, ScalarKind.STRING);
            if (d.isPresent() && Integer.signum(d.get().compareTo(threshold)) == side && !excluded.contains(v)
                    && (bestValue == null || Integer.signum(d.get().compareTo(bestValue)) == -side)) {
                best = v;
                bestValue = d.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first admissible, non-excluded value among candidates. */
    public Optional<String> firstAdmitted(List<String> candidates, Set<String> excluded) {
        Optional<List<String>> finite = finiteValues();
        for (String c : candidates) {
            if (!excluded.contains(c) && admits(c) && (finite.isEmpty() || finite.get().contains(c))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The constraints as a phrase for messages, e.g. {@code " (MinValue 1)"} or {@code " (no MinValue)"}. */
    public String describeConstraints(Set<String> excluded) {
        List<String> parts = new ArrayList<>();
        if (pinned != null) {
            parts.add("pinned to " + pinned + (pinnedSource == null ? "" : " by " + pinnedSource));
        } else {
            if (kind == Kind.NUMBER) {
                parts.add(min == null ? "no MinValue" : "MinValue " + Numbers.format(min));
                if (max != null) {
                    parts.add("MaxValue " + Numbers.format(max));
                }
            }
            if (allowed != null) {
                parts.add("AllowedValues " + allowed.keySet());
            }
            if (patternText != null) {
                parts.add("AllowedPattern " + patternText);
            }
            if (kind == Kind.STRING && allowed == null && patternText == null && !pseudo) {
                parts.add("any string");
            }
        }
        if (!excluded.isEmpty()) {
            parts.add("other than " + String.join(", ", excluded));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return name + describeConstraints(Set.of());
    }
}
