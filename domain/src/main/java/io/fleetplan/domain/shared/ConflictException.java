package io.fleetplan.domain.shared;

/** The request collides with what exists: a duplicate id, or a stale version. */
public final class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }

    public static ConflictException alreadyExists(String kind, Object id) {
        return new ConflictException(kind + "-exists", kind.replace('-', ' ') + " '" + id + "' already exists");
    }

    public static ConflictException staleVersion(String kind, Object id, long expected, long actual) {
        return new ConflictException("stale-version", kind.replace('-', ' ') + " '" + id + "' is at version " + actual
                + ", not " + expected + ": reload it and try again");
    }
}
