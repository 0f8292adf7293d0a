package io.github.cfnvalidator.guard.data;

/** A data file (template, input parameters, test input) that cfn-guard's loader would not accept. */
public final class GuardDataException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * Creates the exception.
     *
     * @param file    the data file's name
     * @param message what is wrong, with the position when known
     */
    public GuardDataException(String file, String message) {
        super(message, null, false, false);
        this.file = file;
    }

    /** The data file's name. */
    public String file() {
        return file;
    }

    /** Carries the checked exception through the event-driven reader. */
    static final class Unchecked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient GuardDataException checked;

        Unchecked(GuardDataException checked) {
            super(checked.getMessage(), null, false, false);
            this.checked = checked;
        }
    }
}
