package io.fleetplan.domain.shared;

/** A well-formed request the current state refuses: installing beyond power, spending beyond the commitment. */
public final class RuleViolationException extends DomainException {
    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
