package io.github.cfnvalidator.cli;

import io.github.cfnvalidator.rules.RuleDocs;
import io.github.cfnvalidator.rules.RuleMetadata;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfn-validator explain ID}: prints a rule's documentation page. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints the documentation page of a rule: what it checks, why, failing and fixed examples.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:page printed", "2:no rule with that id"})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule id, as listed by `cfn-validator rules`.")
    String id;

    @Override
    public Integer call() {
        Optional<String> page = RuleDocs.page(id);
        if (page.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cfn-validator explain: no rule '" + id + "'. Known rules:");
            for (RuleMetadata m : RulesCommand.all()) {
                err.println("  " + m.id());
            }
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(page.get());
        out.flush();
        return ExitCodes.OK;
    }
}
