package io.github.cfnvalidator.guard.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfnvalidator.guard.GuardFiles;
import io.github.cfnvalidator.guard.GuardRules;
import io.github.cfnvalidator.guard.data.GuardDataException;
import io.github.cfnvalidator.guard.data.GuardDataReader;
import io.github.cfnvalidator.guard.data.GuardJson;
import io.github.cfnvalidator.guard.data.GuardTemplateData;
import io.github.cfnvalidator.guard.data.GuardValue;
import io.github.cfnvalidator.guard.eval.GuardEvalException;
import io.github.cfnvalidator.guard.eval.GuardEvaluation;
import io.github.cfnvalidator.guard.eval.GuardIntrinsics;
import io.github.cfnvalidator.guard.eval.GuardOptions;
import io.github.cfnvalidator.guard.eval.GuardRecord;
import io.github.cfnvalidator.guard.eval.GuardResolverIntrinsics;
import io.github.cfnvalidator.guard.eval.GuardStatus;
import io.github.cfnvalidator.guard.report.GuardFileReport;
import io.github.cfnvalidator.guard.report.GuardSarif;
import io.github.cfnvalidator.guard.report.GuardText;
import io.github.cfnvalidator.guard.report.GuardYaml;
import io.github.cfnvalidator.guard.syntax.GuardParseException;
import io.github.cfnvalidator.report.JUnitXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code cfn-guard validate}, on the JVM: the same options, the same files in the same order, the same structured
 * reports and the same exit codes (0 all pass, 19 a rule failed, 5 a rule file does not parse, 255 an error), so a
 * CI script can switch binaries. Rule files are parsed once, data files read once, and the evaluations run in
 * parallel; output comes in cfn-guard's order.
 */
public final class GuardValidate {
    /** All rules passed or were skipped. */
    public static final int SUCCESS = 0;
    /** A rule failed. */
    public static final int FAILURE = 19;
    /** A rule file could not be parsed. */
    public static final int PARSE_ERROR = 5;
    /** An error stopped the run (missing path, unreadable data, evaluation error, bad options). */
    public static final int ERROR = 255;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The options of {@code validate}.
     *
     * @param rules        rule files or directories ({@code -r})
     * @param data         data files or directories ({@code -d}); none means standard input
     * @param inputParams  parameter files merged into every data file ({@code -i})
     * @param outputFormat single-line-summary, json, yaml, junit or sarif ({@code -o})
     * @param showSummary  the {@code -S} values: all, pass, fail, skip, none
     * @param structured   {@code -z}
     * @param lastModified {@code -m}: order files by modification time instead of name
     * @param verbose      {@code -v}: print the record tree
     * @param printJson    {@code -p}: print the record tree as JSON
     * @param payload      {@code -P}: read {"rules": [...], "data": [...]} from standard input
     * @param options      evaluation options
     * @param resolve      intrinsic-aware comparisons ({@code --resolve}): each data file is also read as a
     *                     template and values given by intrinsic functions are compared over every deployment
     * @param threads      how many evaluations run at once
     */
    public record Options(List<String> rules, List<String> data, List<String> inputParams, String outputFormat,
                          List<String> showSummary, boolean structured, boolean lastModified, boolean verbose,
                          boolean printJson, boolean payload, GuardOptions options, boolean resolve, int threads) {
        public Options {
            rules = List.copyOf(rules);
            data = List.copyOf(data);
            inputParams = List.copyOf(inputParams);
            showSummary = List.copyOf(showSummary);
            Objects.requireNonNull(outputFormat);
            Objects.requireNonNull(options);
        }
    }

    /** A run-stopping error, reported as "Error occurred ..." with exit code 255. */
    private static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    /** A data document ready for evaluation, with its intrinsic awareness (null when off or not a template). */
    private record DataFile(String name, GuardValue value, GuardIntrinsics intrinsics) {
        DataFile(String name, GuardValue value) {
            this(name, value, null);
        }
    }

    /** A rule file: its display name and its parsed rules, or the parse error. */
    private record RuleFile(String name, GuardRules rules, String error) {
    }

    private final Options o;
    private final InputStream stdin;
    private final PrintWriter out;
    private final PrintWriter err;

    private GuardValidate(Options o, InputStream stdin, PrintWriter out, PrintWriter err) {
        this.o = o;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code validate}.
     *
     * @return the exit code
     */
    public static int run(Options options, InputStream stdin, PrintWriter out, PrintWriter err) {
        GuardValidate v = new GuardValidate(options, stdin, out, err);
        try {
            return v.execute();
        } catch (Fatal f) {
            out.flush();
            err.println("Error occurred " + f.getMessage());
            err.flush();
            return ERROR;
        } catch (UncheckedIOException e) {
            out.flush();
            err.println("Error occurred I/O error when reading " + e.getCause().getMessage());
            err.flush();
            return ERROR;
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            err.println("Error occurred internal error (" + e + "); please report it");
            err.flush();
            return ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Set<String> summaryTypes() {
        Set<String> st = new LinkedHashSet<>();
        for (String s : o.showSummary()) {
            switch (s) {
                case "none":
                    st.clear();
                    break;
                case "all":
                    st.add("pass");
                    st.add("fail");
                    st.add("skip");
                    break;
                default:
                    st.add(s);
            }
        }
        return st;
    }

    private int execute() throws Fatal {
        Set<String> summary = summaryTypes();
        String fmt = o.outputFormat();
        if (o.structured() && !summary.isEmpty()) {
            throw new Fatal("Cannot provide a summary-type other than `none` when the `structured` flag is present");
        }
        if (o.structured() && fmt.equals("single-line-summary")) {
            throw new Fatal("single-line-summary is not able to be used when the `structured` flag is present");
        }
        if (fmt.equals("junit") && !o.structured()) {
            throw new Fatal("the structured flag must be set when output is set to junit");
        }
        if (fmt.equals("sarif") && !o.structured()) {
            throw new Fatal("the structured flag must be set when output is set to sarif");
        }
        if (o.payload()) {
            return payload(summary);
        }
        List<DataFile> data;
        if (!o.data().isEmpty()) {
            data = loadData(o.data());
        } else if (!o.rules().isEmpty()) {
            String content = readStdin();
            data = List.of(new DataFile("STDIN", readData("STDIN", content), intrinsicsFor("STDIN", content)));
        } else {
            data = List.of();
        }
        GuardValue params = loadParams();
        List<Path> rulePaths = new ArrayList<>();
        for (String r : o.rules()) {
            Path base = Path.of(r);
            checkExists(r);
            if (Files.isRegularFile(base)) {
                rulePaths.add(base);
            } else {
                try {
                    for (Path p : GuardFiles.walk(base, o.lastModified())) {
                        if (Files.isRegularFile(p) && p.getFileName() != null
                                && GuardFiles.hasExtension(p.getFileName().toString(), GuardFiles.RULE_EXTENSIONS)) {
                            rulePaths.add(p);
                        }
                    }
                } catch (IOException e) {
                    throw new Fatal("I/O error when reading " + e.getMessage());
                }
            }
        }
        List<RuleFile> rules = new ArrayList<>();
        for (Path p : rulePaths) {
            String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
            String text;
            try {
                text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Fatal("I/O error when reading " + e.getMessage());
            }
            rules.add(parse(name, text));
        }
        List<DataFile> merged = merge(data, params);
        if (o.structured()) {
            return structured(rules, merged, SUCCESS);
        }
        return unstructured(rules, merged, summary);
    }

    private static RuleFile parse(String name, String text) {
        try {
            return new RuleFile(name, GuardRules.parse(name, text), null);
        } catch (GuardParseException e) {
            return new RuleFile(name, null, e.getMessage());
        }
    }

    private void reportParseError(RuleFile r) {
        err.println("Parsing error handling rule file = " + r.name() + ", Error = Parser Error when parsing `"
                + r.error() + "`");
        err.println("---");
    }

    private String readStdin() throws Fatal {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Fatal("I/O error when reading " + e.getMessage());
        }
    }

    private static void checkExists(String path) throws Fatal {
        if (!Files.exists(Path.of(path))) {
            throw new Fatal("The path `" + path + "` does not exist");
        }
    }

    private GuardValue readData(String name, String content) throws Fatal {
        try {
            return GuardDataReader.read(name, content);
        } catch (GuardDataException e) {
            throw new Fatal("Parser Error when parsing `" + e.getMessage() + "`");
        }
    }

    /** Intrinsic awareness for one data file ({@code --resolve}); null when the file is not a readable template. */
    private GuardIntrinsics intrinsicsFor(String name, String content) {
        if (!o.resolve()) {
            return null;
        }
        try {
            io.github.cfnvalidator.template.Node document = new io.github.cfnvalidator.template.TemplateReader()
                    .readDocument(name, content);
            io.github.cfnvalidator.template.Template template = io.github.cfnvalidator.template.Template.of(document);
            return new GuardResolverIntrinsics(io.github.cfnvalidator.resolve.Resolver.of(template,
                    io.github.cfnvalidator.resolve.ParameterValues.empty()), GuardTemplateData.of(document));
        } catch (io.github.cfnvalidator.template.TemplateParseException | RuntimeException e) {
            synchronized (err) {
                err.println("note: " + name + " is not read as a CloudFormation template ("
                        + (e instanceof io.github.cfnvalidator.template.TemplateParseException t
                        ? t.problems().get(0).message() : e.toString())
                        + "); values given by intrinsic functions are compared as written");
            }
            return null;
        }
    }

    private List<DataFile> loadData(List<String> paths) throws Fatal {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String d : paths) {
            checkExists(d);
            try {
                for (Path p : GuardFiles.walk(Path.of(d), o.lastModified())) {
                    if (Files.isRegularFile(p)) {
                        String name = p.toRealPath().toString();
                        if (GuardFiles.hasExtension(name, GuardFiles.DATA_EXTENSIONS)) {
                            files.add(p);
                            names.add(name);
                        }
                    }
                }
            } catch (IOException e) {
                throw new Fatal("I/O error when reading " + e.getMessage());
            }
        }
        List<Object> loaded = parallel(files.size(), i -> {
            try {
                String content = utf8(Files.readAllBytes(files.get(i)));
                return new DataFile(names.get(i), readData(names.get(i), content),
                        intrinsicsFor(names.get(i), content));
            } catch (IOException e) {
                return new Fatal("I/O error when reading " + e.getMessage());
            } catch (Fatal f) {
                return f;
            }
        });
        List<DataFile> out = new ArrayList<>();
        for (Object x : loaded) {
            if (x instanceof Fatal f) {
                throw f;
            }
            out.add((DataFile) x);
        }
        return out;
    }

    /** Strict UTF-8, as Rust's read_to_string: invalid bytes are an I/O error. */
    private static String utf8(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("stream did not contain valid UTF-8");
        }
    }

    private GuardValue loadParams() throws Fatal {
        GuardValue merged = null;
        for (String d : o.inputParams()) {
            checkExists(d);
            try {
                for (Path p : GuardFiles.walk(Path.of(d), o.lastModified())) {
                    if (!Files.isRegularFile(p) || p.getFileName() == null) {
                        continue;
                    }
                    String name = p.getFileName().toString();
                    if (!GuardFiles.hasExtension(name, GuardFiles.DATA_EXTENSIONS)) {
                        continue;
                    }
                    GuardValue v = readData(name, new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                    merged = merged == null ? v : mergeValues(merged, v);
                }
            } catch (IOException e) {
                throw new Fatal("I/O error when reading " + e.getMessage());
            }
        }
        return merged;
    }

    /** cfn-guard's PathAwareValue::merge: lists concatenate, maps take new keys, a key present twice is an error. */
    static GuardValue mergeValues(GuardValue into, GuardValue other) throws Fatal {
        if (into instanceof GuardValue.ListV a && other instanceof GuardValue.ListV b) {
            List<GuardValue> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return new GuardValue.ListV(a.path(), items);
        }
        if (into instanceof GuardValue.MapV a && other instanceof GuardValue.MapV b) {
            List<GuardValue.Str> keys = new ArrayList<>(a.keys());
            LinkedHashMap<String, GuardValue> values = new LinkedHashMap<>(a.values());
            for (Map.Entry<String, GuardValue> e : b.values().entrySet()) {
                if (values.containsKey(e.getKey())) {
                    throw new Fatal("Conflicting rule or variable assignments inside the same scope `Key "
                            + e.getKey() + ", already exists in map`");
                }
                values.put(e.getKey(), e.getValue());
                keys.add(new GuardValue.Str(b.path().child(e.getKey()), e.getKey()));
            }
            return new GuardValue.MapV(a.path(), keys, values);
        }
        throw new Fatal("Types or variable assignments are incompatible `Types are not compatible for merges "
                + into.typeInfo() + ", " + other.typeInfo() + "`");
    }

    private static List<DataFile> merge(List<DataFile> data, GuardValue params) throws Fatal {
        if (params == null) {
            return data;
        }
        List<DataFile> out = new ArrayList<>();
        for (DataFile d : data) {
            out.add(new DataFile(d.name(), mergeValues(params, d.value()), d.intrinsics()));
        }
        return out;
    }

    @FunctionalInterface
    private interface Task {
        Object run(int index);
    }

    /** Runs tasks on the configured threads and returns their results in order. */
    private List<Object> parallel(int count, Task task) {
        int threads = Math.max(1, Math.min(o.threads(), count));
        List<Object> results = new ArrayList<>(count);
        if (threads <= 1) {
            for (int i = 0; i < count; i++) {
                results.add(task.run(i));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cfn-guard-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int idx = i;
                futures.add(pool.submit(() -> task.run(idx)));
            }
            for (Future<Object> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    results.add(new Fatal("internal error: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One evaluation: the result, or the error message that stops the run. */
    private record Cell(GuardEvaluation evaluation, String error) {
    }

    private Cell evaluate(GuardRules rules, DataFile d) {
        try {
            return new Cell(rules.evaluate(d.value(), d.name(), o.options(), d.intrinsics()), null);
        } catch (GuardEvalException e) {
            return new Cell(null, e.describe());
        } catch (RuntimeException | StackOverflowError e) {
            return new Cell(null, "internal error while evaluating " + rules.fileName() + " against " + d.name()
                    + ": " + e);
        }
    }

    // ------------------------------------------------------------------ structured

    private int structured(List<RuleFile> ruleFiles, List<DataFile> data, int initial) throws Fatal {
        int exit = initial;
        List<GuardRules> rules = new ArrayList<>();
        for (RuleFile r : ruleFiles) {
            if (r.error() != null) {
                reportParseError(r);
                exit = PARSE_ERROR;
            } else if (!r.rules().isEmpty()) {
                rules.add(r.rules());
            }
        }
        String fmt = o.outputFormat();
        if (fmt.equals("junit")) {
            return junit(rules, data, exit);
        }
        // each data file: evaluate every rule file, combine, and render its part of the report (in parallel)
        List<Object> perData = parallel(data.size(), i -> {
            GuardFileReport report = new GuardFileReport(data.get(i).name());
            boolean failed = false;
            for (GuardRules r : rules) {
                Cell c = evaluate(r, data.get(i));
                if (c.error() != null) {
                    return c;
                }
                failed |= c.evaluation().status() == GuardStatus.FAIL;
                report.add(c.evaluation());
            }
            String rendered = fmt.equals("yaml") ? GuardYaml.listItem(report.toPlain())
                    : fmt.equals("sarif") ? null : GuardJson.arrayElement(report.toPlain());
            return new Object[] {report, rendered, failed};
        });
        List<GuardFileReport> reports = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        for (Object x : perData) {
            if (x instanceof Cell c) {
                throw new Fatal(c.error());
            }
            Object[] r = (Object[]) x;
            reports.add((GuardFileReport) r[0]);
            rendered.add((String) r[1]);
            if ((Boolean) r[2]) {
                exit = FAILURE;
            }
        }
        switch (fmt) {
            case "yaml":
                if (rendered.isEmpty()) {
                    out.print("[]\n");
                }
                for (String r : rendered) {
                    out.print(r);
                }
                break;
            case "sarif":
                GuardJson.writePretty(GuardSarif.report(reports), out);
                break;
            default:
                GuardJson.writeArray(rendered, out);
        }
        out.flush();
        return exit;
    }

    /** cfn-guard's JUnit failure element: the failing rule's name, every message's custom and error text. */
    private static void junitFailure(GuardEvaluation e, JUnitXml x) {
        String failingRule = null;
        StringBuilder text = new StringBuilder();
        for (GuardFileReport.Failure f : GuardFileReport.of(e).notCompliant()) {
            for (GuardFileReport.Message m : f.messages()) {
                if (f instanceof GuardFileReport.RuleFailure rf) {
                    String n = rf.ruleName();
                    failingRule = n.contains(".guard/") ? n.split("\\.guard/", 2)[1] : n;
                }
                if (m.customMessage() != null) {
                    text.append(m.customMessage());
                }
                if (m.errorMessage() != null) {
                    text.append(m.errorMessage());
                }
            }
        }
        String[] message = failingRule == null ? new String[0] : new String[] {"message", failingRule};
        if (text.length() == 0) {
            x.empty("failure", message);
        } else {
            x.start("failure", message).text(text.toString()).end("failure");
        }
    }

    private int junit(List<GuardRules> rules, List<DataFile> data, int exitIn) throws Fatal {
        int exit = exitIn;
        long start = System.nanoTime();
        List<Object> perData = parallel(data.size(), i -> {
            List<Object[]> cells = new ArrayList<>();
            for (GuardRules r : rules) {
                long t0 = System.nanoTime();
                Cell c = evaluate(r, data.get(i));
                cells.add(new Object[] {c, (System.nanoTime() - t0) / 1_000_000});
                if (c.error() != null) {
                    break;
                }
            }
            return cells;
        });
        StringBuilder body = new StringBuilder();
        int totalFailures = 0;
        int tests = 0;
        for (int i = 0; i < data.size(); i++) {
            @SuppressWarnings("unchecked")
            List<Object[]> cells = (List<Object[]>) perData.get(i);
            int failures = 0;
            StringBuilder cases = new StringBuilder();
            JUnitXml x = new JUnitXml(cases, JUnitXml.Escaping.CFN_GUARD);
            for (int j = 0; j < cells.size(); j++) {
                Cell c = (Cell) cells.get(j)[0];
                long ms = (Long) cells.get(j)[1];
                if (c.error() != null) {
                    throw new Fatal(c.error());
                }
                tests++;
                GuardEvaluation e = c.evaluation();
                String ruleFile = rules.get(j).fileName();
                if (e.status() == GuardStatus.FAIL) {
                    failures++;
                    x.raw("        ").start("testcase", "name", ruleFile, "time", Long.toString(ms)).raw("\n");
                    junitFailure(e, x.raw("            "));
                    x.raw("\n        ").end("testcase").raw("\n");
                } else {
                    x.raw("        ").empty("testcase", "name", ruleFile, "time", Long.toString(ms),
                            "status", e.status() == GuardStatus.PASS ? "pass" : "skip").raw("\n");
                }
            }
            totalFailures += failures;
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            new JUnitXml(body, JUnitXml.Escaping.CFN_GUARD).raw("    ").start("testsuite", "name",
                    data.get(i).name(), "errors", "0", "failures", Integer.toString(failures), "time",
                    Long.toString(elapsed)).raw("\n").raw(cases.toString()).raw("    ").end("testsuite").raw("\n");
        }
        if (totalFailures > 0 && exit != PARSE_ERROR) {
            exit = FAILURE;
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        StringBuilder doc = new StringBuilder();
        new JUnitXml(doc, JUnitXml.Escaping.CFN_GUARD).declaration().raw("\n").start("testsuites",
                "name", "cfn-guard validate report", "tests", Integer.toString(tests),
                "failures", Integer.toString(totalFailures), "errors", "0", "time", Long.toString(elapsed))
                .raw("\n").raw(body.toString()).end("testsuites").raw("\n");
        out.print(doc);
        out.flush();
        return exit;
    }

    // ------------------------------------------------------------------ unstructured

    private int unstructured(List<RuleFile> ruleFiles, List<DataFile> data, Set<String> summary) throws Fatal {
        int exit = SUCCESS;
        // evaluate everything in parallel, then print in cfn-guard's order (rule file by rule file)
        List<RuleFile> parsed = ruleFiles;
        int cells = parsed.size() * data.size();
        List<Object> results = parallel(cells, k -> {
            RuleFile r = parsed.get(k / Math.max(1, data.size()));
            if (r.rules() == null || r.rules().isEmpty()) {
                return null;
            }
            return evaluate(r.rules(), data.get(k % data.size()));
        });
        for (int i = 0; i < parsed.size(); i++) {
            RuleFile r = parsed.get(i);
            if (r.error() != null) {
                reportParseError(r);
                exit = PARSE_ERROR;
                continue;
            }
            if (r.rules().isEmpty()) {
                continue;
            }
            boolean failed = false;
            for (int j = 0; j < data.size(); j++) {
                Cell c = (Cell) results.get(i * data.size() + j);
                if (c.error() != null) {
                    throw new Fatal(c.error());
                }
                GuardEvaluation e = c.evaluation();
                printOne(e, summary);
                if (e.status() == GuardStatus.FAIL) {
                    failed = true;
                }
            }
            if (failed) {
                exit = FAILURE;
            }
        }
        out.flush();
        return exit;
    }

    private void printOne(GuardEvaluation e, Set<String> summary) {
        summaryTable(e, summary);
        String fmt = o.outputFormat();
        GuardFileReport report = GuardFileReport.of(e);
        switch (fmt) {
            case "json":
                GuardJson.writePretty(report.toPlain(), out);
                break;
            case "yaml":
                out.print(GuardYaml.write(report.toPlain()));
                break;
            default:
                GuardText.details(e, report, out);
        }
        if (o.verbose()) {
            GuardText.tree(e.root(), "", true, out);
        }
        if (o.printJson()) {
            GuardJson.writePretty(GuardText.recordPlain(e.root()), out);
            out.println();
        }
    }

    private void summaryTable(GuardEvaluation e, Set<String> summary) {
        String rulesFile = e.rulesFile();
        Map<String, GuardStatus> passed = new LinkedHashMap<>();
        Map<String, GuardStatus> skipped = new LinkedHashMap<>();
        Map<String, GuardStatus> failed = new LinkedHashMap<>();
        int longest = 0;
        for (GuardRecord child : e.root().children()) {
            if (child.type() instanceof GuardRecord.RuleCheck rc) {
                Map<String, GuardStatus> target = rc.status() == GuardStatus.PASS ? passed
                        : rc.status() == GuardStatus.FAIL ? failed : skipped;
                target.putIfAbsent(rc.name(), rc.status());
                longest = Math.max(longest, GuardFileReport.ruleName(rulesFile, rc.name()).length());
            }
        }
        skipped.keySet().removeIf(k -> passed.containsKey(k) || failed.containsKey(k));
        boolean header = false;
        if (summary.contains("skip") && !skipped.isEmpty()) {
            out.println(e.dataName() + " Status = " + e.status());
            header = true;
            out.println("SKIP rules");
            printSummary(rulesFile, longest, skipped);
        }
        if (summary.contains("pass") && !passed.isEmpty()) {
            if (!header) {
                header = true;
                out.println(e.dataName() + " Status = " + e.status());
            }
            out.println("PASS rules");
            printSummary(rulesFile, longest, passed);
        }
        if (summary.contains("fail") && !failed.isEmpty()) {
            if (!header) {
                header = true;
                out.println(e.dataName() + " Status = " + e.status());
            }
            out.println("FAILED rules");
            printSummary(rulesFile, longest, failed);
        }
        if (header) {
            out.println("---");
        }
    }

    private void printSummary(String rulesFile, int longest, Map<String, GuardStatus> rules) {
        for (Map.Entry<String, GuardStatus> r : rules.entrySet()) {
            String name = GuardFileReport.ruleName(rulesFile, r.getKey());
            StringBuilder sb = new StringBuilder(rulesFile).append('/').append(name);
            for (int i = name.length(); i < longest + 4; i++) {
                sb.append(' ');
            }
            out.println(sb.append(r.getValue()));
        }
    }

    // ------------------------------------------------------------------ payload

    private int payload(Set<String> summary) throws Fatal {
        String text = readStdin();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new Fatal("Parser Error when parsing `" + e.getMessage() + "`");
        }
        if (root == null || !root.has("rules") || !root.has("data") || !root.get("rules").isArray()
                || !root.get("data").isArray()) {
            throw new Fatal("Parser Error when parsing `the payload must be {\"rules\": [..], \"data\": [..]}`");
        }
        List<DataFile> data = new ArrayList<>();
        int i = 0;
        for (JsonNode d : root.get("data")) {
            i++;
            String name = "DATA_STDIN[" + i + "]";
            data.add(new DataFile(name, readData(name, d.asText()), intrinsicsFor(name, d.asText())));
        }
        List<RuleFile> rules = new ArrayList<>();
        i = 0;
        for (JsonNode r : root.get("rules")) {
            i++;
            rules.add(parse("RULES_STDIN[" + i + "]", r.asText()));
        }
        if (o.structured()) {
            return structured(rules, merge(data, loadParams()), SUCCESS);
        }
        return unstructured(rules, data, summary);
    }
}
