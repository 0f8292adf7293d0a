package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code textDocument/*} side of the server: document sync, diagnostics, hover, navigation, code actions. */
final class TemplateDocuments implements TextDocumentService {
    private final CfnLanguageServer server;

    TemplateDocuments(CfnLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        server.documents().put(d.getUri(), new OpenDocument(d.getUri(), d.getLanguageId(), d.getVersion(),
                d.getText()));
        server.diagnostics().schedule(d.getUri(), 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        OpenDocument old = server.documents().get(uri);
        if (old == null) {
            return;
        }
        String text = old.text();
        for (TextDocumentContentChangeEvent c : params.getContentChanges()) {
            if (c.getRange() == null) {
                text = c.getText();
            } else {
                int from = Positions.offset(text, c.getRange().getStart());
                int to = Positions.offset(text, c.getRange().getEnd());
                text = text.substring(0, from) + c.getText() + text.substring(Math.max(from, to));
            }
        }
        Integer version = params.getTextDocument().getVersion();
        server.documents().put(uri, new OpenDocument(uri, old.languageId(),
                version == null ? old.version() + 1 : version, text));
        server.diagnostics().schedule(uri, server.workspace().debounceMillis());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        server.documents().remove(uri);
        server.diagnostics().close(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (server.dependsOn(Workspace.path(uri).orElse(null))) {
            server.filesChanged();
        } else if (server.documents().containsKey(uri)) {
            server.diagnostics().schedule(uri, 0);
        }
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        return CompletableFuture.supplyAsync(() -> {
            Check c = server.diagnostics().current(uri);
            RelatedFullDocumentDiagnosticReport r = new RelatedFullDocumentDiagnosticReport(
                    c == null ? List.of() : c.diagnostics());
            if (c != null) {
                r.setResultId(Integer.toString(c.version()));
            }
            return new DocumentDiagnosticReport(r);
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            Check c = server.diagnostics().current(params.getTextDocument().getUri());
            return c == null ? null : Hovers.hover(c, params.getPosition());
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            Check c = server.diagnostics().current(params.getTextDocument().getUri());
            List<Location> out = c == null ? List.of() : Navigator.definition(c, params.getPosition());
            return Either.forLeft(out);
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            Check c = server.diagnostics().current(params.getTextDocument().getUri());
            boolean declaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
            return c == null ? List.of() : Navigator.references(c, params.getPosition(), declaration);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            Check c = server.diagnostics().current(params.getTextDocument().getUri());
            return c == null ? List.of() : Navigator.symbols(c);
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            String uri = params.getTextDocument().getUri();
            Check c = server.diagnostics().current(uri);
            OpenDocument d = server.documents().get(uri);
            if (c == null || d == null || !c.template() || c.version() != d.version()) {
                return List.of();
            }
            return server.fixes().actions(d, c, params.getRange());
        });
    }
}
