package io.github.cfnvalidator.rules.builtin;

import io.github.cfnvalidator.report.Severity;
import io.github.cfnvalidator.rules.Anchor;
import io.github.cfnvalidator.rules.Rule;
import io.github.cfnvalidator.rules.RuleContext;
import io.github.cfnvalidator.rules.RuleInfo;
import io.github.cfnvalidator.template.MapNode;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.Template;
import java.util.List;

/**
 * Resources a macro inserts at deploy time ({@code Fn::Transform} in the Resources section, usually
 * {@code AWS::Include} of a snippet in S3): CloudFormation deploys them, but the template does not say what they are,
 * so no rule can check them. Reported at the unresolved severity, as every value that cannot be known before deploy.
 */
@RuleInfo(id = "template_unchecked_include", severity = Severity.WARNING,
        summary = "Resources inserted by a macro (Fn::Transform, e.g. AWS::Include) at deploy time are reported as "
                + "unchecked.")
public final class TemplateUncheckedIncludeRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        for (MapNode.Entry e : ctx.template().resourceIncludes()) {
            boolean whole = !e.key().equals(Template.TRANSFORM_KEY);
            Node call = whole ? e.value().asMap().get(Template.TRANSFORM_KEY) : e.value();
            String what = whole ? "resource " + e.key() + " is supplied whole" : "resources are inserted";
            String message = "Resources: " + what + " by Fn::Transform" + describe(call)
                    + " when the stack is deployed; what it inserts is not in the template, so no rule checked it.";
            ctx.report(ctx.unresolvedSeverity(), whole ? e.key() : null, new Anchor(e.value().pointer(),
                    e.keyLocation()), message, "validate the processed template (aws cloudformation "
                    + "get-template --template-stage Processed) or write the included resources in the template",
                    List.of());
        }
    }

    /** " (AWS::Include of s3://b/k)" when the call says so; "" otherwise. */
    private static String describe(Node call) {
        if (!(call instanceof MapNode m)) {
            return "";
        }
        String name = m.text("Name").orElse(null);
        String location = m.get("Parameters") instanceof MapNode p ? p.text("Location").orElse(null) : null;
        if (name == null) {
            return "";
        }
        return " (" + name + (location == null ? "" : " of " + location) + ")";
    }
}
