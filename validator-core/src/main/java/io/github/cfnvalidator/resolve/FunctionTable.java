package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ScalarNode;
import io.github.cfnvalidator.template.Template;
import java.util.List;
import java.util.Map;

/**
 * The intrinsic functions the resolver knows, by name: those it evaluates (one class each) and those whose value is
 * known only at deploy time (an {@link Value.Unknown} saying why). A function not listed is an unknown "not
 * modelled before deploy". A new intrinsic is a class implementing {@link Intrinsic} and one entry here.
 */
final class FunctionTable {
    private static final Map<String, Intrinsic> FUNCTIONS = Map.ofEntries(
            Map.entry("Ref", new Ref()),
            Map.entry("Fn::If", new FnIf()),
            Map.entry("Fn::FindInMap", new FnFindInMap()),
            Map.entry("Fn::Sub", new FnSub()),
            Map.entry("Fn::Join", new FnJoin()),
            Map.entry("Fn::Select", new FnSelect()),
            Map.entry("Fn::Split", new FnSplit()),
            Map.entry("Fn::Base64", new FnBase64()),
            Map.entry("Fn::Length", new FnLength()),
            Map.entry("Fn::GetAtt", new FnGetAtt()),
            Map.entry("Fn::ImportValue", FunctionTable::importValue),
            Map.entry("Fn::GetAZs", c -> c.unknown("Fn::GetAZs lists the region's Availability Zones at deploy time")),
            Map.entry("Fn::Cidr", c -> c.unknown("Fn::Cidr address blocks are not computed before deploy")),
            Map.entry("Fn::Transform", c -> c.unknown("Fn::Transform runs a macro at deploy time")),
            Map.entry("Fn::ToJsonString", c -> c.unknown("Fn::ToJsonString is not modelled before deploy")),
            Map.entry("Condition", c -> c.unknown("a Condition reference is not a value")),
            Map.entry(Template.KNOWN_AFTER_APPLY, c -> c.unknown((c.arg() instanceof ScalarNode sc ? sc.text()
                    : "the value") + " is known only after apply (the Terraform plan lists it in after_unknown)")));

    private FunctionTable() {
    }

    /** The outcomes of a call of the function named {@code fn}. */
    static List<Outcome> apply(String fn, Call call) {
        Intrinsic f = FUNCTIONS.get(fn);
        return f == null ? call.unknown(fn + " is not modelled before deploy") : f.apply(call);
    }

    /** An export of another stack: unknown, with the export's name as its identity when it is a literal. */
    private static List<Outcome> importValue(Call c) {
        String literal = c.arg() instanceof ScalarNode sc ? " " + sc.text() : "";
        return c.one(new Value.Unknown("Fn::ImportValue" + literal
                + " is read from another stack's exports at deploy time", c.node(), null, null,
                c.arg() instanceof ScalarNode sc ? "Fn::ImportValue " + sc.text() : null));
    }
}
