package io.github.cfnvalidator.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The documentation page of a rule ({@code docs/rules/<id>.md}), shipped inside the jar. */
public final class RuleDocs {
    private RuleDocs() {
    }

    /** The page's Markdown text, if the rule has one. */
    public static Optional<String> page(String ruleId) {
        if (!ruleId.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try (InputStream in = RuleDocs.class.getResourceAsStream("/io/github/cfnvalidator/docs/rules/" + ruleId
                + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
