package io.github.cfnvalidator.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateParseException;
import io.github.cfnvalidator.template.TemplateReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The concrete-evaluation oracle: the validator's verdict on a template (the symbolic run over every deployment) must
 * equal the verdicts of the same rules on the template evaluated concretely for each enumerated deployment
 * ({@link Deployments}, {@link ConcreteEvaluator}): a rule fails on a resource exactly when some deployment fails it,
 * with the same severity, and each witness the validator names is a failing deployment. A finding that says a value
 * cannot be verified counts as reported, never as passed, on either side.
 */
final class ConcreteOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TemplateReader READER = new TemplateReader();

    /** What one rule concluded about one resource: failed (with the worst severity), or could not verify. */
    enum Kind { FAIL, UNRESOLVED }

    /** The outcome of checking one template. */
    record Result(String name, boolean checked, String skipReason, int deployments, int rejected,
                  List<String> problems, List<String> cautious) {
        Result(String name, boolean checked, String skipReason, int deployments, int rejected,
               List<String> problems) {
            this(name, checked, skipReason, deployments, rejected, problems, List.of());
        }
    }

    private final Validator validator;
    private final Predicate<Map<String, Object>> inScope;
    private final Map<String, Map<String, Verdict>> cache = new HashMap<>();

    private record Verdict(Kind kind, Severity severity) {
    }

    /**
     * @param validator the validator with the rules to compare
     * @param inScope   whether a template has resources the rules read; for one that has none only its first
     *                  deployment is tried (the rules must find nothing in it, and the validator nothing at all)
     */
    ConcreteOracle(Validator validator, Predicate<Map<String, Object>> inScope) {
        this.validator = validator;
        this.inScope = inScope;
    }

    /** Checks one template's text, with {@code pinned} parameter values given to both runs. */
    @SuppressWarnings("unchecked")
    Result check(String name, String text, Map<String, String> pinned) {
        Node document;
        Template template;
        try {
            document = READER.readDocument(name, text);
            template = Template.of(document);
        } catch (TemplateParseException e) {
            return new Result(name, false, "unreadable", 0, 0, List.of());
        }
        List<Finding> findings = validator.check(template, ParameterValues.of(pinned, "fixture"));
        Map<String, Verdict> symbolic = verdicts(findings);
        Map<String, List<Finding>> symbolicFindings = byKey(findings);
        Map<String, Object> plain = (Map<String, Object>) document.toPlain();
        Deployments deployments = Deployments.of(plain, pinned);
        boolean enumerate = inScope.test(plain);
        if (enumerate && deployments.size() > Deployments.MAX_DEPLOYMENTS) {
            return new Result(name, false, "more than " + Deployments.MAX_DEPLOYMENTS + " deployments", 0, 0,
                    List.of());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Verdict> concrete = new TreeMap<>();
        Map<String, List<Map<String, String>>> failing = new HashMap<>();
        int rejected = 0;
        List<Map<String, String>> all = enumerate ? deployments.all() : firstAccepted(plain, deployments);
        for (Map<String, String> d : all) {
            Map<String, Verdict> v = concreteVerdicts(plain, deployments, d, problems);
            if (v == null) {
                rejected++;
                continue;
            }
            v.forEach((key, verdict) -> {
                concrete.merge(key, verdict, ConcreteOracle::worse);
                if (verdict.kind() == Kind.FAIL) {
                    failing.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
                }
            });
        }
        if (rejected == all.size()) {
            return new Result(name, false, "CloudFormation would refuse every deployment tried (a mapping key or "
                    + "list index missing for the pseudo-parameter values the oracle fixes)", all.size(), rejected,
                    problems);
        }
        List<String> cautious = new ArrayList<>();
        compare(symbolic, concrete, failing, problems, cautious);
        for (Map.Entry<String, List<Finding>> e : symbolicFindings.entrySet()) {
            if (symbolic.get(e.getKey()).kind() == Kind.FAIL && failing.containsKey(e.getKey())) {
                for (Finding f : e.getValue()) {
                    checkWitness(plain, deployments, all, e.getKey(), f, problems);
                }
            }
        }
        return new Result(name, true, null, all.size(), rejected, problems, cautious);
    }

    /** The first deployment CloudFormation accepts (of the first 64), for a template no rule reads. */
    private List<Map<String, String>> firstAccepted(Map<String, Object> plain, Deployments deployments) {
        if (deployments.size() <= 64) {
            for (Map<String, String> d : deployments.all()) {
                if (concreteVerdicts(plain, deployments, d, new ArrayList<>()) != null) {
                    return List.of(d);
                }
            }
        }
        return List.of(deployments.first());
    }

    private static void compare(Map<String, Verdict> symbolic, Map<String, Verdict> concrete,
                                Map<String, List<Map<String, String>>> failing, List<String> problems,
                                List<String> cautious) {
        Set<String> keys = new TreeSet<>(symbolic.keySet());
        keys.addAll(concrete.keySet());
        for (String key : keys) {
            Verdict s = symbolic.get(key);
            Verdict c = concrete.get(key);
            if (s != null && s.kind() == Kind.UNRESOLVED && c == null) {
                cautious.add(key + ": cannot be verified, yet every deployment passes");
            } else if (s == null && c != null && c.kind() == Kind.FAIL) {
                problems.add(key + ": passes, but fails when " + failing.get(key).get(0));
            } else if (s == null && c != null) {
                problems.add(key + ": passes, but cannot be verified in some deployment");
            } else if (s != null && s.kind() == Kind.FAIL && c == null) {
                problems.add(key + ": fails (" + s.severity().label() + "), but no deployment fails it");
            } else if (s != null && c != null && s.kind() == Kind.FAIL && c.kind() == Kind.FAIL
                    && s.severity() != c.severity()) {
                problems.add(key + ": fails as " + s.severity().label() + ", deployments fail as "
                        + c.severity().label());
            }
        }
    }

    private Map<String, Verdict> concreteVerdicts(Map<String, Object> plain, Deployments deployments,
                                                  Map<String, String> d, List<String> problems) {
        Map<String, Object> evaluated;
        try {
            evaluated = new ConcreteEvaluator(deployments.refs(d), plain).template(plain);
        } catch (ConcreteEvaluator.Rejected e) {
            return null;
        }
        if (evaluated.get("Resources") instanceof Map<?, ?> r && r.isEmpty()) {
            return null; // CloudFormation refuses a stack whose conditions remove every resource
        }
        String json;
        try {
            json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(evaluated);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> pins = new TreeMap<>();
        d.forEach((k, v) -> {
            if (json.contains(k)) {
                pins.put(k, v);
            }
        });
        String cacheKey = json + "\u0000" + pins;
        Map<String, Verdict> cached = cache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Template t;
        try {
            t = Template.of(READER.readDocument("concrete.json", json));
        } catch (TemplateParseException e) {
            problems.add("the concrete template for " + d + " does not read: " + e.getMessage());
            return null;
        }
        Map<String, Verdict> v = verdicts(validator.check(t, ParameterValues.of(Deployments.pins(d), "deployment")));
        cache.put(cacheKey, v);
        return v;
    }

    /** Whether the witness in a finding's message names a deployment that fails the rule on the resource. */
    private void checkWitness(Map<String, Object> plain, Deployments deployments, List<Map<String, String>> all,
                              String key, Finding f, List<String> problems) {
        for (String segment : f.message().split(";")) {
            Map<String, String> fixed = new LinkedHashMap<>();
            Map<String, Set<String>> excluded = new LinkedHashMap<>();
            parseWitness(segment, deployments, fixed, excluded);
            if (fixed.isEmpty() && excluded.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, String> e : fixed.entrySet()) {
                if (!deployments.admits(e.getKey(), e.getValue())) {
                    problems.add(key + ": witness " + e.getKey() + "=" + e.getValue() + " is not admissible ("
                            + f.message() + ")");
                    return;
                }
            }
            boolean fails = false;
            Set<Map<String, String>> tried = new LinkedHashSet<>();
            for (Map<String, String> base : all) {
                Map<String, String> d = new LinkedHashMap<>(base);
                d.putAll(fixed);
                if (excluded.entrySet().stream().anyMatch(x -> x.getValue().contains(d.get(x.getKey())))
                        || !tried.add(d) || tried.size() > 512) {
                    continue;
                }
                Map<String, Verdict> v = concreteVerdicts(plain, deployments, d, problems);
                if (v != null && v.get(key) != null && v.get(key).kind() == Kind.FAIL) {
                    fails = true;
                    break;
                }
            }
            if (!fails) {
                problems.add(key + ": no deployment matching the witness '" + segment.strip() + "' fails ("
                        + fixed + ", excluding " + excluded + ")");
            }
        }
    }

    private static void parseWitness(String text, Deployments deployments, Map<String, String> fixed,
                                     Map<String, Set<String>> excluded) {
        List<String> names = new ArrayList<>(deployments.candidates().keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : names) {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9:])" + Pattern.quote(name) + "(=|\u2260)([^\\s,;()]+)")
                    .matcher(text);
            while (m.find()) {
                String value = m.group(2).replaceAll("[:.]$", "");
                if (m.group(1).equals("=")) {
                    fixed.putIfAbsent(name, value);
                } else {
                    excluded.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
                }
            }
        }
    }

    private static Verdict worse(Verdict a, Verdict b) {
        if (a.kind() != b.kind()) {
            return a.kind() == Kind.FAIL ? a : b;
        }
        return a.severity().compareTo(b.severity()) >= 0 ? a : b;
    }

    /** Whether a finding says that a value cannot be verified before deploy (reported, not passed). */
    static boolean unresolved(Finding f) {
        String m = f.fullMessage();
        return m.contains("cannot be verified before deploy") || m.contains("undecidable before deploy")
                || m.contains(" is unresolved: ");
    }

    /** A finding's comparison key: rule id and resource. */
    static String key(Finding f) {
        return f.ruleId() + " on " + (f.resource() == null ? "-" : f.resource());
    }

    /**
     * Findings about how the text is written, not about what deploys (the concrete template is written anew, without
     * duplicate keys): {@code template_duplicate_key}, and {@code suppression_unused}, which a suppression of it
     * becomes once there is nothing to suppress.
     */
    private static boolean aboutText(Finding f) {
        return MetamorphicSources.aboutText(f.ruleId());
    }

    private static Map<String, Verdict> verdicts(List<Finding> findings) {
        Map<String, Verdict> out = new TreeMap<>();
        for (Finding f : findings) {
            if (aboutText(f)) {
                continue;
            }
            Verdict v = new Verdict(unresolved(f) ? Kind.UNRESOLVED : Kind.FAIL, f.severity());
            out.merge(key(f), v, ConcreteOracle::worse);
        }
        return out;
    }

    private static Map<String, List<Finding>> byKey(List<Finding> findings) {
        Map<String, List<Finding>> out = new TreeMap<>();
        for (Finding f : findings) {
            if (!unresolved(f) && !aboutText(f)) {
                out.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }
}
