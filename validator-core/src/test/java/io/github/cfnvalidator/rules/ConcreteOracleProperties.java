package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The concrete-evaluation oracle ({@link ConcreteOracle}) over generated SageMaker high-availability stacks
 * ({@link HaStacks}): on every generated stack, the validator's verdict per rule and resource equals the verdicts over
 * every enumerated deployment, and its witnesses are failing deployments. {@value #TRIES} stacks per run.
 */
class ConcreteOracleProperties {
    static final int TRIES = 60;
    private final Validator validator = Validator.builder().threads(1).build();
    private int stacks;
    private long deployments;
    private int skipped;

    @Provide
    Arbitrary<Map<String, Object>> stacks() {
        return HaStacks.stacks();
    }

    @Property(tries = TRIES)
    void generatedStacksAgreeWithTheirDeployments(@ForAll("stacks") Map<String, Object> stack) {
        String json = PlainJson.write(stack);
        ConcreteOracle.Result r = new ConcreteOracle(validator, t -> true).check("generated.json", json, Map.of());
        if (!r.checked()) {
            skipped++;
            return;
        }
        stacks++;
        deployments += r.deployments();
        assertThat(r.problems()).as("generated stack:\n%s", json).isEmpty();
    }

    @AfterProperty
    void printCounts() {
        System.out.printf("concrete oracle, generated HA stacks: %d stacks checked over %d deployments, %d skipped%n",
                stacks, deployments, skipped);
    }
}
