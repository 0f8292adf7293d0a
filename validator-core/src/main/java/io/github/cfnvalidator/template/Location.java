package io.github.cfnvalidator.template;

import java.util.Objects;

/**
 * Where something stands in a source file: 1-based line and column of its first character and of the character
 * just after it. Columns count UTF-16 code units, the unit editors, SARIF viewers and GitHub use.
 *
 * @param file      the file name as the user gave it (or a label such as {@code <string>})
 * @param line      1-based start line
 * @param column    1-based start column (UTF-16 code units)
 * @param endLine   1-based end line (inclusive line of the end position)
 * @param endColumn 1-based column just after the last character (exclusive)
 */
public record Location(String file, int line, int column, int endLine, int endColumn) implements Comparable<Location> {

    /** A location for things that have no place in a file, such as a missing file. */
    public static Location ofFile(String file) {
        return new Location(file, 1, 1, 1, 1);
    }

    /** A zero-width location at one point. */
    public static Location point(String file, int line, int column) {
        return new Location(file, line, column, line, column);
    }

    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** The same location, attributed to another file name. */
    public Location withFile(String newFile) {
        return new Location(newFile, line, column, endLine, endColumn);
    }

    /** {@code file:line:column}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
