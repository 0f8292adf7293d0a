package io.github.cfnvalidator.cli.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black box: starts the shaded jar ({@code java -jar target/cfn-validator.jar lsp}) as a process and speaks
 * JSON-RPC over its standard input and output, byte by byte: every byte on standard output must belong to a
 * {@code Content-Length} framed message. Runs in the integration-test phase, after the jar is built.
 */
class LspProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theJarServesDiagnosticsHoverAndShutdownOverStdio() throws Exception {
        Path jar = Path.of("target/cfn-validator.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path template = dir.resolve("stack.yaml");
        Files.writeString(template, DiagnosticsTest.SINGLE);
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-jar", jar.toString(), "lsp")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            OutputStream in = p.getOutputStream();
            InputStream out = p.getInputStream();
            String root = Workspace.uri(dir);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                    + "\"rootUri\":\"" + root + "\",\"capabilities\":{}}}");
            JsonNode init = until(out, m -> m.path("id").asInt() == 1);
            assertThat(init.at("/result/capabilities/hoverProvider").asBoolean()).isTrue();
            assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("cfn-validator");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            String uri = Workspace.uri(template);
            String text = JSON.writeValueAsString(DiagnosticsTest.SINGLE);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{"
                    + "\"uri\":\"" + uri + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":" + text + "}}}");
            JsonNode published = until(out, m -> m.path("method").asText().equals("textDocument/publishDiagnostics"));
            JsonNode d = published.at("/params/diagnostics/0");
            assertThat(d.path("code").asText()).isEqualTo("sagemaker_variant_min_instances");
            assertThat(d.at("/range/start/line").asInt()).isEqualTo(15);
            assertThat(d.at("/data/evidence/0/message").asText()).contains("Count");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"" + uri + "\"},\"position\":{\"line\":15,\"character\":36}}}");
            JsonNode hover = until(out, m -> m.path("id").asInt() == 2);
            assertThat(hover.at("/result/contents/value").asText()).contains("Count=1");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
            until(out, m -> m.path("id").asInt() == 3);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(out.readAllBytes()).isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void withSocketItListensOnTheLoopbackInterfaceOnly() throws Exception {
        Path jar = Path.of("target/cfn-validator.jar").toAbsolutePath();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-jar", jar.toString(), "lsp", "--socket", "0").start();
        try {
            java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(
                    p.getErrorStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            assertThat(line).matches("cfn-validator lsp: listening on .*127\\.0\\.0\\.1:\\d+");
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                send(s.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}");
                JsonNode init = until(s.getInputStream(), m -> m.path("id").asInt() == 1);
                assertThat(init.at("/result/capabilities/definitionProvider").asBoolean()).isTrue();
                send(s.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
                until(s.getInputStream(), m -> m.path("id").asInt() == 2);
                send(s.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(p.getInputStream().readAllBytes()).isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(body);
        in.flush();
    }

    /** Reads messages until one matches; every byte read must be part of a framed message. */
    private static JsonNode until(InputStream out, java.util.function.Predicate<JsonNode> wanted) throws IOException {
        for (int i = 0; i < 200; i++) {
            JsonNode m = read(out);
            if (wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no such message");
    }

    private static JsonNode read(InputStream out) throws IOException {
        int length = -1;
        while (true) {
            String header = line(out);
            if (header.isEmpty()) {
                break;
            }
            assertThat(header).as("a protocol header").matches("(?i)content-(length|type): .*");
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        assertThat(length).isPositive();
        byte[] body = out.readNBytes(length);
        return JSON.readTree(body);
    }

    private static String line(InputStream out) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = out.read()) != -1 && c != '\n') {
            b.write(c);
        }
        if (c == -1) {
            throw new AssertionError("the server closed standard output");
        }
        String s = b.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
