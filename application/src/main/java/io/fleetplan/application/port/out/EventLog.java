package io.fleetplan.application.port.out;

import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.DomainEvent;

import java.time.Instant;
import java.util.List;

/**
 * The append-only record of every decision: who, what, when, why. Appended in the same
 * transaction as the change it describes, so there is no change without its event and no event
 * without its change.
 */
public interface EventLog {
    void append(List<DomainEvent> events, Actor actor, Instant at);

    /** Up to {@code limit} events matching the filter with a sequence above {@code afterSequence}, oldest first. */
    List<StoredEvent> list(EventFilter filter, long afterSequence, int limit);
}
