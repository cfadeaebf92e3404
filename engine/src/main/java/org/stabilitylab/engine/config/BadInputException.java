package org.stabilitylab.engine.config;

/** A user-facing input error: names the offending key or file and what is allowed. */
public final class BadInputException extends RuntimeException {
    private final String field;

    public BadInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The preset key, CLI option or file the message is about. */
    public String field() {
        return field;
    }
}
