package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleMetadata;
import io.github.cfnvalidator.rules.RuleRegistry;
import io.github.cfnvalidator.rules.Suppressions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfn-validator rules}: lists every built-in rule with its id, severity, summary and documentation. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every built-in rule: id, default severity, summary and documentation page.")
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Every built-in rule's metadata, plus the rules about suppressions, sorted by id. */
    static List<RuleMetadata> all() {
        List<RuleMetadata> out = new ArrayList<>();
        for (Rule r : RuleRegistry.builtIn().all()) {
            out.add(r.metadata());
        }
        out.addAll(Suppressions.metadata());
        out.sort(Comparator.comparing(RuleMetadata::id));
        return out;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleMetadata> rules = all();
        int width = rules.stream().mapToInt(m -> m.id().length()).max().orElse(10);
        out.printf("%-" + width + "s  %-8s  %s%n", "ID", "SEVERITY", "SUMMARY");
        for (RuleMetadata m : rules) {
            out.printf("%-" + width + "s  %-8s  %s%n", m.id(), m.defaultSeverity().label(), m.summary());
            out.printf("%-" + width + "s  %-8s  %s%n", "", "", "docs: " + m.docs()
                    + "  (cfn-validator explain " + m.id() + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
