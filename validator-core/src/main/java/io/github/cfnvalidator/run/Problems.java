package io.github.cfnvalidator.run;

import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.template.ParseProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The input problems met while preparing a run, typed, and the same problems as the failed file entries that reports
 * have always shown them as (one entry per unusable file, ahead of the templates).
 */
final class Problems {
    private final Names names;
    private final List<InputProblem> typed = new ArrayList<>();
    private final List<FileReport> entries = new ArrayList<>();

    Problems(Names names) {
        this.names = names;
    }

    /** Adds the problems of one file, renamed as the run names files. */
    void add(InputProblem.Kind kind, String file, List<ParseProblem> problems) {
        String shown = names.display(file);
        List<ParseProblem> renamed = new ArrayList<>(problems.size());
        for (ParseProblem p : problems) {
            ParseProblem q = new ParseProblem(p.message(), p.location().withFile(shown), p.related());
            renamed.add(q);
            typed.add(new InputProblem(kind, shown, q));
        }
        entries.add(FileReport.failed(shown, renamed));
    }

    List<InputProblem> typed() {
        return List.copyOf(typed);
    }

    List<FileReport> entries() {
        return List.copyOf(entries);
    }

    boolean isEmpty() {
        return typed.isEmpty();
    }
}
