package io.github.cfnvalidator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.run.Run;
import io.github.cfnvalidator.run.RunResult;
import io.github.cfnvalidator.run.RunSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report read back with jsoup, as a browser parses it: structure, counts, one article per finding with its
 * highlighted lines, witness tables and links; hostile template and Guard strings escaped; the same findings as the
 * JSON report of the same run.
 */
class HtmlReportWriterTest {
    /** One error (1 instance in dev) and one warning (a burstable instance type in dev). */
    private static final String ENDPOINT = String.join("\n",
            "Parameters:",
            "  Env: {Type: String, AllowedValues: [dev, prod]}",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "  IsDev: !Not [!Condition IsProd]",
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
    /** Strings a template or rule author could write to break out of the page. */
    private static final String HOSTILE = "</td></tr></table><script>alert('x')</script> \"q\" & 'a' <b>ünï 𝄞 ☃";
    private static final String LONG = "x".repeat(5000);
    private static final String TOPIC = String.join("\n",
            "Resources:",
            "  Topic:",
            "    Type: AWS::SNS::Topic",
            "    Properties:",
            "      TopicName: '" + HOSTILE.replace("'", "''") + "'",
            "      DisplayName: " + LONG,
            "");
    private static final String GUARD_MESSAGE = "<script>alert(\"guard\")</script> </td> 'one' \"two\" & ünï 𝄞";
    private static final String GUARD = String.join("\n",
            "rule topic_name_plain {",
            "    Resources.*[ Type == 'AWS::SNS::Topic' ].Properties.TopicName != /script/ <<" + GUARD_MESSAGE
                    + " [FIX]: use <i>plain</i> names>>",
            "}",
            "rule two_instances {",
            "    Resources.*[ Type == 'AWS::SageMaker::EndpointConfig' ].Properties.ProductionVariants[*]"
                    + ".InitialInstanceCount >= 2",
            "}",
            "rule topic_display_short {",
            "    Resources.*[ Type == 'AWS::SNS::Topic' ].Properties.DisplayName != /x{100}/",
            "}",
            "");

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private RunResult run(Threshold failOn) throws IOException {
        write("templates/endpoint.yaml", ENDPOINT);
        write("templates/topic.yaml", TOPIC);
        write("templates/broken.yaml", "Resources:\n  A: [1, 2\n");
        write("templates/buildspec.yml", "version: 0.2\nphases: {}\n");
        write("rules/topic.guard", GUARD);
        return Run.execute(RunSettings.builder().projectDir(dir).noConfig().failOn(failOn)
                .paths(List.of(Path.of("templates"))).guardRules(List.of(Path.of("rules"))).build());
    }

    private static String html(RunResult r) throws IOException {
        StringWriter out = new StringWriter();
        r.write(ReportFormat.HTML, out);
        return out.toString();
    }

    private static Element finding(Document doc, String rule, String file) {
        Elements found = doc.select("article.finding[data-rule=" + rule + "][data-file=" + file + "]");
        assertThat(found).as(rule + " in " + file).hasSize(1);
        return found.first();
    }

    @Test
    void summaryCountsAndVerdictMatchTheReport() throws IOException {
        RunResult r = run(Threshold.ERROR);
        Document doc = Jsoup.parse(html(r));
        Summary s = r.report().summary();
        assertThat(doc.title()).isEqualTo("CFN Validator report");
        assertThat(doc.select("#verdict").text()).isEqualTo("FAIL");
        assertThat(doc.select("#count-error").text()).isEqualTo(String.valueOf(s.errors()));
        assertThat(doc.select("#count-warning").text()).isEqualTo(String.valueOf(s.warnings()));
        assertThat(doc.select("#count-info").text()).isEqualTo(String.valueOf(s.infos()));
        assertThat(s.errors()).isPositive();
        assertThat(doc.select("#findings > h2").text()).isEqualTo("Findings (" + s.findings() + ")");
        assertThat(doc.select("table.files tbody tr")).hasSize(4);
        assertThat(doc.select("table.rules tbody tr")).extracting(e -> e.attr("data-rule"))
                .containsAll(r.report().rules().stream().map(RuleDescriptor::id).toList())
                .contains("topic_name_plain", "topic_display_short");
        Element minRow = doc.getElementById("rule-sagemaker_variant_min_instances");
        assertThat(minRow.select("td.n").eachText()).containsExactly("1", "1");
        assertThat(doc.select("table.input-errors > tbody > tr")).singleElement().satisfies(tr -> {
            assertThat(tr.child(0).text()).isEqualTo("templates/broken.yaml");
            assertThat(tr.child(1).text()).isEqualTo("3");
            assertThat(tr.select("table.source tr").eachAttr("data-line")).containsExactly("2");
        });
        assertThat(doc.select("#skipped li").text()).startsWith("templates/buildspec.yml");
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("link, img, iframe, [src]")).isEmpty();
    }

    @Test
    void thresholdNoneWithoutInputErrorsPasses() throws IOException {
        write("templates/endpoint.yaml", ENDPOINT);
        RunResult r = Run.execute(RunSettings.builder().projectDir(dir).noConfig().failOn(Threshold.NONE)
                .paths(List.of(Path.of("templates"))).build());
        Document doc = Jsoup.parse(html(r));
        assertThat(doc.select("#verdict").text()).isEqualTo("PASS");
        assertThat(doc.select(".why").text()).startsWith("0 finding(s) at or above the threshold (none)");
    }

    @Test
    void eachFindingShowsItsSourceWithTheOffendingLineHighlighted() throws IOException {
        Document doc = Jsoup.parse(html(run(Threshold.ERROR)));
        Element min = finding(doc, "sagemaker_variant_min_instances", "templates/endpoint.yaml");
        assertThat(min.select("tr.hl").eachAttr("data-line")).containsExactly("14");
        assertThat(min.select("table.source tr").eachAttr("data-line"))
                .containsExactly("12", "13", "14");
        assertThat(min.select("mark").text()).isEqualTo("!If [IsProd, 2, 1]");
        assertThat(min.select(".fix").text()).startsWith("Fix: ");
        assertThat(min.select(".loc").first().text()).isEqualTo("templates/endpoint.yaml:14:33");
        Element burst = finding(doc, "sagemaker_variant_burstable_instance", "templates/endpoint.yaml");
        assertThat(burst.select("tr.hl").eachAttr("data-line")).containsExactly("13");
    }

    @Test
    void theWitnessDeploymentIsATableBesideTheLinesThatDefineIt() throws IOException {
        Document doc = Jsoup.parse(html(run(Threshold.ERROR)));
        Element min = finding(doc, "sagemaker_variant_min_instances", "templates/endpoint.yaml");
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : min.select("table.witness > tbody > tr")) {
            rows.add(tr.children().eachText());
        }
        assertThat(rows).containsExactly(
                List.of("parameter", "Env", "dev", "2 Env: {Type: String, AllowedValues: [dev, prod]}"),
                List.of("condition", "IsProd", "false", "4 IsProd: !Equals [!Ref Env, prod]"),
                List.of("condition", "IsDev", "true", "5 IsDev: !Not [!Condition IsProd]"));
        assertThat(min.select("table.witness table.def tr").eachAttr("data-line")).containsExactly("2", "4", "5");
        Element guard = finding(doc, "two_instances", "templates/endpoint.yaml");
        assertThat(guard.select(".message").text()).contains("Env=dev gives 1");
        assertThat(guard.select("table.witness > tbody > tr > td:eq(1)").eachText())
                .containsExactly("Env", "IsProd", "IsDev");
        Element topic = finding(doc, "topic_name_plain", "templates/topic.yaml");
        assertThat(topic.select("table.witness")).isEmpty();
    }

    @Test
    void findingsLinkToTheirRuleAndItsPage() throws IOException {
        Document doc = Jsoup.parse(html(run(Threshold.ERROR)));
        Element min = finding(doc, "sagemaker_variant_min_instances", "templates/endpoint.yaml");
        assertThat(min.select("a.rule").attr("href")).isEqualTo("#rule-sagemaker_variant_min_instances");
        assertThat(min.select("a.rule-page").attr("href"))
                .isEqualTo(HtmlReportWriter.DOCS_BASE + "docs/rules/sagemaker_variant_min_instances.md");
        for (Element a : doc.select("a[href^=#]")) {
            assertThat(doc.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull();
        }
        assertThat(doc.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    @Test
    void hostileTemplateAndGuardStringsAreEscaped() throws IOException {
        String html = html(run(Threshold.ERROR));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>ünï").doesNotContain("<i>plain");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("b:contains(ünï), i:contains(plain)")).isEmpty();
        Element guard = finding(doc, "topic_name_plain", "templates/topic.yaml");
        assertThat(guard.select(".message").text()).isEqualTo(GUARD_MESSAGE);
        assertThat(guard.select(".fix").text()).isEqualTo("Fix: use <i>plain</i> names");
        assertThat(guard.select("tr.hl td.code").text()).contains(HOSTILE.replace("'", "''"));
        Element longLine = finding(doc, "topic_display_short", "templates/topic.yaml");
        String shown = longLine.select("tr.hl td.code").text();
        assertThat(shown).endsWith("\u2026").hasSizeLessThan(HtmlReportWriter.MAX_LINE + 40);
        assertThat(doc.select("article.finding")).allSatisfy(a -> assertThat(a.parent().tagName())
                .isEqualTo("details"));
    }

    @Test
    void suppressedAndBaselinedFindingsAreListedApartWithTheirReason() throws IOException {
        write("templates/endpoint.yaml", ENDPOINT.replace("    Type: AWS::SageMaker::EndpointConfig\n",
                "    Type: AWS::SageMaker::EndpointConfig\n    Metadata:\n      cfn-validator:\n        suppress:\n"
                        + "          - rule: sagemaker_variant_burstable_instance\n"
                        + "            reason: \"dev only <b>on purpose</b>\"\n"));
        write("templates/single.yaml", ENDPOINT.replace("!If [IsProd, 2, 1]", "1"));
        Run.execute(RunSettings.builder().projectDir(dir).noConfig().paths(List.of(Path.of("templates/single.yaml")))
                .writeBaseline(Path.of("baseline.json")).build());
        RunResult r = Run.execute(RunSettings.builder().projectDir(dir).noConfig()
                .paths(List.of(Path.of("templates"))).baseline(Path.of("baseline.json")).build());
        Document doc = Jsoup.parse(html(r));
        assertThat(doc.select("article.finding").eachAttr("data-rule"))
                .containsExactly("sagemaker_variant_min_instances");
        assertThat(doc.select("#set-aside details").hasAttr("open")).isFalse();
        List<String> rows = new ArrayList<>();
        for (Element tr : doc.select("table.set-aside tbody tr")) {
            rows.add(tr.attr("data-file") + " " + tr.attr("data-rule") + ": " + tr.select(".reason").text());
        }
        assertThat(rows).containsExactly(
                "templates/endpoint.yaml sagemaker_variant_burstable_instance: suppressed (cfn-validator Metadata on "
                        + "Config, line 12): dev only <b>on purpose</b>",
                "templates/single.yaml sagemaker_variant_burstable_instance: known: recorded in the baseline",
                "templates/single.yaml sagemaker_variant_min_instances: known: recorded in the baseline");
        assertThat(doc.select("#set-aside b")).isEmpty();
    }

    @Test
    void theFragmentForTheSiteIsOneDivWithItsOwnStyleAndScript() throws IOException {
        RunResult r = run(Threshold.ERROR);
        StringWriter out = new StringWriter();
        new HtmlReportWriter(Severity.ERROR, dir).writeFragment(r.report(), out);
        String fragment = out.toString();
        assertThat(fragment).startsWith("<div class=\"cfnv\" id=\"cfnv\">").doesNotContain("<html", "<body", "<h1");
        Document doc = Jsoup.parseBodyFragment(fragment);
        assertThat(doc.body().children()).singleElement().satisfies(div -> {
            assertThat(div.select("> style")).hasSize(1);
            assertThat(div.select("> script")).hasSize(1);
        });
        assertThat(doc.select("article.finding")).hasSize(r.report().allFindings().size());
    }

    @Test
    void controlCharactersAndLoneSurrogatesBecomeReplacementCharacters() {
        assertThat(HtmlOut.escape("a\u0000b\u0007c\td\ud800e\ud834\udd1e"))
                .isEqualTo("a\uFFFDb\uFFFDc\td\uFFFDe\ud834\udd1e");
        assertThat(HtmlOut.escape("<&>\"'")).isEqualTo("&lt;&amp;&gt;&quot;&#39;");
    }

    @Test
    void theHtmlReportListsExactlyTheFindingsOfTheJsonReport() throws IOException {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        run(Threshold.ERROR);
        RunResult r = Run.execute(RunSettings.builder().projectDir(dir).noConfig()
                .paths(List.of(Path.of("templates"), examples)).guardRules(List.of(Path.of("rules"))).build());
        StringWriter json = new StringWriter();
        r.write(ReportFormat.JSON, json);
        List<String> fromJson = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json.toString()).get("files")) {
            for (JsonNode x : f.get("findings")) {
                fromJson.add(String.join("|", x.get("ruleId").asText(), x.get("severity").asText(),
                        f.get("path").asText() + ":" + x.get("line").asInt() + ":" + x.get("column").asInt(),
                        x.get("message").asText()));
            }
        }
        List<String> fromHtml = new ArrayList<>();
        for (Element a : Jsoup.parse(html(r)).select("article.finding")) {
            fromHtml.add(String.join("|", a.attr("data-rule"), a.attr("data-severity"),
                    a.select("h3 .loc").text(), a.select(".message").text()));
        }
        assertThat(fromJson).hasSizeGreaterThan(10);
        assertThat(fromHtml).containsExactlyElementsOf(fromJson);
    }
}
