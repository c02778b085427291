package io.fleetplan.domain.shared;

import java.util.Objects;

/**
 * Base of every error the model raises. Unchecked, so that a transaction rolls back through any
 * adapter that wraps checked exceptions. {@link #code()} is stable: clients and tests branch on it,
 * never on the message.
 */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A stable, kebab-case code such as {@code power-capacity-exceeded}. */
    public String code() {
        return code;
    }
}
