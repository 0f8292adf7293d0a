package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import io.github.cfnvalidator.template.Template;
import io.github.cfnvalidator.template.TemplateParseException;
import io.github.cfnvalidator.template.TemplateReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report (docs/report-formats.md): one self-contained page with inline CSS (no network, readable without
 * JavaScript; a small inline script adds filtering), a summary with the verdict, tables per rule and per file, and
 * for each finding its message, fix, rule link, the template source around it with the offending line highlighted,
 * and the witness deployment beside the lines that declare it. Template sources are read from the report's paths
 * (relative to the display base); every string from a template or rule is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** The usual file name. */
    public static final String FILE_NAME = "cfn-validator.html";
    /** Where rule pages live when a rule names a project-relative page such as {@code docs/rules/<id>.md}. */
    static final String DOCS_BASE = "https://github.com/cfn-validator/cfn-validator/blob/main/";
    /** Lines shown above and below a finding. */
    static final int CONTEXT = 2;
    /** Characters of a source line shown; longer lines are cut with an ellipsis. */
    static final int MAX_LINE = 400;
    /** Characters of an evidence message shown (Guard evidence can quote whole resources). */
    static final int MAX_EVIDENCE = 600;
    /** Above this many findings, the per-file groups start collapsed. */
    static final int OPEN_LIMIT = 200;

    private final Severity threshold;
    private final Path displayBase;

    /**
     * A writer.
     *
     * @param threshold   the lowest severity that fails the run, or {@code null} (none), for the verdict
     * @param displayBase the folder the report's paths are relative to, to read template sources; {@code null}
     *                    leaves the source excerpts out
     */
    public HtmlReportWriter(Severity threshold, Path displayBase) {
        this.threshold = threshold;
        this.displayBase = displayBase;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>CFN Validator report</title>\n</head>\n<body>\n");
        writeDiv(report, out, true);
        out.write("</body>\n</html>\n");
    }

    /**
     * Writes the report without its heading as one {@code <div class="cfnv">} with its own style and script, for
     * embedding in another page (the Maven site report).
     */
    public void writeFragment(Report report, Writer out) throws IOException {
        writeDiv(report, out, false);
    }

    private void writeDiv(Report report, Writer out, boolean heading) throws IOException {
        HtmlOut h = new HtmlOut(out);
        h.raw("<div class=\"cfnv\" id=\"cfnv\">\n<style>").raw(HtmlAssets.CSS).raw("</style>\n");
        if (heading) {
            h.raw("<h1>CFN Validator report</h1>\n");
        }
        new Page(report, h).write();
        h.raw("<script>").raw(HtmlAssets.SCRIPT).raw("</script>\n</div>\n");
    }

    @Override
    public String defaultFileName() {
        return FILE_NAME;
    }

    /** One page being written. */
    private final class Page {
        private final Report report;
        private final HtmlOut h;
        private final Summary summary;
        private final Map<String, List<String>> sources = new HashMap<>();
        private final Map<String, Optional<Template>> templates = new HashMap<>();
        private final Map<String, String> docs = new HashMap<>();
        private int findingNumber;

        Page(Report report, HtmlOut h) {
            this.report = report;
            this.h = h;
            this.summary = report.summary();
            report.rules().forEach(r -> docs.put(r.id(), docsHref(r)));
        }

        void write() throws IOException {
            writeSummary();
            writeRules();
            writeFiles();
            writeInputErrors();
            writeFilter();
            writeFindings();
            writeSetAside();
            writeSkipped();
        }

        private void writeSummary() throws IOException {
            boolean fails = report.hasInputErrors() || summary.atOrAbove(threshold) > 0;
            String at = threshold == null ? "none" : threshold.label();
            h.raw("<section id=\"summary\">\n<p class=\"verdict ").raw(fails ? "fail" : "pass")
                    .raw("\" id=\"verdict\">").text(fails ? "FAIL" : "PASS").raw("</p>\n<p class=\"why\">")
                    .text(summary.atOrAbove(threshold) + " finding(s) at or above the threshold (" + at + ")"
                            + (report.hasInputErrors() ? "; " + summary.invalid() + " file(s) could not be read"
                            : ""))
                    .raw("</p>\n<table class=\"summary\">\n");
            row("files", summary.files());
            row("templates checked", summary.templates());
            row("could not be read", summary.invalid());
            row("skipped (not templates)", summary.skipped());
            row("rules run", ruleIds().size());
            row("set aside (suppressed or in the baseline)", setAsideCount());
            h.raw("<tr class=\"sev-error\"><th>errors</th><td id=\"count-error\">").text(summary.errors())
                    .raw("</td></tr>\n<tr class=\"sev-warning\"><th>warnings</th><td id=\"count-warning\">")
                    .text(summary.warnings()).raw("</td></tr>\n<tr class=\"sev-info\"><th>infos</th>"
                            + "<td id=\"count-info\">").text(summary.infos()).raw("</td></tr>\n</table>\n</section>\n");
        }

        /** The rules that ran and every rule that made a finding (a Guard rule file holds many rules). */
        private java.util.Set<String> ruleIds() {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            report.rules().forEach(r -> ids.add(r.id()));
            report.allFindings().forEach(f -> ids.add(f.ruleId()));
            return ids;
        }

        private void row(String name, int n) throws IOException {
            h.raw("<tr><th>").text(name).raw("</th><td>").text(n).raw("</td></tr>\n");
        }

        private void writeRules() throws IOException {
            Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
            report.rules().forEach(r -> rules.put(r.id(), r));
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (FileReport f : report.files()) {
                List<String> seen = new ArrayList<>();
                for (Finding x : f.findings()) {
                    rules.putIfAbsent(x.ruleId(), new RuleDescriptor(x.ruleId(), x.severity(), "", ""));
                    int[] c = counts.computeIfAbsent(x.ruleId(), k -> new int[2]);
                    c[0]++;
                    if (!seen.contains(x.ruleId())) {
                        seen.add(x.ruleId());
                        c[1]++;
                    }
                }
            }
            h.raw("<section id=\"rules\">\n<h2>Rules</h2>\n<details").raw(rules.size() <= 30 ? " open" : "")
                    .raw("><summary>").text(rules.size() + " rule(s), most findings first").raw("</summary>\n")
                    .raw("<table class=\"rules\">\n<thead><tr><th>rule</th>"
                    + "<th>severity</th><th>findings</th><th>files</th><th>checks</th></tr></thead>\n<tbody>\n");
            List<RuleDescriptor> sorted = new ArrayList<>(rules.values());
            sorted.sort((a, b) -> Integer.compare(counts.getOrDefault(b.id(), new int[2])[0],
                    counts.getOrDefault(a.id(), new int[2])[0]));
            for (RuleDescriptor r : sorted) {
                int[] c = counts.getOrDefault(r.id(), new int[2]);
                h.raw("<tr id=\"rule-").attr(anchor(r.id())).raw("\" data-rule=\"").attr(r.id()).raw("\"><td>");
                ruleLink(r);
                h.raw("</td><td><span class=\"sev sev-").raw(r.defaultSeverity().label()).raw("\">")
                        .text(r.defaultSeverity().label()).raw("</span></td><td class=\"n\">").text(c[0])
                        .raw("</td><td class=\"n\">").text(c[1]).raw("</td><td>").text(r.summary())
                        .raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n</details>\n</section>\n");
        }

        private void ruleLink(RuleDescriptor r) throws IOException {
            String href = docsHref(r);
            if (href == null) {
                h.raw("<code>").text(r.id()).raw("</code>");
            } else {
                h.raw("<a class=\"rule-doc\" href=\"").attr(href).raw("\"><code>").text(r.id()).raw("</code></a>");
            }
        }

        private void writeFiles() throws IOException {
            h.raw("<section id=\"files\">\n<h2>Files</h2>\n<details").raw(report.files().size() <= 50 ? " open" : "")
                    .raw("><summary>").text(report.files().size() + " file(s); files with findings or input errors "
                            + "first").raw("</summary>\n<table class=\"files\">\n<thead><tr><th>file</th>"
                            + "<th>errors</th><th>warnings</th><th>infos</th><th>status</th></tr></thead>\n<tbody>\n");
            List<FileReport> files = new ArrayList<>(report.files());
            files.sort((a, b) -> Integer.compare(b.findings().size() + b.errors().size(),
                    a.findings().size() + a.errors().size()));
            for (FileReport f : files) {
                String status = f.isSkipped() ? "skipped" : f.hasErrors() ? "input error"
                        : f.findings().isEmpty() ? "clean" : "findings";
                h.raw("<tr><td>");
                if (!f.findings().isEmpty() || f.hasErrors()) {
                    h.raw("<a href=\"#file-").attr(anchor(f.path())).raw("\">").text(f.path()).raw("</a>");
                } else {
                    h.text(f.path());
                }
                h.raw("</td><td class=\"n\">").text(f.count(Severity.ERROR)).raw("</td><td class=\"n\">")
                        .text(f.count(Severity.WARNING)).raw("</td><td class=\"n\">").text(f.count(Severity.INFO))
                        .raw("</td><td>").text(status).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n</details>\n</section>\n");
        }

        private void writeFilter() throws IOException {
            h.raw("<section id=\"filter\" class=\"needs-js\" hidden>\n<label>Filter findings "
                    + "<input type=\"search\" id=\"filter-text\" placeholder=\"rule, file or text\"></label>\n"
                    + "<label><input type=\"checkbox\" class=\"filter-sev\" value=\"error\" checked> errors</label>\n"
                    + "<label><input type=\"checkbox\" class=\"filter-sev\" value=\"warning\" checked> warnings</label>\n"
                    + "<label><input type=\"checkbox\" class=\"filter-sev\" value=\"info\" checked> infos</label>\n"
                    + "<span id=\"filter-count\"></span>\n</section>\n");
        }

        private void writeFindings() throws IOException {
            h.raw("<section id=\"findings\">\n<h2>Findings (").text(summary.findings()).raw(")</h2>\n");
            if (summary.findings() == 0) {
                h.raw("<p class=\"none\">No findings.</p>\n");
            }
            boolean open = summary.findings() <= OPEN_LIMIT;
            for (FileReport f : report.files()) {
                if (f.findings().isEmpty()) {
                    continue;
                }
                h.raw("<details class=\"file\" id=\"file-").attr(anchor(f.path())).raw("\"")
                        .raw(open ? " open" : "").raw(">\n<summary><code>").text(f.path()).raw("</code> ")
                        .text(counts(f)).raw("</summary>\n");
                for (Finding x : f.findings()) {
                    writeFinding(f, x);
                }
                h.raw("</details>\n");
                sources.clear(); // findings come grouped per file: keep one file's text at a time
                templates.clear();
            }
            h.raw("</section>\n");
        }

        private String counts(FileReport f) {
            List<String> parts = new ArrayList<>();
            for (Severity s : Severity.values()) {
                long n = f.count(s);
                if (n > 0) {
                    parts.add(n + " " + s.label() + (n == 1 ? "" : "s"));
                }
            }
            return "(" + String.join(", ", parts) + ")";
        }

        private void writeFinding(FileReport f, Finding x) throws IOException {
            findingNumber++;
            Location loc = x.location();
            h.raw("<article class=\"finding sev-").raw(x.severity().label()).raw("\" id=\"finding-")
                    .text(findingNumber).raw("\" data-rule=\"").attr(x.ruleId()).raw("\" data-severity=\"")
                    .raw(x.severity().label()).raw("\" data-file=\"").attr(f.path()).raw("\">\n<h3><span class=\"sev "
                            + "sev-").raw(x.severity().label()).raw("\">").text(x.severity().label())
                    .raw("</span> <a class=\"rule\" href=\"#rule-").attr(anchor(x.ruleId())).raw("\">")
                    .text(x.ruleId()).raw("</a> ");
            if (docs.get(x.ruleId()) != null) {
                h.raw("<a class=\"rule-page\" href=\"").attr(docs.get(x.ruleId())).raw("\">rule page</a> ");
            }
            h.raw("<span class=\"loc\">").text(loc.toString()).raw("</span></h3>\n")
                    .raw("<p class=\"message\">").text(x.message()).raw("</p>\n");
            if (x.fix() != null && !x.fix().isBlank()) {
                h.raw("<p class=\"fix\"><b>Fix:</b> ").text(x.fix()).raw("</p>\n");
            }
            h.raw("<p class=\"where\">").text(x.resource() == null ? "" : "resource " + x.resource() + " \u00b7 ")
                    .raw("<code>").text(x.path()).raw("</code></p>\n");
            List<String> lines = source(f.path());
            if (!lines.isEmpty()) {
                int from = Math.max(1, loc.line() - CONTEXT);
                int to = Math.min(lines.size(), Math.min(loc.endLine(), loc.line() + 10) + CONTEXT);
                HtmlSource.excerpt(h, lines, from, to, loc);
            }
            writeWitness(f, x, lines);
            writeEvidence(x);
            h.raw("</article>\n");
        }

        private void writeWitness(FileReport f, Finding x, List<String> lines) throws IOException {
            Optional<Template> t = template(f.path());
            if (t.isEmpty()) {
                return;
            }
            List<HtmlWitness.Row> rows = HtmlWitness.rows(x, t.get());
            if (rows.isEmpty()) {
                return;
            }
            h.raw("<table class=\"witness\">\n<caption>witness deployment</caption>\n<thead><tr><th></th>"
                    + "<th>name</th><th>value</th><th>defined at</th></tr></thead>\n<tbody>\n");
            for (HtmlWitness.Row r : rows) {
                h.raw("<tr class=\"").raw(r.kind()).raw("\"><td>").text(r.kind()).raw("</td><td><code>")
                        .text(r.name()).raw("</code></td><td><code>").text(r.value()).raw("</code></td><td>");
                HtmlSource.lines(h, lines, r.line(), r.lastLine());
                h.raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }

        private void writeEvidence(Finding x) throws IOException {
            if (x.evidence().isEmpty()) {
                return;
            }
            h.raw("<ul class=\"evidence\">\n");
            for (Evidence e : x.evidence()) {
                h.raw("<li><span class=\"loc\">").text(e.location().toString()).raw("</span> ")
                        .text(HtmlSource.cut(e.message(), MAX_EVIDENCE))
                        .raw("</li>\n");
            }
            h.raw("</ul>\n");
        }

        private int setAsideCount() {
            return report.files().stream().mapToInt(f -> f.setAside().size()).sum();
        }

        private void writeSetAside() throws IOException {
            int n = setAsideCount();
            if (n == 0) {
                return;
            }
            h.raw("<section id=\"set-aside\">\n<h2>Set aside (").text(n).raw(")</h2>\n<details>\n<summary>")
                    .text(n + " finding(s) suppressed in templates or known from the baseline; not counted above")
                    .raw("</summary>\n<table class=\"set-aside\">\n<thead><tr><th>where</th><th>rule</th>"
                            + "<th>severity</th><th>message</th><th>why not reported</th></tr></thead>\n<tbody>\n");
            for (FileReport f : report.files()) {
                for (SetAside a : f.setAside()) {
                    Finding x = a.finding();
                    h.raw("<tr data-rule=\"").attr(x.ruleId()).raw("\" data-file=\"").attr(f.path())
                            .raw("\"><td class=\"loc\">").text(x.location().toString()).raw("</td><td><code>")
                            .text(x.ruleId()).raw("</code></td><td><span class=\"sev sev-")
                            .raw(x.severity().label()).raw("\">").text(x.severity().label()).raw("</span></td><td>")
                            .text(x.message()).raw("</td><td class=\"reason\">").text(a.reason())
                            .raw("</td></tr>\n");
                }
            }
            h.raw("</tbody>\n</table>\n</details>\n</section>\n");
        }

        private void writeInputErrors() throws IOException {
            if (!report.hasInputErrors()) {
                return;
            }
            h.raw("<section id=\"input-errors\">\n<h2>Input errors (").text(summary.invalid())
                    .raw(" file(s))</h2>\n<table class=\"input-errors\">\n<thead><tr><th>file</th><th>line</th>"
                            + "<th>column</th><th>message</th></tr></thead>\n<tbody>\n");
            for (FileReport f : report.files()) {
                boolean first = true;
                for (ParseProblem p : f.errors()) {
                    h.raw("<tr").raw(first ? " id=\"file-" + anchor(f.path()) + "\"" : "").raw("><td><code>")
                            .text(f.path())
                            .raw("</code></td><td class=\"n\">").text(p.location().line()).raw("</td><td class=\"n\">")
                            .text(p.location().column()).raw("</td><td>").text(p.message());
                    for (Location r : p.related()) {
                        h.raw("<br><span class=\"related\">").text("see line " + r.line() + ", column "
                                + r.column()).raw("</span>");
                    }
                    List<String> lines = source(f.path());
                    int from = Math.max(1, p.location().line() - 1);
                    int to = Math.min(lines.size(), p.location().line() + 1);
                    if (from <= to) {
                        HtmlSource.excerpt(h, lines, from, to, p.location());
                    }
                    h.raw("</td></tr>\n");
                    first = false;
                }
            }
            h.raw("</tbody>\n</table>\n</section>\n");
        }

        private void writeSkipped() throws IOException {
            if (summary.skipped() == 0) {
                return;
            }
            h.raw("<section id=\"skipped\">\n<details>\n<summary>").text(summary.skipped()
                    + " file(s) skipped as not templates").raw("</summary>\n<ul>\n");
            for (FileReport f : report.files()) {
                if (f.isSkipped()) {
                    h.raw("<li><code>").text(f.path()).raw("</code>: ").text(f.skipped()).raw("</li>\n");
                }
            }
            h.raw("</ul>\n</details>\n</section>\n");
        }

        private List<String> source(String path) {
            return sources.computeIfAbsent(path, p -> {
                Path file = file(p);
                try {
                    return file == null ? List.of() : Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    return List.of();
                }
            });
        }

        private Optional<Template> template(String path) {
            return templates.computeIfAbsent(path, p -> {
                Path file = file(p);
                try {
                    return file == null ? Optional.empty() : Optional.of(new TemplateReader().read(file, p));
                } catch (TemplateParseException | RuntimeException e) {
                    return Optional.empty();
                }
            });
        }

        private Path file(String path) {
            if (displayBase == null) {
                return null;
            }
            try {
                Path file = displayBase.resolve(path);
                return Files.isRegularFile(file) ? file : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** The link to a rule's page: its URL, or the project page of a {@code docs/...} path; {@code null} if none. */
    static String docsHref(RuleDescriptor r) {
        if (r.docsIsUrl()) {
            return r.docs();
        }
        return r.docs().startsWith("docs/") ? DOCS_BASE + r.docs() : null;
    }

    /** An id-safe form of a name: letters, digits, {@code - _ .} kept, everything else as {@code _hex_}. */
    static String anchor(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                sb.appendCodePoint(c);
            } else {
                sb.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return sb.toString();
    }
}
