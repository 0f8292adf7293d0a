package io.github.cfnvalidator.guard;

import io.github.cfnvalidator.guard.data.GuardTemplateData;
import io.github.cfnvalidator.guard.eval.GuardEvalException;
import io.github.cfnvalidator.guard.eval.GuardEvaluation;
import io.github.cfnvalidator.guard.eval.GuardIntrinsics;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.eval.GuardResolverIntrinsics;
import io.github.cfnvalidator.guard.eval.GuardStatus;
import io.github.cfnvalidator.guard.eval.GuardWitness;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import io.github.cfnvalidator.guard.syntax.GuardParseException;
import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Finding;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleMetadata;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Guard rule files run beside the built-in rules (the CLI's {@code validate --rules}, the Maven plugin,
 * {@code guardRules} in cfn-validator.yaml). Each rule that FAILs on a template becomes a finding: rule id = the
 * Guard rule's name, message = the rule author's custom message ({@code [FIX]: ...} becomes the fix), location = the
 * offending value's line and column in the template. Comparisons are intrinsic-aware: a value given by {@code Ref},
 * {@code Fn::If}, {@code Fn::FindInMap} ... is compared as the set of values it can take, with a witness when one
 * fails and an "unresolved" finding (at the configured unresolved severity) when it cannot be known before deploy.
 * Immutable and thread-safe; rule files are parsed once.
 */
public final class GuardRuleSet implements Rule {
    /** The id under which the rule set runs (findings carry the Guard rule names). */
    public static final String ID = "guard";

    private static final RuleMetadata METADATA = new RuleMetadata(ID, Severity.ERROR,
            "Guard rule files (CloudFormation Guard 3) given with --rules or guardRules.", "docs/guard.md");

    private final List<GuardRules> files;
    private final GuardOptions options;
    private final boolean intrinsicAware;

    private GuardRuleSet(List<GuardRules> files, GuardOptions options, boolean intrinsicAware) {
        this.files = List.copyOf(files);
        this.options = Objects.requireNonNull(options);
        this.intrinsicAware = intrinsicAware;
    }

    /** A rule set of parsed files: cfn-guard's semantics, intrinsic-aware comparisons. */
    public static GuardRuleSet of(List<GuardRules> files) {
        return new GuardRuleSet(files, GuardOptions.DEFAULT, true);
    }

    /** The same rule set with other evaluation options. */
    public GuardRuleSet withOptions(GuardOptions o) {
        return new GuardRuleSet(files, o, intrinsicAware);
    }

    /** The same rule set with intrinsic awareness on or off (off: values are compared as written, as cfn-guard). */
    public GuardRuleSet withIntrinsicAwareness(boolean on) {
        return new GuardRuleSet(files, options, on);
    }

    /** The parsed rule files. */
    public List<GuardRules> files() {
        return files;
    }

    /**
     * Rule files read from files and folders (folders searched for {@code .guard} and {@code .ruleset} files, in
     * name order), with the problems of those that could not be read or parsed.
     *
     * @param rules the rule set of every file that parsed
     * @param problems one problem per bad file, with its line and column
     */
    public record Loaded(GuardRuleSet rules, List<ParseProblem> problems) {
    }

    /** Reads rule files and folders; a bad file is a problem, never an exception, and does not hide the others. */
    public static Loaded load(List<Path> paths) {
        List<GuardRules> files = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (Path base : paths) {
            List<Path> found = new ArrayList<>();
            if (!Files.exists(base)) {
                problems.add(new ParseProblem("Guard rule file or folder not found", Location.ofFile(base.toString())));
                continue;
            }
            if (Files.isRegularFile(base)) {
                found.add(base);
            } else {
                try {
                    for (Path p : GuardFiles.walk(base, false)) {
                        if (Files.isRegularFile(p) && p.getFileName() != null
                                && GuardFiles.hasExtension(p.getFileName().toString(), GuardFiles.RULE_EXTENSIONS)) {
                            found.add(p);
                        }
                    }
                } catch (IOException e) {
                    problems.add(new ParseProblem("cannot read the folder: " + e.getMessage(),
                            Location.ofFile(base.toString())));
                }
            }
            for (Path p : found) {
                String display = p.toString();
                try {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                    String name = p.getFileName() == null ? display : p.getFileName().toString();
                    files.add(GuardRules.parse(name, text));
                } catch (IOException e) {
                    problems.add(new ParseProblem("the Guard rule file cannot be read: " + e.getMessage(),
                            Location.ofFile(display)));
                } catch (GuardParseException e) {
                    problems.add(new ParseProblem("Guard rule file does not parse: " + e.problem(),
                            Location.point(display, e.line(), e.column())));
                }
            }
        }
        return new Loaded(of(files), problems);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(RuleContext ctx) {
        // intrinsic-aware: the resources CloudFormation deploys (Fn::ForEach loops expanded); otherwise as written
        GuardTemplateData data = intrinsicAware
                ? GuardTemplateData.deployed(ctx.template().root(), ctx.resolver().resources())
                : GuardTemplateData.of(ctx.template().root());
        GuardIntrinsics intrinsics = intrinsicAware ? new GuardResolverIntrinsics(ctx.resolver(), data) : null;
        String file = ctx.template().root().location().file();
        Set<String> seen = new LinkedHashSet<>();
        for (GuardRules rules : files) {
            if (rules.isEmpty()) {
                continue;
            }
            GuardEvaluation e;
            try {
                e = rules.evaluate(data.root(), file, options, intrinsics);
            } catch (GuardEvalException ex) {
                ctx.add(new Finding(rules.fileName(), Severity.ERROR, "Guard rule file " + rules.fileName()
                        + " stops with an error on this template (cfn-guard would exit 255): " + ex.describe(), null,
                        "", ctx.template().root().location(), List.of(), null));
                continue;
            }
            if (e.status() != GuardStatus.FAIL) {
                continue;
            }
            // the failure tree with values named by path: the finding carries the exact place as its location
            for (GuardFileReport.Failure f : GuardFileReport.of(e, GuardFileReport.Display.PATHS).notCompliant()) {
                if (f instanceof GuardFileReport.RuleFailure rf) {
                    String ruleId = GuardFileReport.ruleName(rules.fileName(), rf.ruleName());
                    collect(rf, ruleId, rf.customMessage(), ctx, data, seen);
                }
            }
        }
    }

    private void collect(GuardFileReport.Failure f, String ruleId, String inherited, RuleContext ctx,
                         GuardTemplateData data, Set<String> seen) {
        if (f instanceof GuardFileReport.RuleFailure rf) {
            String message = rf.customMessage() != null && !rf.customMessage().isBlank() ? rf.customMessage()
                    : inherited;
            for (GuardFileReport.Failure c : rf.checks()) {
                collect(c, ruleId, message, ctx, data, seen);
            }
            return;
        }
        if (f instanceof GuardFileReport.DisjunctionFailure d) {
            for (GuardFileReport.Message m : d.messages()) {
                report(m, ruleId, inherited, ctx, data, seen);
            }
            return;
        }
        for (GuardFileReport.Message m : f.messages()) {
            report(m, ruleId, inherited, ctx, data, seen);
        }
    }

    private void report(GuardFileReport.Message m, String ruleId, String inherited, RuleContext ctx,
                        GuardTemplateData data, Set<String> seen) {
        String custom = m.customMessage() != null && !m.customMessage().isBlank() ? m.customMessage() : inherited;
        String[] messageAndFix = splitFix(custom);
        String explanation = m.errorMessage() == null ? "" : m.errorMessage();
        String message = messageAndFix[0] == null ? "Guard rule " + ruleId + " failed: " + explanation
                : messageAndFix[0];
        Node node = m.at() == null ? null : data.nodeOf(m.at());
        if (node == null) {
            node = ctx.template().root();
        }
        String pointer = node.pointer();
        String resource = resourceOf(m.at() == null ? pointer : m.at().path().pointer());
        // a missing property is reported where the map that lacks it is named (its key), as built-in rules do
        Location location = node.location();
        if (m.missing() && data.keyLocationOf(node) != null) {
            location = data.keyLocationOf(node);
        }
        List<Evidence> evidence = new ArrayList<>();
        if (m.unknown() || !m.evidence().isEmpty() || messageAndFix[0] != null) {
            evidence.add(new Evidence(explanation, node.location()));
        }
        for (GuardWitness w : m.evidence()) {
            evidence.add(new Evidence(w.message(), w.location()));
        }
        if (m.witness() != null && messageAndFix[0] != null) {
            message = message + " (" + m.at().path().relative() + ": " + m.witness() + ")";
        }
        if (m.unknown() && m.witness() == null) {
            message = message + " (cannot be verified before deploy)";
        }
        String key = ruleId + "|" + resource + "|" + pointer + "|" + message + "|" + m.unknown();
        if (!seen.add(key)) {
            return;
        }
        Severity severity = m.unknown() ? ctx.unresolvedSeverity() : Severity.ERROR;
        ctx.add(new Finding(ruleId, severity, message, resource, pointer, location, evidence, messageAndFix[1]));
    }

    /** Splits a Control-Tower-style message ({@code [CT.X.PR.1]: what [FIX]: how}) into message and fix. */
    static String[] splitFix(String custom) {
        if (custom == null || custom.isBlank()) {
            return new String[] {null, null};
        }
        String text = custom.strip().replaceAll("\\s*\\n\\s*", " ");
        int fix = text.indexOf("[FIX]:");
        if (fix < 0) {
            return new String[] {text, null};
        }
        String message = text.substring(0, fix).strip();
        String how = text.substring(fix + "[FIX]:".length()).strip();
        return new String[] {message.isEmpty() ? how : message, how.isEmpty() ? null : how};
    }

    private static String resourceOf(String pointer) {
        if (!pointer.startsWith("/Resources/")) {
            return null;
        }
        String rest = pointer.substring("/Resources/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The names of every rule in the set, by file, for listings. */
    public Map<String, List<String>> ruleNames() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (GuardRules r : files) {
            m.put(r.fileName(), r.ruleNames());
        }
        return m;
    }
}
