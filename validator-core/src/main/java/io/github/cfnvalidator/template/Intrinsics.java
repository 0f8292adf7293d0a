package io.github.cfnvalidator.template;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The CloudFormation YAML short-form tags and the long-form keys they stand for. */
public final class Intrinsics {
    private static final Map<String, String> SHORT_FORMS;

    static {
        Map<String, String> m = new TreeMap<>();
        m.put("Ref", "Ref");
        m.put("Condition", "Condition");
        for (String fn : new String[] {"Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "And", "Or",
                "Not", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform", "Length",
                "ToJsonString",
                // functions of the template's Rules section
                "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll"}) {
            m.put(fn, "Fn::" + fn);
        }
        SHORT_FORMS = Map.copyOf(m);
    }

    private Intrinsics() {
    }

    /** The long-form key for a short-form tag name without its {@code !}, e.g. {@code GetAtt -> Fn::GetAtt}. */
    public static Optional<String> longForm(String tagName) {
        return Optional.ofNullable(SHORT_FORMS.get(tagName));
    }

    /** Every short-form tag name this reader accepts, sorted. */
    public static java.util.Set<String> shortForms() {
        return new java.util.TreeSet<>(SHORT_FORMS.keySet());
    }
}
