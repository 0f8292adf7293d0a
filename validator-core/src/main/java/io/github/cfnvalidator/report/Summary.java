package io.github.cfnvalidator.report;

/**
 * Totals over a report.
 *
 * @param files       files looked at
 * @param templates   files checked as templates
 * @param skipped     files passed over as not templates
 * @param invalid     files with input errors
 * @param errors      findings of severity error
 * @param warnings    findings of severity warning
 * @param infos       findings of severity info
 */
public record Summary(int files, int templates, int skipped, int invalid, int errors, int warnings, int infos) {
    /** Findings of every severity. */
    public int findings() {
        return errors + warnings + infos;
    }

    /** The number of findings at or above a threshold ({@code null}: none count). */
    public int atOrAbove(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        switch (threshold) {
            case ERROR:
                return errors;
            case WARNING:
                return errors + warnings;
            default:
                return errors + warnings + infos;
        }
    }

    /** {@code 2 error(s), 1 warning(s) in 3 template(s)} and what else applies. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(errors).append(" error(s), ").append(warnings).append(" warning(s)");
        if (infos > 0) {
            sb.append(", ").append(infos).append(" info(s)");
        }
        sb.append(" in ").append(templates).append(" template(s)");
        if (invalid > 0) {
            sb.append("; ").append(invalid).append(" file(s) could not be read");
        }
        if (skipped > 0) {
            sb.append("; ").append(skipped).append(" file(s) skipped as not templates");
        }
        return sb.toString();
    }
}
