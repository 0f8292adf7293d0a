package io.github.cfnvalidator.guard.report;

import io.github.cfnvalidator.guard.eval.GuardEvaluation;
import io.github.cfnvalidator.guard.eval.GuardRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human-readable views of Guard results: the detail section of {@code single-line-summary} (each failing rule with its
 * failed checks, the rule author's message and the offending value's 1-based line and column), the verbose record
 * tree ({@code -v}) and the record tree as JSON ({@code -p}).
 */
public final class GuardText {
    private GuardText() {
    }

    /** Prints the failures of one rule file over one data file. */
    public static void details(GuardEvaluation e, GuardFileReport report, PrintWriter out) {
        if (report.notCompliant().isEmpty()) {
            return;
        }
        out.println("Evaluating data " + e.dataName() + " against rules " + e.rulesFile());
        out.println("Number of failing rules " + report.notCompliant().size());
        for (GuardFileReport.Failure f : report.notCompliant()) {
            print(f, "", out);
        }
    }

    private static void print(GuardFileReport.Failure f, String indent, PrintWriter out) {
        if (f instanceof GuardFileReport.RuleFailure r) {
            out.println(indent + "Rule = " + GuardFileReport.ruleName("", r.ruleName()) + " {");
            if (r.customMessage() != null && !r.customMessage().isBlank()) {
                out.println(indent + "  Message {");
                for (String line : r.customMessage().strip().split("\n")) {
                    out.println(indent + "    " + line.strip());
                }
                out.println(indent + "  }");
            }
            for (GuardFileReport.Failure c : r.checks()) {
                print(c, indent + "  ", out);
            }
            out.println(indent + "}");
        } else if (f instanceof GuardFileReport.DisjunctionFailure d) {
            out.println(indent + "ANY {");
            for (GuardFileReport.Message m : d.messages()) {
                message(m, null, indent + "  ", out);
            }
            out.println(indent + "}");
        } else {
            String context = f instanceof GuardFileReport.ClauseFailure c ? c.context().strip() : null;
            for (GuardFileReport.Message m : f.messages()) {
                message(m, context, indent, out);
            }
        }
    }

    private static void message(GuardFileReport.Message m, String context, String indent, PrintWriter out) {
        out.println(indent + "Check = " + (context == null ? "" : context) + " {");
        if (m.errorMessage() != null) {
            out.println(indent + "  Error = " + m.errorMessage());
        }
        if (m.customMessage() != null && !m.customMessage().isBlank()) {
            out.println(indent + "  Message = " + m.customMessage().strip().replace("\n", " ").replaceAll("\\s+", " "));
        }
        if (m.at() != null && !m.at().path().pointer().isEmpty()) {
            out.println(indent + "  PropertyPath = " + m.at().path().pointer() + " (line " + (m.at().path().line() + 1)
                    + ", column " + (m.at().path().column() + 1) + ")");
        }
        out.println(indent + "}");
    }

    /** cfn-guard's verbose tree ({@code |- } / {@code `- } prefixes). */
    public static void tree(GuardRecord r, String prefix, boolean last, PrintWriter out) {
        out.println(prefix + (last ? "`- " : "|- ") + r);
        String child = prefix + (last ? "   " : "|  ");
        List<GuardRecord> children = r.children();
        for (int i = 0; i < children.size(); i++) {
            tree(children.get(i), child, i == children.size() - 1, out);
        }
    }

    /** The record tree as a plain JSON-able tree. */
    public static Object recordPlain(GuardRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("context", r.context());
        m.put("container", r.type() == null ? null : r.type().describe());
        m.put("status", r.status() == null ? null : r.status().name());
        List<Object> children = new ArrayList<>();
        for (GuardRecord c : r.children()) {
            children.add(recordPlain(c));
        }
        m.put("children", children);
        return m;
    }
}
