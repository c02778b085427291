package io.fleetplan.domain.shared;

/** A value that can never be valid, whatever the state: a malformed id, a negative count. */
public final class InvalidValueException extends DomainException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super("invalid-value", message);
        this.field = field;
    }

    /** The name of the offending value, as the model calls it. */
    public String field() {
        return field;
    }
}
