package io.github.cfnvalidator.template;

import java.util.Locale;

/** The syntax a source is written in. */
public enum DocumentFormat {
    /** JSON, read by Jackson. */
    JSON,
    /** YAML, read by SnakeYAML Engine. */
    YAML;

    /**
     * Picks the format from the file name, or for other names (such as {@code *.template}) from the first character
     * that is not blank: an opening brace means JSON.
     */
    public static DocumentFormat detect(String fileName, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' ? JSON : YAML;
            }
        }
        return YAML;
    }
}
