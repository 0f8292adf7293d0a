package io.github.cfnvalidator.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run did with baselines: the known findings it hid (when it read one), and the findings it recorded (when it
 * wrote one). Reading is skipped while writing: a run that records today's findings hides nothing.
 *
 * @param applied the baseline that filtered the report, if one was read
 * @param written the baseline written, if one was asked for
 */
public record BaselineOutcome(Optional<Applied> applied, Optional<Written> written) {
    /** No baseline read or written. */
    public static final BaselineOutcome NONE = new BaselineOutcome(Optional.empty(), Optional.empty());

    /**
     * A baseline that filtered the report.
     *
     * @param file  the baseline file
     * @param name  the file as the run names it
     * @param known findings the baseline recorded, left out of the report
     * @param fixed baseline entries that matched no finding (fixed since it was written)
     */
    public record Applied(Path file, String name, int known, int fixed) {
    }

    /**
     * A baseline written from today's findings.
     *
     * @param file     the baseline file
     * @param name     the file as the run names it
     * @param findings how many findings it records
     * @param error    why it could not be written, if it could not (then the verdict is an input error)
     */
    public record Written(Path file, String name, int findings, Optional<String> error) {
    }
}
