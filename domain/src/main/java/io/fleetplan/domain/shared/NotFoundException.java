package io.fleetplan.domain.shared;

/** A reference to something that does not exist. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String kind, Object id) {
        super(kind + "-not-found", kind.replace('-', ' ') + " '" + id + "' does not exist");
    }
}
