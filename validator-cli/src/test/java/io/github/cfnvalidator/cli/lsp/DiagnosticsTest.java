package io.github.cfnvalidator.cli.lsp;

import com.google.gson.JsonObject;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Diagnostics over the protocol: ranges, codes, data, severities, parse problems, project files, push and pull. */
class DiagnosticsTest {
    static final String SINGLE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Count:
                Type: Number
                MinValue: 1
                Default: 2
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - VariantName: AllTraffic
                      ModelName: my-model
                      InstanceType: ml.m5.large
                      InitialVariantWeight: 1
                      InitialInstanceCount: !Ref Count
            """;

    static final String IMPORTED = SINGLE.replace("!Ref Count", "!ImportValue shared-count");

    @TempDir
    Path dir;

    @Test
    void aFindingIsADiagnosticWithRangeCodePageRelatedInformationAndData() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        try (LspSession s = LspSession.start(dir)) {
            String uri = Workspace.uri(file);
            s.open(uri, SINGLE);
            PublishDiagnosticsParams p = s.next(uri);
            assertThat(p.getVersion()).isEqualTo(1);
            assertThat(p.getDiagnostics()).hasSize(1);
            Diagnostic d = p.getDiagnostics().get(0);
            assertThat(d.getCode().getLeft()).isEqualTo("sagemaker_variant_min_instances");
            assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(d.getSource()).isEqualTo("cfn-validator");
            assertThat(d.getRange()).isEqualTo(new Range(new Position(15, 32), new Position(15, 42)));
            assertThat(d.getMessage().getLeft()).contains("Count=1").contains("Fix:").contains("MinValue: 2");
            assertThat(d.getCodeDescription().getHref()).startsWith("file:")
                    .endsWith("sagemaker_variant_min_instances.md");
            assertThat(Path.of(java.net.URI.create(d.getCodeDescription().getHref())))
                    .content().startsWith("# sagemaker_variant_min_instances");
            assertThat(d.getRelatedInformation()).isNotEmpty();
            assertThat(d.getRelatedInformation().get(0).getLocation().getUri()).isEqualTo(uri);
            assertThat(d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine()).isEqualTo(3);
            JsonObject data = (JsonObject) d.getData();
            assertThat(data.get("ruleId").getAsString()).isEqualTo("sagemaker_variant_min_instances");
            assertThat(data.get("line").getAsInt()).isEqualTo(16);
            assertThat(data.get("column").getAsInt()).isEqualTo(33);
            assertThat(data.get("resource").getAsString()).isEqualTo("Config");
            assertThat(data.getAsJsonArray("evidence").get(0).getAsJsonObject().get("line").getAsInt())
                    .isEqualTo(4);
            assertThat(d.getRelatedInformation().get(0).getMessage()).contains("Count");
        }
    }

    @Test
    void unresolvedValuesAreInformationUnlessTheProjectConfigurationSaysOtherwise() throws Exception {
        Path file = write("stack.yaml", IMPORTED);
        String uri = Workspace.uri(file);
        try (LspSession s = LspSession.start(dir)) {
            s.open(uri, IMPORTED);
            List<Diagnostic> ds = s.next(uri).getDiagnostics();
            assertThat(ds).hasSize(1);
            assertThat(ds.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(ds.get(0).getMessage().getLeft()).contains("ImportValue");
        }
        write("cfn-validator.yaml", "unresolved: error\n");
        try (LspSession s = LspSession.start(dir)) {
            s.open(uri, IMPORTED);
            assertThat(s.next(uri).getDiagnostics()).extracting(Diagnostic::getSeverity)
                    .containsExactly(DiagnosticSeverity.Error);
        }
    }

    @Test
    void aDocumentThatNoLongerParsesShowsTheProblemAtItsPositionAndNothingStale() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        try (LspSession s = LspSession.start(dir)) {
            s.open(uri, SINGLE);
            assertThat(s.next(uri).getDiagnostics()).hasSize(1);
            String broken = SINGLE.replace("      ModelName: my-model", "      ModelName: [my-model");
            s.change(uri, 2, broken);
            PublishDiagnosticsParams p = s.next(uri);
            assertThat(p.getVersion()).isEqualTo(2);
            assertThat(p.getDiagnostics()).hasSize(1);
            Diagnostic d = p.getDiagnostics().get(0);
            assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(d.getCode().getLeft()).isEqualTo("input_error");
            assertThat(d.getRange().getStart().getLine()).isBetween(12, 15);
        }
    }

    @Test
    void documentsAreRecognisedByContentNotByName() throws Exception {
        try (LspSession s = LspSession.start(dir)) {
            String other = Workspace.uri(dir.resolve("values.yaml"));
            s.open(other, "replicas: 1\nimage: nginx\n");
            assertThat(s.next(other).getDiagnostics()).isEmpty();
            String odd = Workspace.uri(dir.resolve("stack.cfn"));
            s.open(odd, SINGLE);
            assertThat(s.next(odd).getDiagnostics()).extracting(d -> d.getCode().getLeft())
                    .containsExactly("sagemaker_variant_min_instances");
        }
    }

    @Test
    void aNewerEditCancelsAStaleRunAndOnlyTheLatestVersionIsPublished() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        JsonObject options = new JsonObject();
        options.addProperty("debounceMillis", 2000);
        try (LspSession s = LspSession.start(dir, false, options)) {
            s.open(uri, SINGLE);
            assertThat(s.next(uri).getVersion()).isEqualTo(1);
            for (int v = 2; v <= 6; v++) {
                s.change(uri, v, SINGLE.replace("MinValue: 1", "MinValue: " + (v == 6 ? 2 : 1)));
            }
            PublishDiagnosticsParams p = s.next(uri);
            assertThat(p.getVersion()).isEqualTo(6);
            assertThat(p.getDiagnostics()).isEmpty();
            assertThat(s.published.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void pullClientsAskAndGetTheSameDiagnosticsWithoutPushes() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        try (LspSession s = LspSession.start(dir, true, null)) {
            s.open(uri, SINGLE);
            DocumentDiagnosticReport r = s.remote.getTextDocumentService()
                    .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                    .get(30, TimeUnit.SECONDS);
            List<Diagnostic> ds = r.getRelatedFullDocumentDiagnosticReport().getItems();
            assertThat(ds).extracting(d -> d.getCode().getLeft()).containsExactly("sagemaker_variant_min_instances");
            assertThat(s.published.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void pullClientsAreAskedToRefreshWhenTheConfigurationChanges() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        try (LspSession s = LspSession.start(dir, true, null)) {
            s.open(uri, SINGLE);
            assertThat(pull(s, uri)).hasSize(1);
            Path config = write("cfn-validator.yaml", "rules:\n  sagemaker_variant_min_instances: off\n");
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(Workspace.uri(config), FileChangeType.Created))));
            assertThat(s.refreshes.poll(30, TimeUnit.SECONDS)).isNotNull();
            assertThat(pull(s, uri)).isEmpty();
        }
    }

    private static List<Diagnostic> pull(LspSession s, String uri) throws Exception {
        return s.remote.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(
                new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS)
                .getRelatedFullDocumentDiagnosticReport().getItems();
    }

    @Test
    void aChangedProjectConfigurationChecksOpenTemplatesAgain() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        try (LspSession s = LspSession.start(dir)) {
            s.open(uri, SINGLE);
            assertThat(s.next(uri).getDiagnostics()).hasSize(1);
            Path config = write("cfn-validator.yaml", "rules:\n  sagemaker_variant_min_instances: off\n");
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(Workspace.uri(config), FileChangeType.Created))));
            assertThat(s.next(uri).getDiagnostics()).isEmpty();
        }
    }

    @Test
    void aChangedParameterFileNamedByTheConfigurationChecksAgain() throws Exception {
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        Path params = write("params.json", "[{\"ParameterKey\": \"Count\", \"ParameterValue\": \"3\"}]");
        write("cfn-validator.yaml", "parameters:\n  - params.json\n");
        try (LspSession s = LspSession.start(dir)) {
            s.open(uri, SINGLE);
            assertThat(s.next(uri).getDiagnostics()).isEmpty();
            Files.writeString(params, "[{\"ParameterKey\": \"Count\", \"ParameterValue\": \"1\"}]");
            s.remote.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(Workspace.uri(params), FileChangeType.Changed))));
            assertThat(s.next(uri).getDiagnostics()).extracting(d -> d.getCode().getLeft())
                    .containsExactly("sagemaker_variant_min_instances");
        }
    }

    @Test
    void guardRulesInTheProjectConfigurationRunOnOpenTemplates() throws Exception {
        write("policy/min.guard", """
                rule variants_at_least_two {
                    Resources.*[ Type == 'AWS::SageMaker::EndpointConfig' ] {
                        Properties.ProductionVariants[*].InitialInstanceCount >= 2
                        <<
                        Violation: a variant starts with fewer than 2 instances
                        >>
                    }
                }
                """);
        write("cfn-validator.yaml", "guardRules: [policy/]\n");
        Path file = write("stack.yaml", SINGLE);
        String uri = Workspace.uri(file);
        try (LspSession s = LspSession.start(dir)) {
            s.open(uri, SINGLE);
            assertThat(s.next(uri).getDiagnostics()).extracting(d -> d.getCode().getLeft())
                    .contains("sagemaker_variant_min_instances", "variants_at_least_two");
        }
    }

    @Test
    void guardFilesGetParseDiagnosticsAtTheirPosition() throws Exception {
        try (LspSession s = LspSession.start(dir)) {
            String uri = Workspace.uri(dir.resolve("broken.guard"));
            s.open(uri, "rule ok {\n    Resources.* exists\n}\nrule broken {\n    Resources.* ==\n");
            List<Diagnostic> ds = s.next(uri).getDiagnostics();
            assertThat(ds).hasSize(1);
            assertThat(ds.get(0).getCode().getLeft()).isEqualTo("guard_parse_error");
            assertThat(ds.get(0).getRange().getStart().getLine()).isGreaterThanOrEqualTo(3);
            s.change(uri, 2, "rule ok {\n    Resources.* exists\n}\n");
            assertThat(s.next(uri).getDiagnostics()).isEmpty();
        }
    }

    @Test
    void shutdownThenExitEndsWithStatusZero() throws Exception {
        try (LspSession s = LspSession.start(dir)) {
            assertThat(s.shutdown()).isZero();
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
