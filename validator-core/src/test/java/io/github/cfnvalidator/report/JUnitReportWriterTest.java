package io.github.cfnvalidator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfnvalidator.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** JUnit XML output: valid against Surefire's 3.0 report schema, one test case per template and rule. */
class JUnitReportWriterTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static Document xml(Report report, Severity threshold) throws Exception {
        StringWriter out = new StringWriter();
        new JUnitReportWriter(threshold).write(report, out);
        String text = out.toString();
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(JUnitReportWriterTest.class.getResource("/junit/surefire-test-report-3.0.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(text)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private Report sampleReport() throws IOException {
        write("t/a-bucket.yaml", SarifReportWriterTest.PUBLIC_BUCKET);
        write("t/b-queue.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        write("t/c-broken.yaml", "Resources: [\u0001\n");
        write("t/d-buildspec.yml", "version: 0.2\n");
        Validator v = SampleRules.validator();
        return v.validate(List.of(dir.resolve("t")));
    }

    @Test
    void oneTestCasePerTemplateAndRuleWithFailuresErrorsAndSkips() throws Exception {
        Document d = xml(sampleReport(), Severity.ERROR);
        Element suite = d.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("cfn-validator");
        // 2 templates x 4 rules (the two samples and the two suppression checks), 1 unreadable file, 1 skipped file
        assertThat(suite.getAttribute("tests")).isEqualTo("10");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");

        NodeList cases = d.getElementsByTagName("testcase");
        Element bucketCase = (Element) cases.item(0);
        assertThat(bucketCase.getAttribute("classname")).endsWith("t/a-bucket.yaml");
        assertThat(bucketCase.getAttribute("name")).isEqualTo("sample_public_bucket");
        Element failure = (Element) bucketCase.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getAttribute("message")).startsWith("Bucket Logs is publicly readable.");
        assertThat(failure.getTextContent()).contains("a-bucket.yaml:7:22: error: [sample_public_bucket]")
                .contains("at /Resources/Logs/Properties/AccessControl");

        Element queueCase = (Element) cases.item(5);
        assertThat(queueCase.getAttribute("name")).isEqualTo("sample_queue_retention");
        assertThat(queueCase.getElementsByTagName("failure").getLength()).isZero();
        assertThat(queueCase.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("warning: [sample_queue_retention]");

        Element broken = (Element) cases.item(8);
        assertThat(broken.getAttribute("name")).isEqualTo("input");
        assertThat(broken.getElementsByTagName("error").item(0).getTextContent()).contains("c-broken.yaml:1:");

        Element skipped = (Element) cases.item(9);
        assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .contains("not a CloudFormation template");
    }

    @Test
    void theThresholdDecidesWhatIsAFailure() throws Exception {
        Report report = sampleReport();
        assertThat(xml(report, Severity.WARNING).getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(xml(report, null).getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void charactersXmlCannotCarryAreReplaced() {
        assertThat(JUnitReportWriter.clean("a\u0000b\u001Fc\tñ😀")).isEqualTo("a\uFFFDb\uFFFDc\tñ😀");
        assertThat(JUnitReportWriter.clean("x\uD800y")).isEqualTo("x\uFFFDy");
    }

    @Test
    void theFileNameIsTheOneDashboardsCollect() {
        assertThat(new JUnitReportWriter().defaultFileName()).isEqualTo("TEST-cfn-validator.xml");
    }
}
