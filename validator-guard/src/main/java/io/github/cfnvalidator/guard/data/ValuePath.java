package io.github.cfnvalidator.guard.data;

import java.util.Objects;

/**
 * Where a Guard value sits: its JSON-pointer-like path from the document root ({@code /Resources/Bucket/Type}) and the
 * 0-based line and column of its first character, the way cfn-guard reports them ({@code [L:4,C:6]}). Values written
 * in a rule file (literals) have the root path and position 0:0.
 */
public final class ValuePath {
    /** The path of the document root and of rule literals. */
    public static final ValuePath ROOT = new ValuePath("", 0, 0);

    private final String pointer;
    private final int line;
    private final int column;

    /**
     * Creates a path.
     *
     * @param pointer the slash-separated path ({@code ""} for the root)
     * @param line    0-based line
     * @param column  0-based column (code points)
     */
    public ValuePath(String pointer, int line, int column) {
        this.pointer = Objects.requireNonNull(pointer);
        this.line = line;
        this.column = column;
    }

    /** The slash-separated path. */
    public String pointer() {
        return pointer;
    }

    /** The 0-based line. */
    public int line() {
        return line;
    }

    /** The 0-based column. */
    public int column() {
        return column;
    }

    /** A child path, keeping this path's position. */
    public ValuePath child(String part) {
        return new ValuePath(pointer + "/" + part, line, column);
    }

    /** A child path at another position. */
    public ValuePath child(String part, int childLine, int childColumn) {
        return new ValuePath(pointer + "/" + part, childLine, childColumn);
    }

    /** The same path at another position. */
    ValuePath at(int newLine, int newColumn) {
        return new ValuePath(pointer, newLine, newColumn);
    }

    /** The last segment of the path. */
    public String relative() {
        int i = pointer.lastIndexOf('/');
        return i < 0 ? pointer : pointer.substring(i + 1);
    }

    /** {@code /a/b[L:1,C:2]}, cfn-guard's display form. */
    @Override
    public String toString() {
        return pointer + "[L:" + line + ",C:" + column + "]";
    }
}
