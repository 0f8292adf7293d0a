package io.github.cfnvalidator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.ReportFormat;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.report.Threshold;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run layer: precedence, thresholds, typed input problems, baselines, in-memory documents, outputs. */
class RunTest {
    /** One error (1 instance in dev) and one warning (a burstable instance type in dev). */
    private static final String TEMPLATE = String.join("\n",
            "Parameters:",
            "  Env: {Type: String, AllowedValues: [dev, prod]}",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "Resources:",
            "  Config:",
            "    Type: AWS::SageMaker::EndpointConfig",
            "    Properties:",
            "      ProductionVariants:",
            "        - VariantName: primary",
            "          ModelName: m",
            "          InstanceType: !If [IsProd, ml.c5.xlarge, ml.t2.medium]",
            "          InitialInstanceCount: !If [IsProd, 2, 1]",
            "");
    private static final String MIN_INSTANCES = "sagemaker_variant_min_instances";
    private static final String BURSTABLE = "sagemaker_variant_burstable_instance";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private RunSettings.Builder project() {
        return RunSettings.builder().projectDir(dir).paths(List.of(Path.of("templates")));
    }

    private static List<String> ruleIds(RunResult r) {
        return r.report().allFindings().stream().map(f -> f.ruleId() + ":" + f.severity().label()).toList();
    }

    @Test
    void defaultsApplyWithoutAConfigurationFile() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        RunResult r = Run.execute(project().build());
        assertThat(ruleIds(r)).containsExactlyInAnyOrder(MIN_INSTANCES + ":error", BURSTABLE + ":warning");
        assertThat(r.threshold()).isEqualTo(Threshold.ERROR);
        assertThat(r.violations()).isEqualTo(1);
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATIONS);
        assertThat(r.problems()).isEmpty();
        assertThat(r.report().files()).extracting(FileReport::path).containsExactly("templates/endpoint.yaml");
    }

    @Test
    void theConfigurationFileOverridesDefaultsAndSettingsOverrideTheFile() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        write("cfn-validator.yaml", "failOn: warning\nunresolved: error\nrules:\n  " + MIN_INSTANCES + ": off\n");
        RunPlan fromFile = Run.prepare(project().build());
        assertThat(fromFile.config()).isPresent();
        assertThat(fromFile.threshold()).isEqualTo(Threshold.WARNING);
        assertThat(fromFile.unresolvedSeverity()).isEqualTo(Severity.ERROR);
        RunResult r = fromFile.execute();
        assertThat(ruleIds(r)).containsExactly(BURSTABLE + ":warning");
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATIONS);

        RunPlan overridden = Run.prepare(project().failOn(Threshold.ERROR).unresolved(Severity.WARNING).build());
        assertThat(overridden.threshold()).isEqualTo(Threshold.ERROR);
        assertThat(overridden.unresolvedSeverity()).isEqualTo(Severity.WARNING);
        assertThat(overridden.execute().verdict()).isEqualTo(Verdict.PASS);

        RunPlan without = Run.prepare(project().noConfig().build());
        assertThat(without.config()).isEmpty();
        assertThat(without.threshold()).isEqualTo(Threshold.ERROR);
        assertThat(ruleIds(without.execute())).hasSize(2);
    }

    @Test
    void thresholdsJudgeTheSameFindingsDifferently() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        assertThat(verdictAt(Threshold.ERROR)).isEqualTo(Verdict.VIOLATIONS);
        assertThat(verdictAt(Threshold.NONE)).isEqualTo(Verdict.PASS);
        write("cfn-validator.yaml", "rules:\n  " + MIN_INSTANCES + ": off\n  " + BURSTABLE + ": info\n");
        assertThat(verdictAt(Threshold.WARNING)).isEqualTo(Verdict.PASS);
        assertThat(verdictAt(Threshold.INFO)).isEqualTo(Verdict.VIOLATIONS);
    }

    private Verdict verdictAt(Threshold t) {
        return Run.execute(project().failOn(t).build()).verdict();
    }

    @Test
    void anUnusableConfigurationBlocksTheRunWithItsPosition() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        write("conf/bad.yaml", "failOn: sometimes\n");
        RunPlan plan = Run.prepare(project().configFile(Path.of("conf/bad.yaml")).build());
        assertThat(plan.blockingProblems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(InputProblem.Kind.CONFIG);
            assertThat(p.file()).isEqualTo("conf/bad.yaml");
            assertThat(p.location().line()).isEqualTo(1);
            assertThat(p.location().column()).isEqualTo(9);
            assertThat(p.message()).isEqualTo("failOn must be error, warning, info or none, not 'sometimes'");
        });
        RunResult r = plan.execute();
        assertThat(r.verdict()).isEqualTo(Verdict.INPUT_ERROR);
        assertThat(r.report().allFindings()).isEmpty();
    }

    @Test
    void unusableInputFilesAreTypedProblemsAndTheTemplatesAreStillChecked() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        write("templates/broken.yaml", "Resources:\n  A: [1, 2\n");
        write("params/bad.json", "[{\"ParameterKey\": \"Env\",}]");
        write("rules/bad.guard", "rule r { Resources.*.Type == }\n");
        write("baseline.json", "{\"findings\": 3}");
        RunResult r = Run.execute(project().parameters(Path.of("params/bad.json"))
                .guardRules(List.of(Path.of("rules/bad.guard"))).baseline(Path.of("baseline.json")).build());
        assertThat(r.problems()).extracting(InputProblem::kind).containsExactly(InputProblem.Kind.RULES,
                InputProblem.Kind.BASELINE, InputProblem.Kind.PARAMETERS, InputProblem.Kind.TEMPLATE);
        assertThat(r.problems()).extracting(InputProblem::file).containsExactly("rules/bad.guard", "baseline.json",
                "params/bad.json", "templates/broken.yaml");
        InputProblem parameters = r.problems().get(2);
        assertThat(parameters.location().file()).isEqualTo("params/bad.json");
        assertThat(parameters.location().line()).isEqualTo(1);
        assertThat(parameters.message()).contains("parameter file is not valid JSON");
        assertThat(r.problems().get(3).location().line()).isGreaterThan(1);
        assertThat(r.verdict()).isEqualTo(Verdict.INPUT_ERROR);
        // the report still lists them first, as failed entries, then every template
        assertThat(r.report().files()).extracting(FileReport::path).containsExactly("rules/bad.guard",
                "baseline.json", "params/bad.json", "templates/broken.yaml", "templates/endpoint.yaml");
        assertThat(r.report().allFindings()).extracting(Finding::ruleId).contains(MIN_INSTANCES);
    }

    @Test
    void aBaselineHidesKnownFindingsAndCountsThem() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        RunResult recorded = Run.execute(project().writeBaseline(Path.of("target/known.json")).build());
        BaselineOutcome.Written w = recorded.baseline().written().orElseThrow();
        assertThat(w.findings()).isEqualTo(2);
        assertThat(w.name()).isEqualTo("target/known.json");
        assertThat(w.error()).isEmpty();
        assertThat(recorded.baseline().applied()).isEmpty();
        assertThat(recorded.verdict()).isEqualTo(Verdict.PASS); // recorded, not judged

        RunResult again = Run.execute(project().baseline(Path.of("target/known.json")).build());
        BaselineOutcome.Applied a = again.baseline().applied().orElseThrow();
        assertThat(a.known()).isEqualTo(2);
        assertThat(a.fixed()).isZero();
        assertThat(a.name()).isEqualTo("target/known.json");
        assertThat(again.report().allFindings()).isEmpty();
        assertThat(again.verdict()).isEqualTo(Verdict.PASS);

        write("templates/endpoint.yaml", TEMPLATE.replace("!If [IsProd, 2, 1]", "2"));
        BaselineOutcome.Applied fixed = Run.execute(project().baseline(Path.of("target/known.json")).build())
                .baseline().applied().orElseThrow();
        assertThat(fixed.known()).isEqualTo(1);
        assertThat(fixed.fixed()).isEqualTo(1);
    }

    @Test
    void theConfigurationsBaselineIsNotReadWhileOneIsWritten() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        write("cfn-validator.yaml", "baseline: missing.json\n");
        assertThat(Run.execute(project().build()).problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(InputProblem.Kind.BASELINE));
        RunResult writing = Run.execute(project().writeBaseline(Path.of("today.json")).build());
        assertThat(writing.problems()).isEmpty();
        assertThat(writing.baseline().applied()).isEmpty();
    }

    @Test
    void anInMemoryDocumentIsCheckedWithTheParametersOfWhereItWouldBeSaved() throws IOException {
        write("params/prod.json", "{\"Parameters\": {\"Env\": \"prod\"}}");
        Path saved = dir.resolve("templates/prod/endpoint.yaml");
        RunSettings.Builder b = RunSettings.builder().projectDir(dir).noConfig()
                .parameters(Path.of("params/prod.json"), List.of("templates/prod/**"))
                .document(new SourceDocument(saved.toUri().toString(), TEMPLATE))
                .document(new SourceDocument("scratch.yaml", TEMPLATE))
                .document(new SourceDocument("broken.json", "{\"Resources\": "));
        RunResult r = Run.execute(b.build());
        assertThat(Files.exists(saved)).isFalse();
        List<FileReport> files = r.report().files();
        assertThat(files).extracting(FileReport::path).containsExactly(saved.toUri().toString(), "scratch.yaml",
                "broken.json");
        assertThat(files.get(0).findings()).isEmpty();  // Env pinned to prod for templates/prod/**
        assertThat(files.get(1).findings()).extracting(Finding::ruleId).contains(MIN_INSTANCES);
        assertThat(files.get(1).findings().get(0).location().file()).isEqualTo("scratch.yaml");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(InputProblem.Kind.TEMPLATE);
            assertThat(p.file()).isEqualTo("broken.json");
            assertThat(p.location().line()).isEqualTo(1);
        });
    }

    @Test
    void perTemplateParameterFilesMatchRelativeToEachSearchedFolder() throws IOException {
        write("templates/prod/endpoint.yaml", TEMPLATE);
        write("templates/dev/endpoint.yaml", TEMPLATE);
        write("params/prod.json", "{\"Parameters\": {\"Env\": \"prod\"}}");
        RunResult r = Run.execute(project().noConfig().parameters(Path.of("params/prod.json"), List.of("prod/**"))
                .build());
        assertThat(r.report().files()).extracting(FileReport::path).containsExactly("templates/dev/endpoint.yaml",
                "templates/prod/endpoint.yaml");
        assertThat(r.report().files().get(0).findings()).isNotEmpty();
        assertThat(r.report().files().get(1).findings()).isEmpty();
    }

    @Test
    void walkingHonoursIncludesExcludesAndSkipsMavenTarget() throws IOException {
        write("pom.xml", "<project/>");
        write("templates/a.yaml", TEMPLATE);
        write("templates/legacy/b.yaml", TEMPLATE);
        write("target/classes/c.yaml", TEMPLATE);
        RunResult r = Run.execute(RunSettings.builder().projectDir(dir).noConfig().paths(List.of(Path.of(".")))
                .excludes(List.of("**/legacy/")).build());
        assertThat(r.report().files()).extracting(FileReport::path).containsExactly("templates/a.yaml");
        RunResult missing = Run.execute(RunSettings.builder().projectDir(dir).noConfig()
                .paths(List.of(Path.of("nowhere"))).build());
        assertThat(missing.report().files()).isEmpty();
        assertThat(missing.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void withoutAProjectPathsAreNamedAsGivenAndMissingOnesAreProblems() {
        Path nope = dir.resolve("nope.yaml");
        RunResult r = Run.execute(RunSettings.builder().noConfig().paths(List.of(nope)).build());
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(InputProblem.Kind.TEMPLATE);
            assertThat(p.file()).isEqualTo(nope.toString().replace('\\', '/'));
            assertThat(p.message()).isEqualTo("no such file");
        });
    }

    @Test
    void reportsAreWrittenInEveryFormatWithTheirDefaultNames() throws IOException {
        write("templates/endpoint.yaml", TEMPLATE);
        RunSettings.Builder b = project().noConfig();
        Path out = dir.resolve("target/cfn-validator");
        for (ReportFormat f : ReportFormat.values()) {
            b.output(f, out.resolve(f.defaultFileName()));
        }
        RunResult r = Run.execute(b.build());
        List<Path> written = r.writeOutputs();
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("cfn-validator.txt",
                "cfn-validator.json", "cfn-validator.sarif", "TEST-cfn-validator.xml");
        assertThat(Files.readString(out.resolve("cfn-validator.txt"))).contains("templates/endpoint.yaml:13:");
        StringWriter json = new StringWriter();
        r.write(ReportFormat.JSON, json);
        assertThat(json.toString()).isEqualTo(Files.readString(out.resolve("cfn-validator.json")));
    }
}
