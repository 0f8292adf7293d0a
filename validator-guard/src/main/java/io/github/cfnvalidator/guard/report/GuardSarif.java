package io.github.cfnvalidator.guard.report;

import io.github.cfnvalidator.guard.eval.GuardStatus;
import io.github.cfnvalidator.report.SarifLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for Guard reports, in cfn-guard's layout (one run, an artifact per failing file, one result per failure
 * message, rule id = the upper-cased rule name up to its first dot) but with correct positions: 1-based line and
 * column of the offending value (cfn-guard writes its 0-based line).
 */
public final class GuardSarif {
    private GuardSarif() {
    }

    /** The SARIF 2.1.0 log of the given data files' reports, as a plain tree. */
    public static Map<String, Object> report(List<GuardFileReport> reports) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "cfn-validator");
        driver.put("semanticVersion", version());
        driver.put("fullName", "cfn-validator " + version() + " (cfn-guard 3.1.1 compatible)");
        driver.put("organization", "CFN Validator");
        driver.put("downloadUri", "https://github.com/cfn-validator/cfn-validator");
        driver.put("informationUri", "https://github.com/cfn-validator/cfn-validator");
        driver.put("shortDescription", SarifLog.message("Guard rules evaluated by CFN Validator, a JVM "
                + "CloudFormation policy gate compatible with AWS CloudFormation Guard 3."));
        List<Object> artifacts = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (GuardFileReport r : reports) {
            if (r.status() != GuardStatus.FAIL) {
                continue;
            }
            String uri = sanitize(r.name());
            if (!r.name().isEmpty() && seen.add(r.name())) {
                artifacts.add(Map.of("location", Map.of("uri", uri)));
            }
            for (GuardFileReport.Failure f : r.notCompliant()) {
                String ruleId = "";
                if (f instanceof GuardFileReport.RuleFailure rf) {
                    String n = rf.ruleName();
                    int dot = n.indexOf('.');
                    ruleId = (dot < 0 ? n : n.substring(0, dot)).toUpperCase(Locale.ROOT);
                }
                for (GuardFileReport.Message m : f.messages()) {
                    Map<String, Object> result = SarifLog.result(ruleId, null, "error",
                            (m.errorMessage() == null ? "" : m.errorMessage()) + " "
                                    + (m.customMessage() == null ? "" : m.customMessage()));
                    int line = m.at() == null ? 1 : m.at().path().line() + 1;
                    int col = m.at() == null ? 1 : m.at().path().column() + 1;
                    result.put("locations", List.of(SarifLog.location(SarifLog.artifactLocation(uri, null),
                            SarifLog.region(line, col))));
                    results.add(result);
                }
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("artifacts", artifacts);
        run.put("results", results);
        return SarifLog.log(List.of(run));
    }

    private static String version() {
        String v = GuardSarif.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    private static String sanitize(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
