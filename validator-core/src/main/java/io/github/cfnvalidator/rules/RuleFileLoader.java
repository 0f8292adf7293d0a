package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.template.Location;
import io.github.cfnvalidator.template.ParseProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Reads rule files written in a policy language (CloudFormation Guard is the one shipped, in the
 * {@code validator-guard} module) into rules that run beside the built-in ones. Implementations are found with
 * {@link ServiceLoader} ({@code META-INF/services/io.github.cfnvalidator.rules.RuleFileLoader}), so core names no
 * language: {@code guardRules} in cfn-validator.yaml, the CLI's {@code --rules} and the Maven plugin's
 * {@code rules} all go through {@link #loadAll}. Implementations are stateless and thread-safe.
 */
public interface RuleFileLoader {
    /** The language's name, for messages (for example {@code CloudFormation Guard}). */
    String language();

    /** Whether a file is one of this language's rule files (by its name); folders are searched for these. */
    boolean accepts(Path file);

    /**
     * Reads rule files and folders (folders searched for the files this loader {@link #accepts}). A file that
     * cannot be read or parsed is a problem with its line and column, never an exception, and hides no other file.
     */
    Loaded load(List<Path> paths);

    /**
     * The rule files of this language in a folder, in the order {@link #load} reads them (the files an up-to-date
     * check must watch). By default every regular file below the folder that this loader {@link #accepts}, by path.
     */
    default List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && accepts(p)).sorted().toList();
        }
    }

    /**
     * Rules read from rule files, with the problems of the files that could not be read.
     *
     * @param rules the rules to run (a loader may return one rule for all its files)
     * @param problems one problem per bad file or path, with its position
     */
    record Loaded(List<Rule> rules, List<ParseProblem> problems) {
        /** Copies the lists. */
        public Loaded {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    /** The loaders on the class path of this interface's class loader, in service-file order. */
    static List<RuleFileLoader> installed() {
        List<RuleFileLoader> out = new ArrayList<>();
        ServiceLoader.load(RuleFileLoader.class, RuleFileLoader.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /**
     * Reads rule files and folders with the installed loaders: a folder is given to every loader, a file to the
     * first loader that {@link #accepts} it (or, if none does, to the first loader). Without any loader on the
     * class path every path is a problem.
     */
    static Loaded loadAll(List<Path> paths) {
        return loadAll(paths, installed());
    }

    /**
     * The rule files a rules path stands for, as the installed loaders read them: a file itself, a folder's rule
     * files of every language. A folder that cannot be listed stands for itself.
     */
    static List<Path> filesOf(Path path) {
        return filesOf(path, installed());
    }

    /** {@link #filesOf(Path)} with the given loaders. */
    static List<Path> filesOf(Path path, List<RuleFileLoader> loaders) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> out = new ArrayList<>();
        try {
            for (RuleFileLoader l : loaders) {
                out.addAll(l.files(path));
            }
        } catch (IOException e) {
            return List.of(path);
        }
        return out;
    }

    /** {@link #loadAll(List)} with the given loaders. */
    static Loaded loadAll(List<Path> paths, List<RuleFileLoader> loaders) {
        if (loaders.isEmpty()) {
            List<ParseProblem> problems = new ArrayList<>();
            for (Path p : paths) {
                problems.add(new ParseProblem("no rule file language is installed (validator-guard is not on the "
                        + "class path)", Location.ofFile(p.toString())));
            }
            return new Loaded(List.of(), problems);
        }
        Map<RuleFileLoader, List<Path>> byLoader = new LinkedHashMap<>();
        loaders.forEach(l -> byLoader.put(l, new ArrayList<>()));
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                byLoader.values().forEach(list -> list.add(p));
            } else {
                RuleFileLoader chosen = loaders.stream().filter(l -> l.accepts(p)).findFirst()
                        .orElse(loaders.get(0));
                byLoader.get(chosen).add(p);
            }
        }
        List<Rule> rules = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        byLoader.forEach((loader, list) -> {
            if (!list.isEmpty() || loaders.size() == 1) {
                Loaded l = loader.load(list);
                rules.addAll(l.rules());
                problems.addAll(l.problems());
            }
        });
        return new Loaded(rules, problems);
    }
}
