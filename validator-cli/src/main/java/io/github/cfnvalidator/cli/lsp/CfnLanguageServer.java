package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.report.Severity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The cfn-validator language server on Eclipse LSP4J: diagnostics from the run layer (the CLI's findings) pushed or
 * pulled, hover, navigation and code actions proven by re-validation. It reads the documents the editor sends and, in
 * the workspace folders, the files the project configuration names; it opens no network connection of its own.
 */
public final class CfnLanguageServer implements LanguageServer, LanguageClientAware {
    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final RulePages pages;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile Workspace workspace = Workspace.empty();
    private volatile Diagnostics diagnostics;
    private volatile boolean pull;
    private volatile boolean shutdown;
    private final TemplateDocuments textService = new TemplateDocuments(this);
    private final WorkspaceEvents workspaceService = new WorkspaceEvents(this);

    /** A server whose rule pages are written to a temporary folder. */
    public CfnLanguageServer() {
        this(RulePages.inTemporaryFolder());
    }

    CfnLanguageServer(RulePages pages) {
        this.pages = pages;
        this.diagnostics = newDiagnostics(workspace);
    }

    /**
     * Serves one client on these streams until it sends {@code exit} or closes its end.
     *
     * @return the exit status: 0 after {@code shutdown} then {@code exit}, 1 otherwise (as the protocol asks)
     */
    public static int run(InputStream in, OutputStream out) {
        CfnLanguageServer server = new CfnLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException e) {
                // the stream ended with an error: treated as the client going away
            }
            server.exit.complete(server.shutdown ? 0 : 1);
        }, "cfn-validator-lsp-input");
        watcher.setDaemon(true);
        watcher.start();
        int status = server.exit.join();
        server.diagnostics.close();
        return status;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        List<String> roots = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            params.getWorkspaceFolders().stream().map(WorkspaceFolder::getUri).forEach(roots::add);
        }
        if (roots.isEmpty() && params.getRootUri() != null) {
            roots.add(params.getRootUri());
        }
        Options options = Options.of(params.getInitializationOptions());
        Workspace w = new Workspace(Workspace.rootsOf(roots), options.unresolved, options.debounceMillis);
        Diagnostics old = this.diagnostics;
        this.workspace = w;
        this.diagnostics = newDiagnostics(w);
        old.close();
        ClientCapabilities caps = params.getCapabilities();
        this.pull = !options.push && caps != null && caps.getTextDocument() != null
                && caps.getTextDocument().getDiagnostic() != null;
        this.watchRegistration = caps != null && caps.getWorkspace() != null
                && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        String version = CfnLanguageServer.class.getPackage().getImplementationVersion();
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(),
                new ServerInfo("cfn-validator", version == null ? "development build" : version)));
    }

    private volatile boolean watchRegistration;

    @Override
    public void initialized(InitializedParams params) {
        if (watchRegistration && client != null) {
            List<FileSystemWatcher> watchers = List.of(new FileSystemWatcher(Either.forLeft("**/*")));
            Registration r = new Registration("cfn-validator-watch", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(watchers));
            client.registerCapability(new RegistrationParams(List.of(r)));
        }
    }

    static ServerCapabilities capabilities() {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        c.setTextDocumentSync(sync);
        DiagnosticRegistrationOptions pullOptions = new DiagnosticRegistrationOptions(true, false);
        pullOptions.setIdentifier("cfn-validator");
        c.setDiagnosticProvider(pullOptions);
        c.setHoverProvider(true);
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setDocumentSymbolProvider(true);
        c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        return c;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        diagnostics.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.complete(shutdown ? 0 : 1);
    }

    /** Completes with the exit status once the client has sent {@code exit}. */
    CompletableFuture<Integer> exited() {
        return exit;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    Map<String, OpenDocument> documents() {
        return documents;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Workspace workspace() {
        return workspace;
    }

    RulePages pages() {
        return pages;
    }

    LanguageClient client() {
        return client;
    }

    boolean pull() {
        return pull;
    }

    /** The code actions, proven by re-validation with this server's checker. */
    Fixes fixes() {
        return new Fixes(diagnostics.checker());
    }

    /**
     * Whether a file is one an open template's outcome depends on: the project configuration, a Guard rule file, or
     * a parameter, rule or baseline file a check named.
     */
    boolean dependsOn(java.nio.file.Path file) {
        if (file == null) {
            return false;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.equals(io.github.cfnvalidator.config.ProjectConfig.FILE_NAME) || name.endsWith(".guard")) {
            return true;
        }
        return diagnostics.all().values().stream().anyMatch(c -> c.dependencies().stream()
                .anyMatch(d -> file.startsWith(d)));
    }

    /** A file the checks depend on changed: checks every open template again (pull clients are asked to refresh). */
    void filesChanged() {
        diagnostics.scheduleAll();
        LanguageClient c = client;
        if (pull && c != null) {
            c.refreshDiagnostics();
        }
    }

    private Diagnostics newDiagnostics(Workspace w) {
        Checker checker = new Checker(w, new DiagnosticMapper(pages::uri));
        return new Diagnostics(documents, checker, () -> client, () -> !pull);
    }

    /** The options a client may pass in {@code initializationOptions}. */
    private record Options(Severity unresolved, long debounceMillis, boolean push) {
        static Options of(Object raw) {
            Severity unresolved = null;
            long debounce = 200;
            boolean push = false;
            if (raw instanceof JsonObject o) {
                JsonElement u = o.get("unresolved");
                if (u != null && u.isJsonPrimitive()) {
                    try {
                        unresolved = Severity.parse(u.getAsString());
                    } catch (IllegalArgumentException e) {
                        System.err.println("cfn-validator lsp: ignoring initializationOptions.unresolved: "
                                + e.getMessage());
                    }
                }
                JsonElement d = o.get("debounceMillis");
                if (d != null && d.isJsonPrimitive()) {
                    debounce = Math.max(0, d.getAsLong());
                }
                JsonElement p = o.get("pushDiagnostics");
                push = p != null && p.isJsonPrimitive() && p.getAsBoolean();
            }
            return new Options(unresolved, debounce, push);
        }
    }
}
