package io.github.cfnvalidator.guard;

import io.github.cfnvalidator.rules.RuleFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link RuleFileLoader} for CloudFormation Guard 3 rule files ({@code .guard}, {@code .ruleset}): how core's
 * {@code guardRules} setting and the front ends' {@code --rules} reach {@link GuardRuleSet} without core knowing
 * Guard. Registered in {@code META-INF/services}.
 */
public final class GuardRuleFileLoader implements RuleFileLoader {
    /** The loader (ServiceLoader needs a public no-argument constructor). */
    public GuardRuleFileLoader() {
    }

    @Override
    public String language() {
        return "CloudFormation Guard";
    }

    @Override
    public boolean accepts(Path file) {
        Path name = file.getFileName();
        return name != null && GuardFiles.hasExtension(name.toString(), GuardFiles.RULE_EXTENSIONS);
    }

    /** The folder's {@code .guard} and {@code .ruleset} files in cfn-guard's order, as {@link #load} reads them. */
    @Override
    public List<Path> files(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : GuardFiles.walk(folder, false)) {
            if (Files.isRegularFile(p) && accepts(p)) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Loaded load(List<Path> paths) {
        GuardRuleSet.Loaded loaded = GuardRuleSet.load(paths);
        return new Loaded(List.of(loaded.rules()), loaded.problems());
    }
}
