package io.github.cfnvalidator.resolve;

import io.github.cfnvalidator.template.ListNode;
import io.github.cfnvalidator.template.ScalarNode;
import java.util.List;

/**
 * {@code Fn::GetAtt}: an attribute known only after deploy; the unknown names the resource and attribute (its
 * identity, for symbolic equality).
 */
final class FnGetAtt implements Intrinsic {
    @Override
    public List<Outcome> apply(Call call) {
        String resource = null;
        String attribute = null;
        if (call.arg() instanceof ListNode l && l.size() >= 1 && l.get(0) instanceof ScalarNode r) {
            resource = r.text();
            if (l.size() >= 2 && l.get(1) instanceof ScalarNode a) {
                attribute = a.text();
            }
        } else if (call.arg() instanceof ScalarNode sc) {
            int dot = sc.text().indexOf('.');
            resource = dot < 0 ? sc.text() : sc.text().substring(0, dot);
            attribute = dot < 0 ? null : sc.text().substring(dot + 1);
        }
        String what = resource == null ? "Fn::GetAtt" : "Fn::GetAtt " + resource + (attribute == null ? ""
                : "." + attribute);
        String identity = resource == null || attribute == null ? null
                : "Fn::GetAtt " + resource + "." + attribute;
        return call.one(new Value.Unknown(what + " is known only after deploy", call.node(), resource, attribute,
                identity));
    }
}
