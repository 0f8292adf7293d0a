package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.Location;
import java.io.IOException;
import java.util.List;

/** Template source lines in the HTML report: an excerpt with the offending lines highlighted, or one line. */
final class HtmlSource {
    private HtmlSource() {
    }

    /** Lines {@code from..to} (1-based, inclusive) as a table; the finding's lines are marked and its span too. */
    static void excerpt(HtmlOut h, List<String> lines, int from, int to, Location loc) throws IOException {
        h.raw("<table class=\"source\">\n<tbody>\n");
        for (int n = from; n <= to; n++) {
            boolean hit = n >= loc.line() && n <= Math.max(loc.line(), loc.endLine());
            h.raw("<tr").raw(hit ? " class=\"hl\"" : "").raw(" data-line=\"").text(n).raw("\"><td class=\"ln\">")
                    .text(n).raw("</td><td class=\"code\"><code>");
            String text = lines.get(n - 1);
            if (n == loc.line()) {
                int start = Math.min(Math.max(0, loc.column() - 1), text.length());
                int end = loc.endLine() == loc.line() ? Math.max(start, Math.min(text.length(),
                        loc.endColumn() - 1)) : text.length();
                h.text(cut(text.substring(0, start), HtmlReportWriter.MAX_LINE));
                if (start < HtmlReportWriter.MAX_LINE) {
                    h.raw("<mark>").text(cut(text.substring(start, end), HtmlReportWriter.MAX_LINE - start))
                            .raw("</mark>");
                    if (end < HtmlReportWriter.MAX_LINE) {
                        h.text(cut(text.substring(end), HtmlReportWriter.MAX_LINE - end));
                    }
                }
            } else {
                h.text(cut(text, HtmlReportWriter.MAX_LINE));
            }
            h.raw("</code></td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }

    /** Lines {@code from..to} as numbered code, or the line number alone when they are out of range. */
    static void lines(HtmlOut h, List<String> lines, int from, int to) throws IOException {
        if (from < 1 || from > lines.size()) {
            h.text("line " + from);
            return;
        }
        h.raw("<table class=\"def\"><tbody>\n");
        for (int n = from; n <= Math.min(to, lines.size()); n++) {
            h.raw("<tr data-line=\"").text(n).raw("\"><td class=\"ln\">").text(n).raw("</td><td><code>")
                    .text(cut(lines.get(n - 1), HtmlReportWriter.MAX_LINE)).raw("</code></td></tr>\n");
        }
        h.raw("</tbody></table>");
    }

    /** At most {@code max} characters (never splitting a surrogate pair), with an ellipsis when cut. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }
}
