package io.github.cfnvalidator.cli.lsp;

import com.google.gson.JsonObject;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An LSP4J client talking to an in-process {@link CfnLanguageServer} over pipes (the JSON-RPC layer runs as
 * it does over stdio): it records every {@code publishDiagnostics}.
 */
final class LspSession implements AutoCloseable {
    final CfnLanguageServer server = new CfnLanguageServer();
    final LanguageServer remote;
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> refreshes = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> serverExit;

    private LspSession() throws IOException {
        // NIO pipes, not java.io's piped streams: those fail once the thread that last wrote has ended
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServer.source());
        OutputStream clientOut = Channels.newOutputStream(toServer.sink());
        InputStream clientIn = Channels.newInputStream(toClient.source());
        OutputStream serverOut = Channels.newOutputStream(toClient.sink());
        serverExit = CompletableFuture.supplyAsync(() -> {
            Launcher<LanguageClient> l = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
            server.connect(l.getRemoteProxy());
            l.startListening();
            return server.exited().join();
        });
        Launcher<LanguageServer> c = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        c.startListening();
        remote = c.getRemoteProxy();
    }

    /** A session initialised on a workspace folder; push diagnostics unless {@code pull}. */
    static LspSession start(Path root, boolean pull, JsonObject options) throws Exception {
        LspSession s = new LspSession();
        InitializeParams p = new InitializeParams();
        if (root != null) {
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(Workspace.uri(root), "root")));
        }
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        if (pull) {
            text.setDiagnostic(new DiagnosticCapabilities(false));
        }
        caps.setTextDocument(text);
        p.setCapabilities(caps);
        JsonObject o = options == null ? new JsonObject() : options;
        if (!o.has("debounceMillis")) {
            o.addProperty("debounceMillis", 0);
        }
        p.setInitializationOptions(o);
        s.remote.initialize(p).get(30, TimeUnit.SECONDS);
        s.remote.initialized(new InitializedParams());
        return s;
    }

    static LspSession start(Path root) throws Exception {
        return start(root, false, null);
    }

    void open(String uri, String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, uri.endsWith(".json") ? "json" : "yaml", 1, text)));
    }

    void change(String uri, int version, String text) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics published for a document (others are skipped). */
    PublishDiagnosticsParams next(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = published.poll(1, TimeUnit.SECONDS);
            if (p != null && p.getUri().equals(uri)) {
                return p;
            }
        }
        throw new AssertionError("no diagnostics for " + uri);
    }

    /** Sends shutdown and exit and returns the server's exit status. */
    int shutdown() throws Exception {
        remote.shutdown().get(30, TimeUnit.SECONDS);
        remote.exit();
        return serverExit.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!serverExit.isDone()) {
            remote.exit();
        }
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<Void> refreshDiagnostics() {
            refreshes.add(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
