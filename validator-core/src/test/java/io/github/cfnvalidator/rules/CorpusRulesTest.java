package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Report;
import io.github.cfnvalidator.template.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules over the shared corpus of real templates: no rule ever fails internally, and templates without
 * SageMaker or autoscaling resources get no finding at all (no false alarms elsewhere) beyond the template_* rules'
 * findings on how the text is written (a key written twice). Needs ../shared (skipped with a note without it;
 * required in CI).
 */
class CorpusRulesTest {
    @Test
    void noFalseAlarmsAndNoInternalErrorsOnRealTemplates() throws IOException {
        Path templates = SharedCorpus.requireTemplates();
        List<Path> files;
        try (Stream<Path> s = Files.walk(templates)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Report report = Validator.builder().build().validate(files);
        int unrelated = 0;
        int related = 0;
        List<String> falseAlarms = new ArrayList<>();
        List<String> aboutTheText = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileReport r = report.files().get(i);
            for (Finding f : r.findings()) {
                assertThat(f.message()).as(r.path()).doesNotContain("internal error");
            }
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            boolean sageMakerOrScaling = text.contains("AWS::SageMaker::") || text.contains("ApplicationAutoScaling");
            if (sageMakerOrScaling) {
                related++;
            } else {
                unrelated++;
                // template_* rules judge how the template is written (a key written twice), not the HA pack
                r.findings().forEach(f -> (f.ruleId().startsWith("template_") ? aboutTheText : falseAlarms)
                        .add(r.path() + ": " + f.message()));
            }
        }
        System.out.printf("HA rule pack over the corpus: %d templates without SageMaker/autoscaling resources, "
                + "%d false alarms; %d templates with them, %d findings%n", unrelated, falseAlarms.size(), related,
                report.allFindings().size() - falseAlarms.size() - aboutTheText.size());
        System.out.printf("template_* findings (how the template is written): %d%n", aboutTheText.size());
        aboutTheText.forEach(f -> System.out.println("  " + f));
        assertThat(unrelated).isGreaterThan(350);
        assertThat(falseAlarms).isEmpty();
    }
}
