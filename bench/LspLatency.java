import com.google.gson.JsonObject;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Latency of diagnostics after an edit, measured from a client's side against `java -jar cfn-validator.jar lsp` (a
 * separate process, stdio): time from sending didChange to receiving publishDiagnostics for that version, with the
 * server's debounce set to 0 (an editor adds the debounce, 200 ms by default, on top). Run by bench/lsp-latency.sh.
 */
public final class LspLatency {
    private static final BlockingQueue<PublishDiagnosticsParams> PUBLISHED = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path corpus = args.length > 1 ? Path.of(args[1]) : null;
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path work = Files.createTempDirectory("lsp-latency");
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "lsp")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(new Client(), p.getInputStream(),
                p.getOutputStream());
        l.startListening();
        LanguageServer server = l.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setRootUri(work.toUri().toString());
        init.setCapabilities(new ClientCapabilities());
        JsonObject options = new JsonObject();
        options.addProperty("debounceMillis", 0);
        init.setInitializationOptions(options);
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());

        String big = generated(300);
        String uri = work.resolve("big.yaml").toUri().toString();
        List<Long> open = new ArrayList<>();
        open.add(openAndWait(server, uri, big));
        for (int i = 0; i < 20; i++) {
            edit(server, uri, 2 + i, variant(big, i)); // warm-up
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            times.add(edit(server, uri, 100 + i, variant(big, i)));
        }
        report("300-resource template (" + big.length() / 1024 + " KiB), " + edits + " edits after 20 warm-up edits",
                times);
        System.out.printf("  first diagnostics after opening it (cold JVM): %d ms%n", open.get(0) / 1_000_000);
        if (corpus != null) {
            corpus(server, corpus);
        }
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private static void corpus(LanguageServer server, Path corpus) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(ya?ml|json|template)"))
                    .sorted().toList();
        }
        List<Long> times = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            String uri = f.toUri().toString();
            openAndWait(server, uri, text);
            String edited = text.endsWith("\n") ? text + "\n" : text + "\n\n";
            times.add(edit(server, uri, 2, edited));
            server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            PUBLISHED.clear();
        }
        report("corpus: " + files.size() + " templates, one edit each after opening it", times);
    }

    private static long openAndWait(LanguageServer server, String uri, String text) throws Exception {
        long t = System.nanoTime();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yaml", 1, text)));
        await(uri, 1);
        return System.nanoTime() - t;
    }

    private static long edit(LanguageServer server, String uri, int version, String text) throws Exception {
        long t = System.nanoTime();
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
        await(uri, version);
        return System.nanoTime() - t;
    }

    private static void await(String uri, int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams d = PUBLISHED.poll(120, TimeUnit.SECONDS);
            if (d == null) {
                throw new IllegalStateException("no diagnostics for " + uri + " version " + version);
            }
            if (d.getUri().equals(uri) && d.getVersion() != null && d.getVersion() == version) {
                return;
            }
        }
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        System.out.printf("%s: p50 %d ms, p95 %d ms, max %d ms%n", what, s.get(s.size() / 2) / 1_000_000,
                s.get((int) Math.ceil(s.size() * 0.95) - 1) / 1_000_000, s.get(s.size() - 1) / 1_000_000);
    }

    /** A template with n resources: endpoint configs over parameters and conditions, models, endpoints. */
    static String generated(int n) {
        StringBuilder t = new StringBuilder("""
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Env:
                    Type: String
                    AllowedValues: [dev, staging, prod]
                  Count:
                    Type: Number
                    MinValue: 1
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                """);
        for (int i = 0; i < n / 3; i++) {
            t.append("  Model").append(i).append(":\n    Type: AWS::SageMaker::Model\n    Properties:\n")
                    .append("      ExecutionRoleArn: arn:aws:iam::123456789012:role/r\n")
                    .append("      PrimaryContainer:\n        Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:")
                    .append(i).append(".0\n");
            t.append("  Config").append(i).append(":\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n")
                    .append("      ProductionVariants:\n        - VariantName: v").append(i).append('\n')
                    .append("          ModelName: !GetAtt Model").append(i).append(".ModelName\n")
                    .append("          InstanceType: ml.m5.large\n          InitialVariantWeight: 1\n")
                    .append("          InitialInstanceCount: !If [IsProd, !Ref Count, 2]\n");
            t.append("  Endpoint").append(i).append(":\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n")
                    .append("      EndpointConfigName: !GetAtt Config").append(i).append(".EndpointConfigName\n");
        }
        return t.toString();
    }

    /** The template with one value changed, as a keystroke would. */
    static String variant(String big, int i) {
        return big.replace("    MinValue: 1\n", "    MinValue: " + (1 + i % 2) + "\n");
    }

    private static final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            PUBLISHED.add(diagnostics);
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
    }
}
