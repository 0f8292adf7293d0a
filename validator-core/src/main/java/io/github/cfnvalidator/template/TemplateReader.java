package io.github.cfnvalidator.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads YAML and JSON sources into {@link Node} trees and {@link Template}s. Stateless apart from its limits, so one
 * reader is safe to share between threads. Every failure is a {@link TemplateParseException} with located problems;
 * no other exception escapes for any input.
 */
public final class TemplateReader {
    private final ParserLimits limits;

    /** A reader with the default limits. */
    public TemplateReader() {
        this(ParserLimits.DEFAULTS);
    }

    /** A reader with the given limits. */
    public TemplateReader(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /** The limits this reader applies. */
    public ParserLimits limits() {
        return limits;
    }

    /** Reads a file as a document tree (any YAML/JSON value), naming it by its path as given. */
    public Node readDocument(Path file) throws TemplateParseException {
        return readDocument(file, file.toString());
    }

    /** Reads a file as a document tree, using {@code displayName} in locations. */
    public Node readDocument(Path file, String displayName) throws TemplateParseException {
        return readDocument(displayName, readBytes(file, displayName));
    }

    /** Reads bytes as a document tree. */
    public Node readDocument(String name, byte[] bytes) throws TemplateParseException {
        if (bytes.length > limits.maxDocumentBytes()) {
            throw new TemplateParseException(new ParseProblem("the file is " + bytes.length
                    + " bytes, more than the limit of " + limits.maxDocumentBytes()
                    + " bytes (CloudFormation accepts at most 1,000,000)", Location.ofFile(name)));
        }
        return readDocument(SourceText.decode(name, bytes));
    }

    /** Reads text as a document tree. */
    public Node readDocument(String name, String text) throws TemplateParseException {
        if ((long) text.length() > limits.maxDocumentBytes()) {
            throw new TemplateParseException(new ParseProblem("the text is " + text.length()
                    + " characters, more than the limit of " + limits.maxDocumentBytes(), Location.ofFile(name)));
        }
        return readDocument(SourceText.of(name, text));
    }

    /** Reads decoded source as a document tree. */
    public Node readDocument(SourceText source) throws TemplateParseException {
        try {
            if (DocumentFormat.detect(source.name(), source.text()) == DocumentFormat.JSON) {
                return JsonDocumentReader.read(source, limits);
            }
            return YamlDocumentReader.read(source, limits);
        } catch (StackOverflowError e) {
            throw new TemplateParseException(new ParseProblem("the document is nested too deeply to read",
                    Location.ofFile(source.name())));
        } catch (RuntimeException e) {
            throw new TemplateParseException(new ParseProblem("the document could not be read: " + e,
                    Location.ofFile(source.name())));
        }
    }

    /** Reads a file as a template. */
    public Template read(Path file) throws TemplateParseException {
        return Template.of(readDocument(file));
    }

    /** Reads a file as a template, using {@code displayName} in locations. */
    public Template read(Path file, String displayName) throws TemplateParseException {
        return Template.of(readDocument(file, displayName));
    }

    /** Reads text as a template. */
    public Template read(String name, String text) throws TemplateParseException {
        return Template.of(readDocument(name, text));
    }

    private byte[] readBytes(Path file, String name) throws TemplateParseException {
        try {
            if (Files.isDirectory(file)) {
                throw new TemplateParseException(new ParseProblem("is a directory, not a file", Location.ofFile(name)));
            }
            long size = Files.size(file);
            if (size > limits.maxDocumentBytes()) {
                throw new TemplateParseException(new ParseProblem("the file is " + size
                        + " bytes, more than the limit of " + limits.maxDocumentBytes()
                        + " bytes (CloudFormation accepts at most 1,000,000)", Location.ofFile(name)));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) limits.maxDocumentBytes() + 1);
            }
        } catch (NoSuchFileException e) {
            throw new TemplateParseException(new ParseProblem("no such file", Location.ofFile(name)));
        } catch (AccessDeniedException e) {
            throw new TemplateParseException(new ParseProblem("the file cannot be read: permission denied",
                    Location.ofFile(name)));
        } catch (IOException e) {
            throw new TemplateParseException(new ParseProblem("the file cannot be read: " + e.getMessage(),
                    Location.ofFile(name)));
        }
    }
}
