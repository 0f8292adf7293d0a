package io.github.cfnvalidator.guard.eval;

/**
 * The result of one rule file over one data document: the overall status and the record tree every report is a view
 * of.
 *
 * @param rulesFile the rule file's name
 * @param dataName  the data document's name
 * @param status    PASS, FAIL or SKIP for the file as a whole
 * @param root      the root record (a file check whose children are the rules' checks)
 */
public record GuardEvaluation(String rulesFile, String dataName, GuardStatus status, GuardRecord root) {
}
