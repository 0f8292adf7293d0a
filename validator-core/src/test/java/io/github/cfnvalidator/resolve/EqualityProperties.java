package io.github.cfnvalidator.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.template.TemplateReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Symbolic equality over generated expressions: two strings built of the same parts, each spelled at random as an
 * inline {@code Fn::Sub}, an {@code Fn::Sub} with a variable map, an {@code Fn::Join}, or a nesting of those, are
 * EQUAL in every class of deployments; changing one part makes them differ where the part differs: DIFFERENT for a
 * literal character, UNDECIDED for a different free parameter, pseudo-parameter or resource attribute, and forked
 * with the right witness for a parameter with AllowedValues replaced by one of its values. And an oracle that shares no
 * code with the resolver: every EQUAL or DIFFERENT case agrees with concrete evaluation of the parts under every
 * combination of sample values its scenario admits.
 */
class EqualityProperties {
    private static final String HEADER = "Parameters:\n  P1: {Type: String}\n  P2: {Type: String}\n"
            + "  E: {Type: String, AllowedValues: [x, y]}\n"
            + "Resources:\n  Q: {Type: T}\n  Q2: {Type: T}\n"
            + "  Gen: {Type: 'AWS::SageMaker::Endpoint', Properties: {EndpointConfigName: c}}\n"
            + "  R:\n    Type: T\n    Properties:\n";
    private static final String ALPHABET = "ab-/";

    /** A part of a generated string. */
    sealed interface Part {
    }

    /** Literal text. */
    record Lit(String text) implements Part {
    }

    /** A parameter or pseudo-parameter. */
    record Ref(String name) implements Part {
    }

    /** {@code Fn::GetAtt resource.attribute}. */
    record Att(String resource, String attribute) implements Part {
        String key() {
            return resource + "." + attribute;
        }
    }

    @Provide
    Arbitrary<List<Part>> parts() {
        Arbitrary<Part> lit = Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(3).map(Lit::new);
        Arbitrary<Part> ref = Arbitraries.of("P1", "P2", "E", "AWS::StackName", "AWS::Region", "Gen").map(Ref::new);
        Arbitrary<Part> att = Arbitraries.of(new Att("Q", "Arn"), new Att("Q2", "Arn"),
                new Att("Gen", "EndpointName"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, lit), net.jqwik.api.Tuple.of(3, ref),
                net.jqwik.api.Tuple.of(1, att)).list().ofMinSize(1).ofMaxSize(5);
    }

    /** The choices that pick a spelling (all randomness comes from jqwik). */
    @Provide
    Arbitrary<List<Integer>> spelling() {
        return Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(12);
    }

    // ------------------------------------------------------------------------------------------------ rendering

    /** Renders parts as one YAML flow expression, choosing a spelling from {@code choices}. */
    static String render(List<Part> parts, Iterator<Integer> choices, int depth) {
        int style = depth > 2 ? 0 : next(choices) % 4;
        if (parts.size() == 1 && style == 3) {
            return item(parts.get(0));
        }
        switch (style) {
            case 1:
                return subWithMap(parts, choices, depth);
            case 2:
            case 3:
                return join(parts, choices, depth);
            default:
                return "!Sub '" + subText(parts) + "'";
        }
    }

    private static int next(Iterator<Integer> choices) {
        return choices.hasNext() ? choices.next() : 0;
    }

    private static String subText(List<Part> parts) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Lit l) {
                sb.append(l.text());
            } else if (p instanceof Ref r) {
                sb.append("${").append(r.name()).append('}');
            } else {
                sb.append("${").append(((Att) p).key()).append('}');
            }
        }
        return sb.toString();
    }

    private static String item(Part p) {
        if (p instanceof Lit l) {
            return "'" + l.text() + "'";
        }
        if (p instanceof Ref r) {
            return "!Ref '" + r.name() + "'";
        }
        return "!GetAtt " + ((Att) p).key();
    }

    /** Consecutive chunks of the parts, cut where the choices say. */
    private static List<List<Part>> chunks(List<Part> parts, Iterator<Integer> choices) {
        List<List<Part>> out = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        for (Part p : parts) {
            current.add(p);
            if (next(choices) % 2 == 0) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String join(List<Part> parts, Iterator<Integer> choices, int depth) {
        List<String> items = new ArrayList<>();
        for (List<Part> chunk : chunks(parts, choices)) {
            items.add(chunk.size() == 1 && next(choices) % 2 == 0 ? item(chunk.get(0))
                    : render(chunk, choices, depth + 1));
        }
        return "!Join ['', [" + String.join(", ", items) + "]]";
    }

    private static String subWithMap(List<Part> parts, Iterator<Integer> choices, int depth) {
        StringBuilder text = new StringBuilder();
        List<String> vars = new ArrayList<>();
        for (List<Part> chunk : chunks(parts, choices)) {
            if (chunk.size() == 1 && chunk.get(0) instanceof Lit l) {
                text.append(l.text());
                continue;
            }
            String name = "v" + vars.size();
            text.append("${").append(name).append('}');
            vars.add(name + ": " + render(chunk, choices, depth + 1));
        }
        return "!Sub ['" + text + "', {" + String.join(", ", vars) + "}]";
    }

    // ------------------------------------------------------------------------------------------------ comparing

    private static Equality compare(String a, String b) throws Exception {
        Resolver r = Resolver.of(new TemplateReader().read("t.yaml", HEADER + "      A: " + a + "\n      B: " + b
                + "\n"), ParameterValues.empty());
        ResourceInstance res = r.resource("R").orElseThrow();
        return r.equal(res, res.resource().propertiesMap().get("A"), res, res.resource().propertiesMap().get("B"),
                Scenario.ANY);
    }

    private static Equality spelledTwice(List<Part> a, List<Part> b, List<Integer> spelling) throws Exception {
        List<Integer> reversed = new ArrayList<>(spelling);
        java.util.Collections.reverse(reversed);
        return compare(render(a, spelling.iterator(), 0), render(b, reversed.iterator(), 0));
    }

    @Property(tries = 300)
    void theSamePartsAreEqualInEveryDeployment(@ForAll("parts") List<Part> parts,
                                               @ForAll("spelling") List<Integer> spelling) throws Exception {
        Equality e = spelledTwice(parts, parts, spelling);
        assertThat(e.cases()).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).as(c.reason())
                .isEqualTo(Equality.Verdict.EQUAL));
    }

    @Property(tries = 300)
    void aChangedLiteralCharacterIsDifferentInEveryDeployment(@ForAll("parts") List<Part> parts,
            @ForAll("spelling") List<Integer> spelling, @ForAll int where) throws Exception {
        parts = ensure(parts, p -> p instanceof Lit, new Lit("ab"), where);
        List<Integer> lits = indexes(parts, p -> p instanceof Lit);
        int i = lits.get(Math.floorMod(where, lits.size()));
        String text = ((Lit) parts.get(i)).text();
        int k = Math.floorMod(where, text.length());
        char other = ALPHABET.charAt((ALPHABET.indexOf(text.charAt(k)) + 1) % ALPHABET.length());
        List<Part> changed = replace(parts, i, new Lit(text.substring(0, k) + other + text.substring(k + 1)));
        Equality e = spelledTwice(parts, changed, spelling);
        assertThat(e.cases()).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).as(c.reason())
                .isEqualTo(Equality.Verdict.DIFFERENT));
    }

    @Property(tries = 300)
    void anotherFreeValueIsUndecidedInEveryDeployment(@ForAll("parts") List<Part> parts,
            @ForAll("spelling") List<Integer> spelling, @ForAll int where) throws Exception {
        java.util.function.Predicate<Part> isFree = p -> p instanceof Att a && a.attribute().equals("Arn")
                || p instanceof Ref r && !r.name().equals("E") && !r.name().equals("Gen");
        parts = ensure(parts, isFree, new Ref("P1"), where);
        List<Integer> free = indexes(parts, isFree);
        int i = free.get(Math.floorMod(where, free.size()));
        Part p = parts.get(i);
        Part swapped = p instanceof Att a ? new Att(a.resource().equals("Q") ? "Q2" : "Q", "Arn")
                : new Ref(switch (((Ref) p).name()) {
                    case "P1" -> "P2";
                    case "P2" -> "P1";
                    case "AWS::StackName" -> "AWS::Region";
                    default -> "AWS::StackName";
                });
        Equality e = spelledTwice(parts, replace(parts, i, swapped), spelling);
        assertThat(e.cases()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.verdict()).as(c.reason()).isEqualTo(Equality.Verdict.UNDECIDED);
            assertThat(c.reason()).contains(p instanceof Att a ? a.key() : ((Ref) p).name());
        });
        assertThat(e.decisions("A = B")).allSatisfy(d -> assertThat(d.scenario().describe())
                .contains("undecidable before deploy"));
    }

    @Property(tries = 300)
    void aParameterWithAllowedValuesAgainstOneValueForksWithTheWitness(@ForAll("parts") List<Part> parts,
            @ForAll("spelling") List<Integer> spelling, @ForAll int where) throws Exception {
        java.util.function.Predicate<Part> isE = p -> p instanceof Ref r && r.name().equals("E");
        parts = ensure(parts, isE, new Ref("E"), where);
        List<Integer> finite = indexes(parts, isE);
        int i = finite.get(Math.floorMod(where, finite.size()));
        Equality e = spelledTwice(parts, replace(parts, i, new Lit("x")), spelling);
        assertThat(e.cases()).isNotEmpty().allSatisfy(c -> {
            String value = c.scenario().fixedValue("E").orElseThrow();
            assertThat(c.verdict()).as(c.reason()).isEqualTo(value.equals("x") ? Equality.Verdict.EQUAL
                    : Equality.Verdict.DIFFERENT);
        });
        assertThat(e.cases()).extracting(c -> c.scenario().fixedValue("E").orElseThrow())
                .contains("x", "y");
    }

    /** Sample values per atom, within what CloudFormation admits (stack names and regions hold no colon). */
    private static final java.util.Map<String, List<String>> SAMPLES = java.util.Map.of(
            "P1", List.of("", "a", "b", "ab", "a-"), "P2", List.of("", "a", "b", "ab", "/"),
            "E", List.of("x", "y"), "AWS::StackName", List.of("s", "ab"), "AWS::Region", List.of("r", "a"),
            "Q.Arn", List.of("", "a", "arn:q"), "Q2.Arn", List.of("b", "arn:q"),
            "Gen.EndpointName", List.of("s-Gen-X7Q2"), "Gen", List.of("arn:aws:sagemaker:r:1:endpoint/s-gen-x7q2"));

    /** The string the parts make when every atom takes the value in {@code values}: evaluated concretely. */
    private static String concrete(List<Part> parts, java.util.Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(p instanceof Lit l ? l.text() : values.get(p instanceof Ref r ? r.name() : ((Att) p).key()));
        }
        return sb.toString();
    }

    /** Every combination of sample values that the scenario admits. */
    private static List<java.util.Map<String, String>> deployments(Scenario s) {
        List<java.util.Map<String, String>> out = new ArrayList<>();
        out.add(new java.util.HashMap<>());
        for (var e : SAMPLES.entrySet()) {
            List<java.util.Map<String, String>> next = new ArrayList<>();
            for (var d : out) {
                for (String v : e.getValue()) {
                    if (s.fixedValue(e.getKey()).map(v::equals).orElse(true)
                            && !s.excludedValues(e.getKey()).contains(v)) {
                        var m = new java.util.HashMap<>(d);
                        m.put(e.getKey(), v);
                        next.add(m);
                    }
                }
            }
            out = next;
        }
        return out;
    }

    @Property(tries = 200)
    void equalAndDifferentAgreeWithConcreteEvaluation(@ForAll("parts") List<Part> a, @ForAll("parts") List<Part> b,
            @ForAll("spelling") List<Integer> spelling, @ForAll int how) throws Exception {
        List<Part> other = switch (Math.floorMod(how, 3)) {
            case 0 -> a;
            case 1 -> replace(a, Math.floorMod(how, a.size()), b.get(0));
            default -> b;
        };
        Equality e = spelledTwice(a, other, spelling);
        net.jqwik.api.statistics.Statistics.collect(e.cases().stream().map(c -> c.verdict().name()).distinct()
                .sorted().toList());
        for (Equality.Case c : e.cases()) {
            if (c.verdict() == Equality.Verdict.UNDECIDED) {
                continue;
            }
            for (var d : deployments(c.scenario())) {
                assertThat(concrete(a, d).equals(concrete(other, d))).as(c + " in " + d)
                        .isEqualTo(c.verdict() == Equality.Verdict.EQUAL);
            }
        }
    }

    private static List<Integer> indexes(List<Part> parts, java.util.function.Predicate<Part> which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (which.test(parts.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The parts, with {@code part} inserted (at a place {@code where} picks) when none matches. */
    private static List<Part> ensure(List<Part> parts, java.util.function.Predicate<Part> which, Part part,
                                     int where) {
        if (parts.stream().anyMatch(which)) {
            return parts;
        }
        List<Part> out = new ArrayList<>(parts);
        out.add(Math.floorMod(where, parts.size() + 1), part);
        return out;
    }

    private static List<Part> replace(List<Part> parts, int i, Part with) {
        List<Part> out = new ArrayList<>(parts);
        out.set(i, with);
        return out;
    }

    @Property(tries = 50)
    void renderingsAreValidTemplates(@ForAll("parts") List<Part> parts, @ForAll("spelling") List<Integer> spelling)
            throws Exception {
        String a = render(parts, spelling.iterator(), 0);
        assertThat(compare(a, a).always()).as(a).isTrue();
    }
}
