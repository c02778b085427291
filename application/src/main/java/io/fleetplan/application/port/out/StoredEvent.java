package io.fleetplan.application.port.out;

import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.DomainEvent;

import java.time.Instant;

/** An event as the log keeps it: its position, when, who, and the event itself. */
public record StoredEvent(long sequence, Instant at, Actor actor, DomainEvent event) {
}
