package io.github.cfnvalidator.cli.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import io.github.cfnvalidator.template.Location;

/** Converts between the validator's 1-based locations and the protocol's 0-based positions (both UTF-16 units). */
final class Positions {
    private Positions() {
    }

    /** The range of a location: start to the position just after its end. */
    static Range range(Location l) {
        Position start = new Position(Math.max(0, l.line() - 1), Math.max(0, l.column() - 1));
        Position end = new Position(Math.max(0, l.endLine() - 1), Math.max(0, l.endColumn() - 1));
        if (end.getLine() < start.getLine()
                || (end.getLine() == start.getLine() && end.getCharacter() < start.getCharacter())) {
            end = start;
        }
        return new Range(start, end);
    }

    /** Whether a 0-based position falls inside a location (start inclusive, end inclusive for the cursor). */
    static boolean contains(Location l, Position p) {
        int line = p.getLine() + 1;
        int col = p.getCharacter() + 1;
        if (line < l.line() || line > l.endLine()) {
            return false;
        }
        if (line == l.line() && col < l.column()) {
            return false;
        }
        return line != l.endLine() || col <= l.endColumn();
    }

    /** The offset in a text of a 0-based position (clamped to the text). */
    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        while (line < p.getLine() && i < text.length()) {
            if (text.charAt(i) == '\n') {
                line++;
            }
            i++;
        }
        return Math.min(text.length(), i + p.getCharacter());
    }
}
