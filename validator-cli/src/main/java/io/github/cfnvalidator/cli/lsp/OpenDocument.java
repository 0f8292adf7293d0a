package io.github.cfnvalidator.cli.lsp;

/**
 * A document the editor has open, at one version (the server keeps the full text: the client sends it whole).
 *
 * @param uri        the document's URI
 * @param languageId the client's language id
 * @param version    the client's version
 * @param text       the text
 */
record OpenDocument(String uri, String languageId, int version, String text) {
    /** Whether it is a Guard rule file. */
    boolean isGuard() {
        return GuardFileCheck.isGuard(uri, languageId);
    }
}
