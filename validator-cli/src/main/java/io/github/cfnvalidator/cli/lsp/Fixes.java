package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.List;

/** Code actions, each offered only if the edited template passes the rule it fixes. */
final class Fixes {
    private final Checker checker;

    Fixes(Checker checker) {
        this.checker = checker;
    }

    List<Either<Command, CodeAction>> actions(OpenDocument d, Check c, Range range) {
        return List.of();
    }
}
