package io.github.cfnvalidator.run;

import java.util.Objects;

/**
 * A template held in memory rather than read from disk: an unsaved editor buffer, a generated template.
 *
 * @param name how findings name it: a path or a URI ({@code file:///work/stack.yaml}); its extension picks YAML or
 *             JSON, and, when it is a path or a {@code file:} URI, per-template parameter files match it as if the
 *             text were saved there
 * @param text the template text
 */
public record SourceDocument(String name, String text) {
    public SourceDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
