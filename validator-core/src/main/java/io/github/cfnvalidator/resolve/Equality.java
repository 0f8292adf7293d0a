package io.github.cfnvalidator.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether two string values are equal, class of deployments by class of deployments: each {@link Case} says EQUAL,
 * DIFFERENT or UNDECIDED in the deployments its {@link Scenario} describes (the witness). A comparison that the
 * values' parts decide gives one case for every deployment; one that depends on a parameter's value forks (e.g.
 * {@code Env=prod} equal, {@code Env≠prod} different); one that depends on two values chosen independently at deploy
 * time (two free parameters, a parameter and a resource's generated name) is UNDECIDED, with the reason.
 *
 * @param cases the classes of deployments and the verdict in each
 */
public record Equality(List<Case> cases) {
    public Equality {
        cases = List.copyOf(cases);
    }

    /** The verdict in one class of deployments. */
    public enum Verdict {
        /** Equal in every deployment of the class. */
        EQUAL,
        /** Different in every deployment of the class. */
        DIFFERENT,
        /** Equal in some deployments of the class and different in others, in a way not known before deploy. */
        UNDECIDED
    }

    /**
     * One class of deployments and the verdict in it.
     *
     * @param verdict  equal, different or undecided
     * @param scenario the deployments (the witness)
     * @param reason   why, e.g. {@code both are "${AWS::StackName}-fraud"}, or what blocks a decision
     */
    public record Case(Verdict verdict, Scenario scenario, String reason) {
    }

    /** Whether the values are equal in every deployment (there is at least one case, and every case is EQUAL). */
    public boolean always() {
        return !cases.isEmpty() && cases.stream().allMatch(c -> c.verdict() == Verdict.EQUAL);
    }

    /** Whether the values differ in every deployment (every case is DIFFERENT). */
    public boolean never() {
        return cases.stream().allMatch(c -> c.verdict() == Verdict.DIFFERENT);
    }

    /** Whether some class of deployments is undecided. */
    public boolean undecided() {
        return first(Verdict.UNDECIDED).isPresent();
    }

    /** The first case with a verdict. */
    public Optional<Case> first(Verdict verdict) {
        return cases.stream().filter(c -> c.verdict() == verdict).findFirst();
    }

    /**
     * The cases as condition outcomes, as {@code Fn::Equals} gives them: an UNDECIDED case becomes both truth values,
     * each with the assumption noted in its scenario.
     *
     * @param what what is compared, for the note (e.g. {@code Fn::Equals at line 7})
     */
    public List<Resolver.Decision> decisions(String what) {
        List<Resolver.Decision> out = new ArrayList<>();
        for (Case c : cases) {
            if (c.verdict() == Verdict.UNDECIDED) {
                String why = " (undecidable before deploy: " + c.reason() + ")";
                out.add(new Resolver.Decision(true, c.scenario().note(what + " is true" + why)));
                out.add(new Resolver.Decision(false, c.scenario().note(what + " is false" + why)));
            } else {
                out.add(new Resolver.Decision(c.verdict() == Verdict.EQUAL, c.scenario()));
            }
        }
        return out;
    }
}
