package io.fleetplan.application.port.out;

import io.fleetplan.domain.shared.EventType;

import java.time.Instant;
import java.util.Optional;

/** Which events to list: by subject (an id), type, and time [from, to). */
public record EventFilter(Optional<String> subject, Optional<EventType> type, Optional<Instant> from,
                          Optional<Instant> to) {
    public static final EventFilter ALL = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
}
