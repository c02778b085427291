package io.fleetplan.domain.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * What every aggregate has: the version it was loaded at (for optimistic checks by the stores)
 * and the events its methods recorded since, which the application appends to the event log in
 * the same transaction as the change.
 */
public abstract class AggregateRoot {
    private final long version;
    private final List<DomainEvent> events = new ArrayList<>();

    protected AggregateRoot(long version) {
        this.version = Require.notNegative(version, "version");
    }

    /** The stored version this instance was loaded at; 0 for one not yet stored. */
    public final long version() {
        return version;
    }

    protected final void record(DomainEvent event) {
        events.add(event);
    }

    /** Hands over the events recorded so far and forgets them. */
    public final List<DomainEvent> pullEvents() {
        List<DomainEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
