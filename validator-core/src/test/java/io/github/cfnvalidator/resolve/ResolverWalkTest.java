package io.github.cfnvalidator.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.template.TemplateReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Resolver#walk}: an intrinsic function at any step of a path is resolved, with the witness kept. */
class ResolverWalkTest {
    private static final String ENV = "Parameters:\n  Env: {Type: String, AllowedValues: [dev, prod]}\n"
            + "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n";

    private static Resolver resolver(String yaml) throws Exception {
        return Resolver.of(new TemplateReader().read("t.yaml", yaml), ParameterValues.empty());
    }

    private static List<String> walked(String yaml, String... steps) throws Exception {
        Resolver r = resolver(yaml);
        ResourceInstance res = r.resource("R").orElseThrow();
        return r.walk(res, Scenario.ANY, steps).stream().map(ResolverWalkTest::show).toList();
    }

    private static String show(Resolver.Reached o) {
        String v = o.value() instanceof Value.Text t ? t.text() : o.value() instanceof Value.Absent ? "absent"
                : o.value() instanceof Value.Unknown u ? "unknown: " + u.reason() : o.value().describe();
        String w = o.scenario().describe();
        return w.isEmpty() ? v : v + " @ " + w + (o.index() >= 0 ? " #" + o.index() : "");
    }

    @Test
    void wholePropertiesIfForksWithTheWitness() throws Exception {
        String yaml = ENV + "Resources:\n  R:\n    Type: T\n    Properties: !If\n      - IsProd\n"
                + "      - {L: [{N: 2}]}\n      - {L: [{N: 1}]}\n";
        assertThat(walked(yaml, "L", Resolver.EACH, "N"))
                .containsExactlyInAnyOrder("2 @ Env=prod #0", "1 @ Env=dev #0");
    }

    @Test
    void propertyListItemAndNestedMapLevelsResolve() throws Exception {
        String yaml = ENV + "Resources:\n  R:\n    Type: T\n    Properties:\n"
                + "      L: !If [IsProd, [{N: 3}], [{N: 1}, {N: 2}]]\n"
                + "      M:\n        - !If [IsProd, {N: 4}, !Ref AWS::NoValue]\n"
                + "        - {C: !If [IsProd, {N: 5}, {N: 6}]}\n";
        assertThat(walked(yaml, "L", Resolver.EACH, "N"))
                .containsExactlyInAnyOrder("3 @ Env=prod #0", "1 @ Env=dev #0", "2 @ Env=dev #1");
        assertThat(walked(yaml, "M", Resolver.EACH, "N")).containsExactlyInAnyOrder("4 @ Env=prod #0", "absent");
        assertThat(walked(yaml, "M", Resolver.EACH, "C", "N")).containsExactlyInAnyOrder("absent @ Env=prod #0",
                "5 @ Env=prod #1", "6 @ Env=dev #1");
    }

    @Test
    void selectByFindInMapAtTheTopAndNoValueProperties() throws Exception {
        String yaml = ENV + "Mappings:\n  I:\n    dev: {X: 1}\n    prod: {X: 0}\nResources:\n  R:\n    Type: T\n"
                + "    Properties: !Select [!FindInMap [I, !Ref Env, X], [{N: 2}, {N: 1}]]\n"
                + "  Q:\n    Type: T\n    Properties: !If [IsProd, {N: 1}, !Ref AWS::NoValue]\n";
        assertThat(walked(yaml, "N")).containsExactlyInAnyOrder("1 @ Env=dev", "2 @ Env=prod");
        Resolver r = resolver(yaml);
        ResourceInstance q = r.resource("Q").orElseThrow();
        assertThat(r.walk(q, Scenario.ANY, "N").stream().map(ResolverWalkTest::show))
                .containsExactlyInAnyOrder("1 @ Env=prod", "absent @ Env=dev");
    }

    @Test
    void undecidableStepsNameWhatBlockedThem() throws Exception {
        String yaml = "Resources:\n  R:\n    Type: T\n    Properties:\n      L: !ImportValue Shared\n"
                + "      S: text\n";
        assertThat(walked(yaml, "L", Resolver.EACH, "N")).singleElement().asString()
                .startsWith("unknown: Fn::ImportValue Shared is read from another stack");
        assertThat(walked(yaml, "S", "N")).singleElement().asString()
                .isEqualTo("unknown: expected a map holding N but found \"text\"");
        assertThat(walked(yaml, "Missing", Resolver.EACH)).isEmpty();
    }

    @Test
    void writtenNodeIsTheIntrinsicThatProducesTheValue() throws Exception {
        String yaml = ENV + "Resources:\n  R:\n    Type: T\n    Properties:\n      N: !If [IsProd, 2, 1]\n";
        Resolver r = resolver(yaml);
        ResourceInstance res = r.resource("R").orElseThrow();
        List<Resolver.Reached> out = r.walk(res, Scenario.ANY, "N");
        assertThat(out).allSatisfy(o -> assertThat(o.written().pointer()).isEqualTo("/Resources/R/Properties/N"));
        assertThat(out).extracting(o -> o.value().origin().pointer())
                .containsExactlyInAnyOrder("/Resources/R/Properties/N/Fn::If/1", "/Resources/R/Properties/N/Fn::If/2");
    }

    @Test
    void listingsShowAListEmptiedByNoValue() throws Exception {
        String yaml = ENV + "Resources:\n  R:\n    Type: T\n    Properties:\n"
                + "      L: [!If [IsProd, a, !Ref AWS::NoValue], !If [IsProd, b, !Ref AWS::NoValue]]\n";
        Resolver r = resolver(yaml);
        ResourceInstance res = r.resource("R").orElseThrow();
        List<Resolver.Listing> l = r.listings(res, r.walk(res, Scenario.ANY, "L").get(0));
        assertThat(l).extracting(x -> x.items().size() + " @ " + x.scenario().describe())
                .containsExactlyInAnyOrder("2 @ Env=prod", "0 @ Env=dev");
    }

    @Test
    void forEachInsidePropertiesIsExpandedWhenItsCollectionIsLiteral() throws Exception {
        String yaml = "Parameters:\n  C: {Type: CommaDelimitedList}\nResources:\n  R:\n    Type: T\n    Properties:\n"
                + "      A:\n        'Fn::ForEach::X': [V, [p, q], {'K${V}': !Sub '${V}!'}]\n"
                + "      B:\n        'Fn::ForEach::Y': [V, !Ref C, {'K${V}': x}]\n";
        assertThat(walked(yaml, "A", "Kq")).containsExactlyInAnyOrder("q!");
        assertThat(walked(yaml, "A", "Kz")).containsExactlyInAnyOrder("absent");
        assertThat(walked(yaml, "B", "Kq")).singleElement().asString().contains("not expanded");
    }
}
