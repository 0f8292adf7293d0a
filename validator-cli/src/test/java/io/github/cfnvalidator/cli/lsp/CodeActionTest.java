package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each code action is applied to the document as the editor would, and the re-validated document has lost the
 * finding and gained nothing; an edit that would not pass the rule is never offered.
 */
class CodeActionTest {
    @TempDir
    Path dir;

    @Test
    void raisingAnExistingMinValueFixesTheFinding() throws Exception {
        String fixed = applyAndCheck("stack.yaml", DiagnosticsTest.SINGLE, "Set MinValue: 2 on parameter Count");
        assertThat(fixed).contains("MinValue: 2").doesNotContain("MinValue: 1");
    }

    @Test
    void addingAMinValueLineFixesTheFinding() throws Exception {
        String text = DiagnosticsTest.SINGLE.replace("    MinValue: 1\n", "");
        String fixed = applyAndCheck("stack.yaml", text, "Set MinValue: 2 on parameter Count");
        assertThat(fixed).contains("  Count:\n    MinValue: 2\n    Type: Number\n");
    }

    @Test
    void narrowingAllowedValuesLeavesOutTheWitness() throws Exception {
        String text = DiagnosticsTest.SINGLE.replace("    MinValue: 1\n", "    AllowedValues: [1, 2, 3]\n");
        String fixed = applyAndCheck("stack.yaml", text, "Narrow AllowedValues of parameter Count to [2, 3]");
        assertThat(fixed).contains("AllowedValues: [2, 3]");
    }

    @Test
    void aLiteralIsSetToTheValueTheFixNames() throws Exception {
        String text = DiagnosticsTest.SINGLE.replace("!Ref Count", "1");
        String fixed = applyAndCheck("stack.yaml", text, "Set InitialInstanceCount to 2");
        assertThat(fixed).contains("InitialInstanceCount: 2");
    }

    @Test
    void suppressingWritesTheMetadataFormTheControlsReadWithAReason() throws Exception {
        String fixed = applyAndCheck("stack.yaml", DiagnosticsTest.SINGLE,
                "Suppress sagemaker_variant_min_instances on Config (with a reason)");
        assertThat(fixed).contains("Metadata: {cfn-validator: {suppress: [{rule: sagemaker_variant_min_instances, "
                + "reason: ");
    }

    @Test
    void jsonTemplatesGetJsonEdits() throws Exception {
        String json = """
                {"Parameters": {"Count": {"Type": "Number", "MinValue": 1}},
                 "Resources": {"Config": {"Type": "AWS::SageMaker::EndpointConfig",
                   "Properties": {"ProductionVariants": [{"VariantName": "A", "ModelName": "m",
                     "InstanceType": "ml.m5.large", "InitialVariantWeight": 1,
                     "InitialInstanceCount": {"Ref": "Count"}}]}}}}
                """;
        applyAndCheck("stack.json", json, "Set MinValue: 2 on parameter Count");
        String fixed = applyAndCheck("stack.json", json,
                "Suppress sagemaker_variant_min_instances on Config (with a reason)");
        assertThat(fixed).contains("{\"Metadata\": {\"cfn-validator\": {\"suppress\": [{\"rule\": ");
    }

    @Test
    void anEditThatWouldNotPassTheRuleIsNotOffered() throws Exception {
        String text = DiagnosticsTest.SINGLE.replace("!Ref Count", "!If [Big, !Ref Count, 1]")
                .replace("Resources:\n", "Conditions:\n  Big: !Equals [!Ref Count, 5]\nResources:\n");
        try (LspSession s = LspSession.start(dir)) {
            String uri = Workspace.uri(dir.resolve("stack.yaml"));
            s.open(uri, text);
            Diagnostic d = s.next(uri).getDiagnostics().get(0);
            List<String> titles = actions(s, uri, d).stream().map(CodeAction::getTitle).toList();
            assertThat(titles).noneMatch(t -> t.startsWith("Set MinValue"))
                    .contains("Suppress sagemaker_variant_min_instances on Config (with a reason)");
        }
    }

    /** Opens the text, applies the named action, and checks the diagnostics that follow; returns the new text. */
    private String applyAndCheck(String name, String text, String title) throws Exception {
        try (LspSession s = LspSession.start(dir)) {
            String uri = Workspace.uri(dir.resolve(name));
            s.open(uri, text);
            List<Diagnostic> before = s.next(uri).getDiagnostics();
            assertThat(before).extracting(x -> x.getCode().getLeft())
                    .containsExactly("sagemaker_variant_min_instances");
            List<CodeAction> offered = actions(s, uri, before.get(0));
            CodeAction action = offered.stream().filter(a -> a.getTitle().equals(title)).findFirst()
                    .orElseThrow(() -> new AssertionError(title + " not among "
                            + offered.stream().map(CodeAction::getTitle).toList()));
            assertThat(action.getDiagnostics()).containsExactly(before.get(0));
            List<TextEdit> edits = action.getEdit().getChanges().get(uri);
            String fixed = Fixes.apply(text, edits);
            s.change(uri, 2, fixed);
            PublishDiagnosticsParams after = s.next(uri);
            assertThat(after.getVersion()).isEqualTo(2);
            assertThat(after.getDiagnostics()).as(fixed).isEmpty();
            return fixed;
        }
    }

    private static List<CodeAction> actions(LspSession s, String uri, Diagnostic d) throws Exception {
        return s.remote.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
                d.getRange(), new CodeActionContext(List.of(d)))).get(60, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
    }
}
