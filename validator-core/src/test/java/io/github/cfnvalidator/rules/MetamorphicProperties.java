package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.rules.MetamorphicSources.Site;
import io.github.cfnvalidator.rules.MetamorphicSources.Source;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Metamorphic properties over every rule fixture and the shared corpus. Rewrites that cannot change what
 * CloudFormation deploys (an {@code Fn::If} with equal branches on a fresh condition, a literal replaced by a
 * parameter that admits only it or by a one-entry mapping, a key written twice with a decoy first) must not change
 * any finding's rule, severity, verdict or resource; rewrites that widen what may be deployed (a literal replaced by
 * a parameter admitting it and more, an {@code Fn::If} with another value on its other branch) must keep every
 * failure. Positions and messages may change. Each property runs {@value #TRIES} tries (about 1-3 ms each).
 */
class MetamorphicProperties {
    static final int TRIES = 500;
    private static final List<Source> SOURCES = MetamorphicSources.load();
    private static final List<Object> DECOYS = List.of("1", BigInteger.ZERO, "latest", "ml.t2.medium",
            "decoy", Map.of("Ref", "AWS::NoValue"), Map.of(), List.of());

    /** A source, a site in it and the choices a rewrite makes. */
    record Case(Source source, Site site, Object other, boolean allowedValues, int pick) {
        @Override
        public String toString() {
            return source.name() + " at " + site + " (other " + other + ", AllowedValues " + allowedValues
                    + ", pick " + pick + ")";
        }
    }

    @Provide
    Arbitrary<Case> values() {
        return cases(Source::values);
    }

    @Provide
    Arbitrary<Case> scalars() {
        return cases(Source::scalars);
    }

    @Provide
    Arbitrary<Case> maps() {
        return cases(s -> s.maps().stream().filter(m -> !((Map<?, ?>) m.value()).isEmpty()).toList());
    }

    private static Arbitrary<Case> cases(Function<Source, List<Site>> sites) {
        List<Source> usable = SOURCES.stream().filter(s -> !sites.apply(s).isEmpty()).toList();
        return Arbitraries.of(usable).flatMap(s -> Combinators.combine(Arbitraries.of(sites.apply(s)),
                Arbitraries.of(DECOYS), Arbitraries.of(true, false), Arbitraries.integers().between(0, 63))
                .as((site, other, av, pick) -> new Case(s, site, other, av, pick)));
    }

    @Property(tries = TRIES)
    void ifWithEqualBranchesChangesNoFinding(@ForAll("values") Case c) {
        Map<String, Object> t = rewrite(c, (copy, value) -> ifOnFreshCondition(copy, value, value));
        assertSameFindings(c, t);
    }

    @Property(tries = TRIES)
    void parameterAdmittingOnlyTheLiteralChangesNoFinding(@ForAll("scalars") Case c) {
        Map<String, Object> t = rewrite(c, (copy, value) -> refToFreshParameter(copy, value, List.of(value)));
        assertSameFindings(c, t);
    }

    @Property(tries = TRIES)
    void oneEntryMappingChangesNoFinding(@ForAll("scalars") Case c) {
        Map<String, Object> t = rewrite(c, (copy, value) -> {
            String map = MetamorphicSources.fresh(copy, "Mappings", "MmMap");
            MetamorphicSources.declare(copy, "Mappings", map, Map.of("Only", Map.of("Value", value)));
            return Map.of("Fn::FindInMap", List.of(map, "Only", "Value"));
        });
        assertSameFindings(c, t);
    }

    @Property(tries = TRIES)
    @SuppressWarnings("unchecked")
    void duplicateKeyWithDecoyFirstChangesNoOtherFinding(@ForAll("maps") Case c) {
        Map<String, Object> copy = (Map<String, Object>) MetamorphicSources.copy(c.source().plain());
        Map<String, Object> map = (Map<String, Object>) MetamorphicSources.get(copy, c.site().path());
        List<String> keys = new ArrayList<>(map.keySet());
        String key = keys.get(c.pick() % keys.size());
        Object duplicated = new PlainJson.Duplicated(map, key, c.other());
        Object document = c.site().path().isEmpty() ? duplicated : copy;
        if (!c.site().path().isEmpty()) {
            MetamorphicSources.set(copy, c.site().path(), duplicated);
        }
        Set<String> after = MetamorphicSources.signature(MetamorphicSources.check(c.source().validator(), document,
                c.source().pinned(), c.source().name()));
        // a suppression of template_duplicate_key is used or unused as the text has duplicates or not
        assertThat(withoutUnusedSuppressions(after)).as("%s, key %s written twice", c, key)
                .isEqualTo(withoutUnusedSuppressions(c.source().findings()));
    }

    @Property(tries = TRIES)
    void parameterAdmittingMoreKeepsEveryFailure(@ForAll("scalars") Case c) {
        Map<String, Object> t = rewrite(c, (copy, value) -> refToFreshParameter(copy, value,
                c.allowedValues() ? List.of(value, widen(value)) : null));
        assertKeepsFailures(c, t);
    }

    @Property(tries = TRIES)
    void ifWithAnotherBranchKeepsEveryFailure(@ForAll("values") Case c) {
        Map<String, Object> t = rewrite(c, (copy, value) -> ifOnFreshCondition(copy, value, c.other()));
        assertKeepsFailures(c, t);
    }

    private interface Rewrite {
        Object apply(Map<String, Object> copy, Object value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rewrite(Case c, Rewrite r) {
        Map<String, Object> copy = (Map<String, Object>) MetamorphicSources.copy(c.source().plain());
        Object replacement = r.apply(copy, MetamorphicSources.copy(c.site().value()));
        MetamorphicSources.set(copy, c.site().path(), replacement);
        return copy;
    }

    private static Object ifOnFreshCondition(Map<String, Object> copy, Object then, Object otherwise) {
        String p = MetamorphicSources.fresh(copy, "Parameters", "MmSwitch");
        String cond = MetamorphicSources.fresh(copy, "Conditions", "MmOn");
        MetamorphicSources.declare(copy, "Parameters", p, Map.of("Type", "String", "AllowedValues",
                List.of("on", "off")));
        MetamorphicSources.declare(copy, "Conditions", cond, Map.of("Fn::Equals", List.of(Map.of("Ref", p), "on")));
        return Map.of("Fn::If", List.of(cond, then, otherwise));
    }

    /** {@code !Ref P} for a fresh parameter of the literal's type; {@code allowed} null means any value. */
    private static Object refToFreshParameter(Map<String, Object> copy, Object literal, List<Object> allowed) {
        String p = MetamorphicSources.fresh(copy, "Parameters", "MmValue");
        Map<String, Object> decl = new LinkedHashMap<>();
        decl.put("Type", literal instanceof Number ? "Number" : "String");
        if (allowed != null) {
            decl.put("AllowedValues", allowed);
        } else {
            decl.put("Default", literal);
        }
        MetamorphicSources.declare(copy, "Parameters", p, decl);
        return Map.of("Ref", p);
    }

    /** Another value of the literal's type. */
    private static Object widen(Object literal) {
        if (literal instanceof Number n) {
            return new BigDecimal(n.toString()).add(BigDecimal.TEN);
        }
        return literal + "-other";
    }

    private static Set<String> withoutUnusedSuppressions(Set<String> signature) {
        Set<String> out = new java.util.TreeSet<>(signature);
        out.removeIf(x -> x.startsWith(MetamorphicSources.UNUSED_SUPPRESSION_RULE + " "));
        return out;
    }

    private static void assertSameFindings(Case c, Map<String, Object> rewritten) {
        Set<String> after = MetamorphicSources.signature(MetamorphicSources.check(c.source().validator(), rewritten,
                c.source().pinned(), c.source().name()));
        assertThat(after).as("%s\nrewritten value: %s", c, MetamorphicSources.get(rewritten, c.site().path()))
                .isEqualTo(c.source().findings());
    }

    /** Every failure stays a failure; every finding, failing or unresolved, stays reported. */
    private static void assertKeepsFailures(Case c, Map<String, Object> rewritten) {
        Set<String> after = MetamorphicSources.signature(MetamorphicSources.check(c.source().validator(), rewritten,
                c.source().pinned(), c.source().name()));
        Object value = MetamorphicSources.get(rewritten, c.site().path());
        assertThat(MetamorphicSources.failures(after)).as("%s\nrewritten value: %s", c, value)
                .containsAll(MetamorphicSources.failures(c.source().findings()));
        assertThat(MetamorphicSources.reported(after)).as("%s\nrewritten value: %s", c, value)
                .containsAll(MetamorphicSources.reported(c.source().findings()));
    }
}
