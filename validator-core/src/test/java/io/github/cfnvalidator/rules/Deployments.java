package io.github.cfnvalidator.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The deployments the concrete oracle tries for a template, chosen without the resolver: per parameter a finite set
 * of candidate values (AllowedValues; else boundaries and their neighbours, 0 to 3, the Default, every literal the
 * template compares or looks up, and one other string), kept only when the parameter's own constraints admit them
 * (written here from the CloudFormation documentation), and their product.
 */
final class Deployments {
    /** The largest product of candidate sets tried; templates beyond it are skipped and counted. */
    static final int MAX_DEPLOYMENTS = 65_536;
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!.][^}.]*)}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");
    private static final String OTHER = "zz-other";
    /** Values the rules under test treat specially (their thresholds), tried for every free parameter. */
    private static final List<String> PROBES = List.of("", "latest", "ml.t2.medium", "repo:latest");

    /** One declared parameter as the oracle reads it. */
    record Declared(String name, Map<String, Object> declaration) {
        String type() {
            return String.valueOf(declaration.getOrDefault("Type", "String"));
        }

        boolean isList() {
            return type().startsWith("List<") || type().equals("CommaDelimitedList");
        }

        boolean isNumber() {
            return type().equals("Number") || type().equals("List<Number>");
        }

        boolean isKnowable() {
            return !type().startsWith("AWS::SSM::Parameter::") && !type().startsWith("List<AWS::SSM");
        }
    }

    private final Map<String, List<String>> candidates = new LinkedHashMap<>();
    private final Map<String, Declared> declared = new LinkedHashMap<>();

    private Deployments() {
    }

    /**
     * The candidates of every parameter of a plain template; {@code pinned} values (a fixture's parameter file) are
     * the only candidate of their parameter.
     */
    @SuppressWarnings("unchecked")
    static Deployments of(Map<String, Object> template, Map<String, String> pinned) {
        Deployments d = new Deployments();
        Set<String> literals = new TreeSet<>();
        collectLiterals(template.get("Conditions"), literals, false);
        collectLiterals(template.get("Resources"), literals, false);
        if (template.get("Mappings") instanceof Map<?, ?> maps) {
            for (Object top : maps.values()) {
                if (top instanceof Map<?, ?> t) {
                    t.forEach((k, v) -> {
                        literals.add(String.valueOf(k));
                        if (v instanceof Map<?, ?> second) {
                            second.keySet().forEach(s -> literals.add(String.valueOf(s)));
                        }
                    });
                }
            }
        }
        Set<String> used = new LinkedHashSet<>();
        collectRefs(template.get("Conditions"), used);
        collectRefs(template.get("Resources"), used);
        Map<String, Object> params = template.get("Parameters") instanceof Map<?, ?> p
                ? (Map<String, Object>) p : Map.of();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> decl)) {
                continue;
            }
            Declared p = new Declared(e.getKey(), (Map<String, Object>) decl);
            d.declared.put(p.name(), p);
            if (!p.isKnowable()) {
                continue;
            }
            List<String> c = pinned.containsKey(p.name()) ? List.of(pinned.get(p.name()))
                    : d.candidatesOf(p, literals, used.contains(p.name()));
            if (!c.isEmpty()) {
                d.candidates.put(p.name(), c);
            }
        }
        d.pseudo(used, literals, pinned);
        return d;
    }

    private List<String> candidatesOf(Declared p, Set<String> literals, boolean used) {
        Set<String> raw = new LinkedHashSet<>();
        Object def = p.declaration().get("Default");
        if (def != null) {
            raw.add(ConcreteEvaluator.text(def) != null ? ConcreteEvaluator.text(def) : listText(def));
        }
        if (p.declaration().get("AllowedValues") instanceof List<?> allowed) {
            allowed.forEach(a -> raw.add(ConcreteEvaluator.text(a)));
        } else if (used) {
            for (String bound : new String[] {"MinValue", "MaxValue"}) {
                BigDecimal b = number(p.declaration().get(bound));
                if (b != null) {
                    raw.add(b.toPlainString());
                    raw.add(b.subtract(BigDecimal.ONE).toPlainString());
                    raw.add(b.add(BigDecimal.ONE).toPlainString());
                }
            }
            raw.addAll(List.of("0", "1", "2", "3"));
            raw.addAll(literals);
            raw.add(OTHER);
            raw.addAll(PROBES);
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            if (v != null && admits(p, v)) {
                out.add(v);
            }
        }
        return used || out.isEmpty() ? out : out.subList(0, 1);
    }

    private void pseudo(Set<String> used, Set<String> literals, Map<String, String> pinned) {
        List<String> regions = new ArrayList<>();
        if (pinned.containsKey("AWS::Region")) {
            regions.add(pinned.get("AWS::Region"));
        } else {
            regions.add("us-east-1");
            if (used.contains("AWS::Region")) {
                literals.stream().filter(l -> REGION.matcher(l).matches() && !l.equals("us-east-1"))
                        .forEach(regions::add);
            }
        }
        candidates.put("AWS::Region", regions);
        candidates.put("AWS::AccountId", List.of(pinned.getOrDefault("AWS::AccountId", "123456789012")));
        candidates.put("AWS::StackName", List.of(pinned.getOrDefault("AWS::StackName", "stack")));
    }

    /** The values of Ref for a deployment: parameters (lists split), pseudo-parameters derived from the region. */
    Map<String, Object> refs(Map<String, String> deployment) {
        Map<String, Object> refs = new LinkedHashMap<>();
        deployment.forEach((k, v) -> {
            Declared p = declared.get(k);
            refs.put(k, p == null ? v : p.isList() ? splitList(v) : p.isNumber() ? numberOrText(v) : v);
        });
        String region = deployment.get("AWS::Region");
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        refs.put("AWS::Partition", partition);
        refs.put("AWS::URLSuffix", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
        refs.put("AWS::StackId", "arn:" + partition + ":cloudformation:" + region + ":"
                + deployment.get("AWS::AccountId") + ":stack/" + deployment.get("AWS::StackName") + "/1");
        return refs;
    }

    /** The values to pin in the concrete run: every concretised parameter and pseudo-parameter. */
    static Map<String, String> pins(Map<String, String> deployment) {
        return new LinkedHashMap<>(deployment);
    }

    /** The number of deployments (the product of candidate counts), saturating above the bound. */
    long size() {
        long n = 1;
        for (List<String> c : candidates.values()) {
            n *= c.size();
            if (n > MAX_DEPLOYMENTS) {
                return n;
            }
        }
        return n;
    }

    /** The first deployment of {@link #all()}: every parameter at its first candidate. */
    Map<String, String> first() {
        Map<String, String> m = new LinkedHashMap<>();
        candidates.forEach((k, v) -> m.put(k, v.get(0)));
        return m;
    }

    /** Every deployment, in a fixed order. */
    List<Map<String, String>> all() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : candidates.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The candidates of each parameter. */
    Map<String, List<String>> candidates() {
        return candidates;
    }

    /** Whether a parameter is declared (or a pseudo-parameter the oracle concretises). */
    boolean knows(String name) {
        return candidates.containsKey(name);
    }

    /** Whether the parameter's declaration admits a value: type, bounds, AllowedValues, pattern, lengths. */
    boolean admits(String name, String value) {
        Declared p = declared.get(name);
        return p == null ? name.startsWith("AWS::") : admits(p, value);
    }

    static boolean admits(Declared p, String value) {
        Map<String, Object> d = p.declaration();
        if (d.get("AllowedValues") instanceof List<?> allowed
                && allowed.stream().noneMatch(a -> value.equals(ConcreteEvaluator.text(a)))) {
            return false;
        }
        List<String> items = p.isList() ? splitList(value) : List.of(value);
        for (String item : items) {
            if (p.isNumber()) {
                BigDecimal n = number(item);
                BigDecimal min = number(d.get("MinValue"));
                BigDecimal max = number(d.get("MaxValue"));
                if (n == null || (min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
                    return false;
                }
            }
        }
        if (d.get("AllowedPattern") instanceof String pattern) {
            try {
                if (!Pattern.compile(pattern).matcher(value).matches()) {
                    return false;
                }
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        BigDecimal minLength = number(d.get("MinLength"));
        BigDecimal maxLength = number(d.get("MaxLength"));
        return (minLength == null || value.length() >= minLength.intValue())
                && (maxLength == null || value.length() <= maxLength.intValue());
    }

    private static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            out.add(s.strip());
        }
        return out;
    }

    /** A Number parameter's value as the number a template author would write (its text when it is not one). */
    private static Object numberOrText(String v) {
        BigDecimal n = number(v);
        return n == null ? v : n;
    }

    private static String listText(Object v) {
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(String.valueOf(ConcreteEvaluator.text(o))));
            return String.join(",", parts);
        }
        return null;
    }

    private static BigDecimal number(Object v) {
        String t = ConcreteEvaluator.text(v);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void collectLiterals(Object v, Set<String> out, boolean inEquals) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> collectLiterals(x, out, "Fn::Equals".equals(k)));
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                String t = inEquals ? ConcreteEvaluator.text(o) : null;
                if (t != null) {
                    out.add(t);
                } else {
                    collectLiterals(o, out, false);
                }
            }
        }
    }

    private static void collectRefs(Object v, Set<String> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                if ("Ref".equals(k) && x instanceof String s) {
                    out.add(s);
                } else if ("Fn::Sub".equals(k)) {
                    Object text = x instanceof List<?> l && !l.isEmpty() ? l.get(0) : x;
                    if (text instanceof String s) {
                        Matcher matcher = SUB_VAR.matcher(s);
                        while (matcher.find()) {
                            out.add(matcher.group(1));
                        }
                    }
                    collectRefs(x, out);
                } else {
                    collectRefs(x, out);
                }
            });
        } else if (v instanceof List<?> l) {
            l.forEach(o -> collectRefs(o, out));
        }
    }
}
