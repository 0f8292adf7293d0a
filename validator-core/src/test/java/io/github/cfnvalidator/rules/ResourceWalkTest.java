package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.resolve.ParameterValues;
import io.github.cfnvalidator.resolve.Resolver;
import io.github.cfnvalidator.resolve.Value;
import io.github.cfnvalidator.template.TemplateReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ResourceWalk}: each value at a path of a resource, in every deployment in which the resource exists, with its
 * witness; several paths go deployment by deployment, in the order given.
 */
class ResourceWalkTest {
    private static final String TEMPLATE = """
            Parameters:
              Env: {Type: String, AllowedValues: [dev, test, prod]}
            Conditions:
              NotProd: !Or [!Equals [!Ref Env, dev], !Equals [!Ref Env, test]]
              Never: !Equals [a, b]
            Resources:
              R:
                Type: T
                Condition: NotProd
                Properties:
                  A: !Ref Env
                  L: [x, !Ref AWS::NoValue, y]
              Gone:
                Type: T
                Condition: Never
                Properties: {A: 1}
            """;

    private static Resolver resolver() throws Exception {
        return Resolver.of(new TemplateReader().read("t.yaml", TEMPLATE), ParameterValues.empty());
    }

    private static String show(String label, Resolver.Reached r) {
        String v = r.value() instanceof Value.Text t ? t.text() : r.value().describe();
        return label + " " + v + (r.index() < 0 ? "" : " #" + r.index()) + " @ " + r.scenario().describe();
    }

    @Test
    void valuesComeOnlyFromDeploymentsInWhichTheResourceExistsWithTheirWitness() throws Exception {
        Resolver resolver = resolver();
        List<String> seen = new ArrayList<>();
        ResourceWalk walk = new ResourceWalk(resolver);
        walk.forEach(resolver.resource("R").orElseThrow(), r -> seen.add(show("A", r)), "A");
        walk.forEach(resolver.resource("Gone").orElseThrow(), r -> seen.add(show("gone", r)), "A");
        assertThat(seen).containsExactly("A dev @ Env=dev", "A test @ Env=test");
    }

    @Test
    void severalPathsGoDeploymentByDeploymentInTheOrderGiven() throws Exception {
        Resolver resolver = resolver();
        List<String> seen = new ArrayList<>();
        new ResourceWalk(resolver).forEach(resolver.resource("R").orElseThrow(), List.of(
                ResourceWalk.Path.of(r -> seen.add(show("A", r)), "A"),
                ResourceWalk.Path.of(r -> seen.add(show("L", r)), "L", Resolver.EACH)));
        assertThat(seen).containsExactly("A dev @ Env=dev", "L x #0 @ Env=dev", "L y #2 @ Env=dev",
                "A test @ Env=test", "L x #0 @ Env=test", "L y #2 @ Env=test");
    }
}
