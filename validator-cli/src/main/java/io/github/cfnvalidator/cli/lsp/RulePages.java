package io.github.cfnvalidator.cli.lsp;

import io.github.cfnvalidator.rules.RuleDocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule pages shipped in the jar, written once per server into a folder of their own so that a diagnostic's
 * {@code codeDescription} can link to a page the editor opens (the jar's copy has no URI an editor can open).
 * Rules without a page (Guard rules) get no link.
 */
final class RulePages {
    private final Path folder;
    private final Map<String, Optional<String>> uris = new ConcurrentHashMap<>();

    RulePages(Path folder) {
        this.folder = folder;
    }

    /** Pages under a fresh folder in the system's temporary folder. */
    static RulePages inTemporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("cfn-validator-rules-");
            dir.toFile().deleteOnExit();
            return new RulePages(dir);
        } catch (IOException e) {
            return new RulePages(null);
        }
    }

    /** The {@code file:} URI of a rule's page, or {@code null} when it has none. */
    String uri(String ruleId) {
        return uris.computeIfAbsent(ruleId, this::write).orElse(null);
    }

    /** The Markdown text of a rule's page. */
    static Optional<String> text(String ruleId) {
        return RuleDocs.page(ruleId);
    }

    private Optional<String> write(String ruleId) {
        Optional<String> page = RuleDocs.page(ruleId);
        if (page.isEmpty() || folder == null) {
            return Optional.empty();
        }
        try {
            Path file = folder.resolve(ruleId + ".md");
            Files.writeString(file, page.get(), StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return Optional.of(Workspace.uri(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
