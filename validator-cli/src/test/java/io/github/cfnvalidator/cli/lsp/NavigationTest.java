package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Hover (domains, conditions, witnesses), definition, references and the outline over the protocol. */
class NavigationTest {
    static final String TEMPLATE = """
            Parameters:
              Env:
                Type: String
                AllowedValues: [dev, prod]
              Count:
                Type: Number
                MinValue: 1
            Mappings:
              Sizes:
                dev: {Type: ml.t3.medium}
                prod: {Type: ml.m5.large}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Model:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/r
                  PrimaryContainer:
                    Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1.0
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Condition: IsProd
                Properties:
                  ProductionVariants:
                    - VariantName: !Sub "${Env}-variant"
                      ModelName: !GetAtt Model.ModelName
                      InstanceType: !FindInMap [Sizes, !Ref Env, Type]
                      InitialVariantWeight: 1
                      InitialInstanceCount: !If [IsProd, !Ref Count, 2]
            Outputs:
              Name:
                Value: !Ref Config
            """;

    @TempDir
    Path dir;

    @Test
    void hoverShowsTheParameterDomainTheConditionTruthAndTheWitness() throws Exception {
        try (LspSession s = open()) {
            TextDocumentService t = s.remote.getTextDocumentService();
            String count = hover(t, 29, 51); // !Ref Count inside Fn::If
            assertThat(count).contains("Parameter Count").contains("MinValue 1");
            String env = hover(t, 12, 25); // !Ref Env in the condition
            assertThat(env).contains("Parameter Env").contains("`dev`, `prod`");
            String condition = hover(t, 22, 17); // Condition: IsProd on the resource
            assertThat(condition).contains("Condition IsProd").contains("true when: Env=prod")
                    .contains("false when: Env=dev");
            assertThat(hover(t, 29, 33)).contains("Condition IsProd"); // the !If itself
            assertThat(hover(t, 25, 32)).contains("Parameter Env"); // ${Env} in Fn::Sub
            String finding = hover(t, 29, 36);
            assertThat(finding).contains("sagemaker_variant_min_instances").contains("Count=1")
                    .contains("MinValue: 2");
        }
    }

    @Test
    void definitionAndReferencesFollowRefGetAttConditionFindInMapAndSub() throws Exception {
        try (LspSession s = open()) {
            TextDocumentService t = s.remote.getTextDocumentService();
            assertThat(definition(t, 25, 32)).isEqualTo(1);  // ${Env} in Fn::Sub -> Parameters.Env
            assertThat(definition(t, 26, 30)).isEqualTo(14); // !GetAtt Model.ModelName -> Resources.Model
            assertThat(definition(t, 27, 37)).isEqualTo(8);  // FindInMap Sizes -> Mappings.Sizes
            assertThat(definition(t, 29, 38)).isEqualTo(12); // Fn::If IsProd -> Conditions.IsProd
            assertThat(definition(t, 32, 17)).isEqualTo(20); // Ref Config -> Resources.Config
            List<? extends Location> refs = t.references(new ReferenceParams(new TextDocumentIdentifier(current),
                    new Position(1, 3), new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
            assertThat(refs).extracting(l -> l.getRange().getStart().getLine())
                    .containsExactlyInAnyOrder(1, 12, 25, 27);
        }
    }

    @Test
    void theOutlineListsTheSectionsAndTheirEntries() throws Exception {
        try (LspSession s = open()) {
            List<DocumentSymbol> symbols = s.remote.getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(current)))
                    .get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
            assertThat(symbols).extracting(DocumentSymbol::getName)
                    .containsExactly("Parameters", "Mappings", "Conditions", "Resources", "Outputs");
            DocumentSymbol resources = symbols.get(3);
            assertThat(resources.getChildren()).extracting(DocumentSymbol::getName).containsExactly("Model", "Config");
            assertThat(resources.getChildren().get(1).getDetail()).isEqualTo("AWS::SageMaker::EndpointConfig");
        }
    }

    private LspSession open() throws Exception {
        LspSession s = LspSession.start(dir);
        current = Workspace.uri(dir.resolve("nav.yaml"));
        s.open(current, TEMPLATE);
        s.next(current);
        return s;
    }

    private String hover(TextDocumentService t, int line, int character) throws Exception {
        Hover h = t.hover(new HoverParams(new TextDocumentIdentifier(uriOf(t)), new Position(line, character)))
                .get(30, TimeUnit.SECONDS);
        assertThat(h).as("hover at %d:%d", line, character).isNotNull();
        return h.getContents().getRight().getValue();
    }

    private int definition(TextDocumentService t, int line, int character) throws Exception {
        List<? extends Location> l = t.definition(new DefinitionParams(new TextDocumentIdentifier(uriOf(t)),
                new Position(line, character))).get(30, TimeUnit.SECONDS).getLeft();
        assertThat(l).as("definition at %d:%d", line, character).hasSize(1);
        return l.get(0).getRange().getStart().getLine();
    }

    private String current;

    private String uriOf(TextDocumentService t) {
        return current;
    }
}
