package io.github.cfnvalidator.guard;

import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException;
import io.github.cfnvalidator.guard.eval.GuardEvaluation;
import io.github.cfnvalidator.guard.eval.GuardEvaluator;
import io.github.cfnvalidator.guard.eval.GuardIntrinsics;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.eval.GuardScopes;
import io.github.cfnvalidator.guard.eval.GuardStatus;
import io.github.cfnvalidator.guard.syntax.GuardAst;
import io.github.cfnvalidator.guard.syntax.GuardAst.ParameterizedRule;
import io.github.cfnvalidator.guard.syntax.GuardAst.Rule;
import io.github.cfnvalidator.guard.syntax.GuardAst.RulesFile;
import io.github.cfnvalidator.guard.syntax.GuardParseException;
import io.github.cfnvalidator.guard.syntax.GuardParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One parsed Guard rule file: immutable, parsed once and evaluated against any number of documents, from any number
 * of threads.
 *
 * <pre>{@code
 * GuardRules rules = GuardRules.read(Path.of("s3.guard"));
 * GuardEvaluation e = rules.evaluate(GuardDataReader.read("t.yaml", text), "t.yaml", GuardOptions.DEFAULT);
 * }</pre>
 */
public final class GuardRules {
    private static final RulesFile EMPTY = new RulesFile(List.of(), List.of(), List.of());

    private final String fileName;
    private final RulesFile file;
    private final boolean empty;
    private final Map<String, List<Rule>> rulesByName;
    private final Map<String, ParameterizedRule> parameterized;

    private GuardRules(String fileName, RulesFile file) {
        this.fileName = fileName;
        this.empty = file == null;
        this.file = file == null ? EMPTY : file;
        Map<String, List<Rule>> byName = new LinkedHashMap<>();
        for (Rule r : this.file.rules()) {
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        this.rulesByName = Collections.unmodifiableMap(byName);
        Map<String, ParameterizedRule> p = new LinkedHashMap<>();
        for (ParameterizedRule pr : this.file.parameterizedRules()) {
            p.put(pr.rule().name(), pr);
        }
        this.parameterized = Collections.unmodifiableMap(p);
    }

    /**
     * Parses rule text.
     *
     * @param fileName the name used for the default rule ({@code <fileName>/default}) and in messages
     * @param text     the rules
     * @return the parsed rules
     * @throws GuardParseException when the text is not valid Guard, with the line and column
     */
    public static GuardRules parse(String fileName, String text) throws GuardParseException {
        Objects.requireNonNull(fileName);
        return new GuardRules(fileName, GuardParser.parse(text, fileName));
    }

    /** Reads and parses a rule file, naming it by its file name (as cfn-guard does). */
    public static GuardRules read(Path file) throws IOException, GuardParseException {
        Path name = file.getFileName();
        return parse(name == null ? file.toString() : name.toString(),
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** The rule file's name. */
    public String fileName() {
        return fileName;
    }

    /** Whether the file holds no rules at all (only blanks and comments): cfn-guard then evaluates nothing. */
    public boolean isEmpty() {
        return empty;
    }

    /** The names of the rules evaluated for each document, in order (the default rule first, if any). */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (Rule r : file.rules()) {
            names.add(r.name());
        }
        return names;
    }

    RulesFile ast() {
        return file;
    }

    /**
     * Evaluates the rules against one document.
     *
     * @param data     the document
     * @param dataName its name (reports show it)
     * @param options  how to evaluate
     * @return the status and the record tree
     * @throws GuardEvalException where cfn-guard stops with an error
     */
    public GuardEvaluation evaluate(GuardValue data, String dataName, GuardOptions options) throws GuardEvalException {
        return evaluate(data, dataName, options, null);
    }

    /** Evaluates with intrinsic awareness (null for none). */
    public GuardEvaluation evaluate(GuardValue data, String dataName, GuardOptions options, GuardIntrinsics intrinsics)
            throws GuardEvalException {
        GuardScopes.RootScope root = new GuardScopes.RootScope(file, rulesByName, parameterized, data,
                new GuardScopes.Options(!options.compatible(), options.keepAllRecords(), intrinsics));
        GuardStatus status = GuardEvaluator.evalRulesFile(file, root, dataName);
        return new GuardEvaluation(fileName, dataName, status, root.recorder().finished());
    }
}
