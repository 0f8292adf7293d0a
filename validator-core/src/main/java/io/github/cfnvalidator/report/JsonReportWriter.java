package io.github.cfnvalidator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.io.Writer;

/** The JSON report format documented in docs/report-formats.md. */
public final class JsonReportWriter implements ReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            for (FileReport f : report.files()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                if (f.isSkipped()) {
                    g.writeStringField("skipped", f.skipped());
                }
                g.writeArrayFieldStart("findings");
                for (Finding x : f.findings()) {
                    writeFinding(g, x);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("errors");
                for (ParseProblem p : f.errors()) {
                    g.writeStartObject();
                    g.writeStringField("message", p.message());
                    g.writeNumberField("line", p.location().line());
                    g.writeNumberField("column", p.location().column());
                    if (!p.related().isEmpty()) {
                        g.writeArrayFieldStart("related");
                        for (Location l : p.related()) {
                            g.writeStartObject();
                            g.writeNumberField("line", l.line());
                            g.writeNumberField("column", l.column());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            Summary s = report.summary();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("files", s.files());
            g.writeNumberField("templates", s.templates());
            g.writeNumberField("skipped", s.skipped());
            g.writeNumberField("invalid", s.invalid());
            g.writeNumberField("errors", s.errors());
            g.writeNumberField("warnings", s.warnings());
            g.writeNumberField("infos", s.infos());
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeFinding(JsonGenerator g, Finding x) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", x.ruleId());
        g.writeStringField("severity", x.severity().label());
        g.writeStringField("message", x.message());
        if (x.fix() != null) {
            g.writeStringField("fix", x.fix());
        }
        if (x.resource() != null) {
            g.writeStringField("resource", x.resource());
        } else {
            g.writeNullField("resource");
        }
        g.writeStringField("path", x.path());
        g.writeNumberField("line", x.location().line());
        g.writeNumberField("column", x.location().column());
        g.writeNumberField("endLine", x.location().endLine());
        g.writeNumberField("endColumn", x.location().endColumn());
        if (!x.evidence().isEmpty()) {
            g.writeArrayFieldStart("evidence");
            for (Evidence e : x.evidence()) {
                g.writeStartObject();
                g.writeStringField("message", e.message());
                g.writeStringField("file", e.location().file());
                g.writeNumberField("line", e.location().line());
                g.writeNumberField("column", e.location().column());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    @Override
    public String defaultFileName() {
        return "cfn-validator.json";
    }
}
