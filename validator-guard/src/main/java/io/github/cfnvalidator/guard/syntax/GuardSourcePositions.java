package io.github.cfnvalidator.guard.syntax;

import io.github.cfnvalidator.guard.syntax.GuardAst.FileLoc;
import java.util.ArrayList;
import java.util.List;

/**
 * Positions in a rule file's text as the parser reports them: the 1-based line and column (in code points) of an
 * offset, and the parse error for a failure at an offset, quoting the text found there.
 */
final class GuardSourcePositions {
    private final String s;
    private final int n;
    private final String fileName;
    private final int[] lineStarts;

    GuardSourcePositions(String text, String fileName) {
        this.s = text;
        this.n = text.length();
        this.fileName = fileName;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    GuardParseException problem(int pos, String what) {
        int line = lineOf(pos);
        int col = columnOf(pos, line);
        int end = s.indexOf('\n', pos);
        String fragment = s.substring(Math.min(pos, n), end < 0 ? n : end).strip();
        if (fragment.length() > 60) {
            fragment = fragment.substring(0, 60) + "...";
        }
        String near = pos >= n ? "at the end of the file" : "near '" + fragment + "'";
        return new GuardParseException(fileName, line, col, what + " " + near);
    }

    private int lineOf(int pos) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int columnOf(int pos, int line) {
        int start = lineStarts[line - 1];
        return s.codePointCount(start, Math.min(pos, n)) + 1;
    }

    FileLoc loc(int p) {
        int line = lineOf(p);
        return new FileLoc(fileName, line, columnOf(p, line));
    }
}
