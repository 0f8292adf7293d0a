package io.github.cfnvalidator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue checks itself (as Error Prone validates every {@code @BugPattern} and Checkstyle's all-checks
 * test walks every check): every rule listed by {@code cfn-validator rules} has a unique lower_snake id, a severity,
 * a one-sentence summary, a documentation page with a failing and a fixed example (also inside the jar, for
 * {@code cfn-validator explain}), a README row and a fixture folder
 * with a failing and a clean fixture; every fixture folder names a rule (or is an allow-listed mixed folder); the
 * services file and the classes in {@code rules.builtin} agree.
 */
class RuleCatalogueTest {
    /** Fixture folders that deliberately name no rule: each runs every rule, for the reason given. */
    static final Map<String, String> MIXED_FOLDERS = Map.of(
            "controls", "suppressions in all their forms, which only mean something while other rules report",
            "ha_pack", "whole high-availability stacks judged by the pack together",
            "guard", "Guard rule files run through the adapter (each fixture names its .guard files)",
            "inputs", "inputs CloudFormation accepts that a reader could get wrong (duplicate keys), with every rule");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern SERVICES = Pattern.compile(
            "META-INF/services/io.github.cfnvalidator.rules.Rule");
    private static final String BUILTIN = "io.github.cfnvalidator.rules.builtin";

    /** Every rule of the catalogue: the registered rules and the checks the Validator makes itself. */
    static List<RuleMetadata> catalogue() {
        List<RuleMetadata> all = new ArrayList<>();
        RuleRegistry.builtIn().all().forEach(r -> all.add(r.metadata()));
        all.addAll(Suppressions.metadata());
        return all;
    }

    /** The project folder (tests run in validator-core). */
    static Path project() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs").resolve("rules")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new AssertionError("no project folder with docs/rules and README.md above " + here);
    }

    static Path fixtures() throws URISyntaxException {
        return Path.of(RuleCatalogueTest.class.getResource("/fixtures").toURI());
    }

    @Test
    void everyRuleHasAnIdASeverityAndAOneSentenceSummary() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RuleMetadata m : catalogue()) {
            if (!ID.matcher(m.id()).matches()) {
                problems.add(m.id() + ": the id is not lower_snake_case");
            }
            if (!seen.add(m.id())) {
                problems.add(m.id() + ": two rules share the id");
            }
            if (m.defaultSeverity() == null) {
                problems.add(m.id() + ": no severity");
            }
            problems.addAll(CatalogueChecks.summaryProblems(m));
            if (!m.docs().equals("docs/rules/" + m.id() + ".md")) {
                problems.add(m.id() + ": docs is " + m.docs() + ", not docs/rules/" + m.id() + ".md");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void everyRuleHasADocsPageWithAFailingAndAFixedExample() throws IOException {
        List<String> problems = new ArrayList<>();
        for (RuleMetadata m : catalogue()) {
            problems.addAll(CatalogueChecks.pageProblems(m, project().resolve(m.docs())));
            if (RuleDocs.page(m.id()).isEmpty()) {
                problems.add(m.id() + ": the page is not in the jar (cfn-validator explain " + m.id() + ")");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDocsPageBelongsToARule() throws IOException {
        Set<String> ids = new TreeSet<>();
        catalogue().forEach(m -> ids.add(m.id()));
        try (Stream<Path> s = Files.list(project().resolve("docs").resolve("rules"))) {
            List<String> orphans = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(id -> !ids.contains(id)).sorted().toList();
            assertThat(orphans).as("docs/rules pages of no rule").isEmpty();
        }
    }

    @Test
    void everyRuleHasAReadmeRow() throws IOException {
        List<String> readme = Files.readAllLines(project().resolve("README.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (RuleMetadata m : catalogue()) {
            problems.addAll(CatalogueChecks.readmeProblems(m, readme));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleHasAFixtureFolderWithAFailingAndACleanFixture() throws Exception {
        List<String> problems = new ArrayList<>();
        for (RuleMetadata m : catalogue()) {
            problems.addAll(CatalogueChecks.fixtureProblems(m.id(), fixtures().resolve(m.id())));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFixtureFolderNamesARuleOrIsAnAllowListedMixedFolder() throws Exception {
        Set<String> ids = new HashSet<>();
        catalogue().forEach(m -> ids.add(m.id()));
        List<String> unnamed = new ArrayList<>();
        try (Stream<Path> s = Files.list(fixtures())) {
            for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!ids.contains(name) && !MIXED_FOLDERS.containsKey(name)) {
                    unnamed.add(name + ": names no rule (a misspelled rule id runs every rule); rename it after a "
                            + "rule, or add it to MIXED_FOLDERS with the reason it runs every rule");
                }
            }
        }
        try (Stream<Path> s = Files.list(fixtures())) {
            s.filter(Files::isRegularFile).forEach(p -> unnamed.add(p.getFileName() + ": a fixture outside a folder"));
        }
        assertThat(unnamed).isEmpty();
        assertThat(MIXED_FOLDERS.keySet()).as("mixed folders that are also rule ids").doesNotContainAnyElementsOf(ids);
    }

    @Test
    void theServicesFileAndTheBuiltInRuleClassesAgree() throws Exception {
        List<String> listed = CatalogueChecks.servicesLines(SERVICES.pattern());
        List<String> problems = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        for (String name : listed) {
            if (!unique.add(name)) {
                problems.add(name + ": listed twice");
            }
            try {
                Class<?> c = Class.forName(name, false, Rule.class.getClassLoader());
                if (!Rule.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
                    problems.add(name + ": not a concrete Rule");
                } else {
                    c.getConstructor();
                }
            } catch (ClassNotFoundException e) {
                problems.add(name + ": no such class");
            } catch (NoSuchMethodException e) {
                problems.add(name + ": no public no-argument constructor");
            }
        }
        for (Class<?> c : CatalogueChecks.mainClasses()) {
            if (c.getPackageName().equals(BUILTIN) && Rule.class.isAssignableFrom(c) && !c.isMemberClass()
                    && !Modifier.isAbstract(c.getModifiers()) && !unique.contains(c.getName())) {
                problems.add(c.getName() + ": a Rule in rules.builtin that the services file does not list");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleInfoDeclarationIsInTheCatalogueAndIsWhatItsRuleReports() throws Exception {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        catalogue().forEach(m -> byId.put(m.id(), m));
        List<String> problems = new ArrayList<>();
        int declared = 0;
        for (Class<?> c : CatalogueChecks.mainClasses()) {
            if (c.getAnnotation(RuleInfo.class) == null) {
                continue;
            }
            declared++;
            RuleMetadata m = RuleMetadata.of(c);
            if (!m.equals(byId.get(m.id()))) {
                problems.add(c.getName() + ": declares " + m.id() + " but the catalogue has " + byId.get(m.id()));
            }
            if (Rule.class.isAssignableFrom(c) && CatalogueChecks.overridesMetadata(c)) {
                problems.add(c.getName() + ": declares @RuleInfo and also overrides metadata()");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(declared).isGreaterThanOrEqualTo(7);
    }
}
