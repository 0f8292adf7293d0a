package io.github.cfnvalidator.rules;

import io.github.cfnvalidator.report.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of a built-in rule's metadata, on the rule's class (as Error Prone's {@code @BugPattern}):
 * {@link Rule#metadata()} reads it, its documentation page is {@code docs/rules/<id>.md}, and the catalogue test
 * checks that the page, a README row and a fixture folder exist for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id, lower snake case, e.g. {@code sagemaker_variant_min_instances}. */
    String id();

    /** Severity of the rule's findings unless configured otherwise. */
    Severity severity();

    /** One sentence saying what a passing template satisfies. */
    String summary();
}
