package io.github.cfnvalidator.bench;

import io.github.cfnvalidator.Validator;
import io.github.cfnvalidator.report.FileReport;
import io.github.cfnvalidator.template.Node;
import io.github.cfnvalidator.template.TemplateParseException;
import io.github.cfnvalidator.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and validate throughput over the shared corpus (all files held in memory), single-threaded and warm.
 * Run with {@code bench/parse-throughput.sh}; results are recorded in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    /** The corpus folder; the script passes ../shared/corpus/templates. */
    @Param("../shared/corpus/templates")
    public String corpus;

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();
    private final TemplateReader reader = new TemplateReader();
    private final Validator validator = Validator.builder().threads(1).build();
    private long bytes;

    /** Loads every corpus file into memory. */
    @Setup
    public void load() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of(corpus))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                names.add(p.getFileName().toString());
                byte[] b = Files.readAllBytes(p);
                contents.add(b);
                bytes += b.length;
            }
        }
        System.out.printf("%n%d files, %d bytes%n", names.size(), bytes);
    }

    /** Reads every file into a tree (YAML and JSON). */
    @Benchmark
    public void parseCorpus(Blackhole bh) {
        for (int i = 0; i < names.size(); i++) {
            try {
                Node n = reader.readDocument(names.get(i), contents.get(i));
                bh.consume(n);
            } catch (TemplateParseException e) {
                bh.consume(e);
            }
        }
    }

    /** Reads and checks every file with the built-in rules (parse, resolve, evaluate). */
    @Benchmark
    public void validateCorpus(Blackhole bh) {
        for (int i = 0; i < names.size(); i++) {
            FileReport r = validator.validate(names.get(i), new String(contents.get(i),
                    java.nio.charset.StandardCharsets.UTF_8));
            bh.consume(r);
        }
    }
}
