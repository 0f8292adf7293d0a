package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Evidence;
import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.rules.Anchor;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleInfo;
import io.github.cfnvalidator.template.DuplicateKey;
import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.Template;
import java.util.List;

/**
 * A key written twice in one map: CloudFormation accepts the template and deploys the last occurrence, so whatever
 * the earlier one says is silently dropped. The template is read as CloudFormation reads it (every other rule checks
 * the last occurrence); this rule reports each earlier occurrence, where the reader sees text that has no effect.
 */
@RuleInfo(id = "template_duplicate_key", severity = Severity.WARNING,
        summary = "No key is written twice in one map (CloudFormation silently deploys only the last occurrence).")
public final class TemplateDuplicateKeyRule implements Rule {
    private static final String RESOURCES = "/Resources/";

    @Override
    public void check(RuleContext ctx) {
        Template template = ctx.template();
        for (DuplicateKey d : template.duplicateKeys()) {
            String message = "key " + d.key() + " at " + at(d.ignored()) + " is written again at " + at(d.kept())
                    + "; CloudFormation deploys the last one, so everything written under the first is ignored"
                    + (isSection(d.pointer()) ? " (for a duplicated template section AWS documents the behaviour as "
                    + "undefined)." : ".");
            String fix = "delete the first " + d.key() + " (" + at(d.ignored()) + "), or merge what it says into the "
                    + "last one (" + at(d.kept()) + ")";
            ctx.report(ctx.rule().defaultSeverity(), resource(template, d.pointer()), new Anchor(d.pointer(),
                    d.ignored()), message, fix, List.of(new Evidence("the occurrence CloudFormation deploys",
                    d.kept())));
        }
    }

    /** A top-level key: a template section such as Resources. */
    private static boolean isSection(String pointer) {
        return pointer.lastIndexOf('/') == 0;
    }

    /** "line 12, column 9": the form baselines normalise, so a finding's identity survives lines moving. */
    private static String at(Location l) {
        return "line " + l.line() + ", column " + l.column();
    }

    /** The logical id of the resource the key belongs to (or is), if it is inside one. */
    private static String resource(Template template, String pointer) {
        if (!pointer.startsWith(RESOURCES)) {
            return null;
        }
        String rest = pointer.substring(RESOURCES.length());
        int slash = rest.indexOf('/');
        String id = (slash < 0 ? rest : rest.substring(0, slash)).replace("~1", "/").replace("~0", "~");
        return template.resources().containsKey(id) ? id : null;
    }
}
