package io.github.cfnvalidator.cli.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;

import io.github.cfnvalidator.cli.CfnValidatorCommand;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every example template and every rule fixture, the language server's diagnostics equal the CLI's JSON report
 * of the same file: rule id, severity, message and fix, start and end position; input errors at the same place.
 * The server is told to report unresolved values as warnings, the CLI's default, so severities compare one to one.
 */
class ParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyExampleAndFixtureGivesTheCliFindings() throws Exception {
        List<Path> files = templates();
        assertThat(files).hasSizeGreaterThan(100);
        JsonObject options = new JsonObject();
        options.addProperty("unresolved", "warning");
        int compared = 0;
        int findings = 0;
        try (LspSession s = LspSession.start(null, false, options)) {
            for (Path f : files) {
                List<String> cli = cli(f);
                if (cli == null) {
                    continue; // the CLI says it is not a template: the server shows nothing for it either
                }
                String uri = Workspace.uri(f);
                s.open(uri, Files.readString(f));
                List<String> lsp = s.next(uri).getDiagnostics().stream().map(ParityTest::describe).toList();
                assertThat(lsp).as(f.toString()).containsExactlyInAnyOrderElementsOf(cli);
                compared++;
                findings += cli.size();
            }
        }
        System.err.printf("ParityTest: %d of %d files compared, %d findings and input errors%n", compared,
                files.size(), findings);
        assertThat(compared).isGreaterThan(100);
        assertThat(findings).isGreaterThan(100);
    }

    /** The CLI's findings and errors for one file, described alike, or {@code null} if it is not a template. */
    private static List<String> cli(Path file) throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cl = CfnValidatorCommand.commandLine("validate");
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute("validate", "--no-config", "--format", "json", "--threads", "1", file.toString());
        JsonNode report = JSON.readTree(out.toString());
        List<String> out2 = new ArrayList<>();
        for (JsonNode f : report.get("files")) {
            for (JsonNode e : f.get("errors")) {
                if (e.get("message").asText().contains("not a CloudFormation template")
                        || e.get("message").asText().contains("not a template")) {
                    return null;
                }
                out2.add("input_error|error|" + e.get("line").asInt() + ":" + e.get("column").asInt() + "|"
                        + e.get("message").asText());
            }
            for (JsonNode x : f.get("findings")) {
                String fix = x.has("fix") ? " Fix: " + x.get("fix").asText() : "";
                out2.add(x.get("ruleId").asText() + "|" + x.get("severity").asText() + "|"
                        + x.get("line").asInt() + ":" + x.get("column").asInt() + "-"
                        + x.get("endLine").asInt() + ":" + x.get("endColumn").asInt() + "|"
                        + x.get("message").asText() + fix);
            }
        }
        return out2;
    }

    private static String describe(Diagnostic d) {
        String severity = d.getSeverity() == DiagnosticSeverity.Error ? "error"
                : d.getSeverity() == DiagnosticSeverity.Warning ? "warning" : "info";
        int line = d.getRange().getStart().getLine() + 1;
        int col = d.getRange().getStart().getCharacter() + 1;
        String code = d.getCode().getLeft();
        if (code.equals("input_error")) {
            return code + "|" + severity + "|" + line + ":" + col + "|" + d.getMessage().getLeft();
        }
        return code + "|" + severity + "|" + line + ":" + col + "-" + (d.getRange().getEnd().getLine() + 1) + ":"
                + (d.getRange().getEnd().getCharacter() + 1) + "|" + d.getMessage().getLeft();
    }

    static List<Path> templates() throws IOException {
        Path top = Path.of("..").toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(top.resolve("examples"), top.resolve("validator-core/src/test/resources/fixtures"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.toString().contains("/target/"))
                        .filter(p -> p.toString().matches(".*\\.(yaml|yml|json|template)$"))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }
}
