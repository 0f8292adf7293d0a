package io.github.cfnvalidator.report;

import io.github.cfnvalidator.template.Location;
import java.util.List;
import java.util.Objects;

/**
 * One result of a rule: which rule, how serious, what is wrong and how to fix it, where (file, line, column, JSON
 * pointer, resource), and the evidence chain that shows why.
 *
 * @param ruleId   the rule's id, e.g. {@code sagemaker_variant_min_instances}
 * @param severity how serious it is
 * @param message  a sentence naming the resource and the witness
 * @param resource the logical id of the resource concerned, or {@code null}
 * @param path     the JSON pointer of the offending node
 * @param location where the offending node is written
 * @param evidence further places that explain the finding (parameter declarations, mapping entries, ...)
 * @param fix      how to fix it, or {@code null}
 */
public record Finding(String ruleId, Severity severity, String message, String resource, String path,
                      Location location, List<Evidence> evidence, String fix) {
    public Finding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
        Objects.requireNonNull(path);
        Objects.requireNonNull(location);
        evidence = List.copyOf(evidence);
    }

    /** The same finding with another severity. */
    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, resource, path, location, evidence, fix);
    }

    /** The message followed by the fix, as printed on one line. */
    public String fullMessage() {
        return fix == null || fix.isBlank() ? message : message + " Fix: " + fix;
    }
}
