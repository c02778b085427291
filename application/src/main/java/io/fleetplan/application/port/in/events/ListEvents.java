package io.fleetplan.application.port.in.events;

import io.fleetplan.application.port.in.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** Reads the event log, oldest first, filtered by subject (an id), type and time range [from, to). */
public interface ListEvents {
    Page<EventView> events(Query query);

    record Query(String subject,
                 @Pattern(regexp = "^[A-Z_]+$", message = "must be an event type such as ORDER_ALLOCATED") String type,
                 Instant from,
                 Instant to,
                 @Min(1) @Max(1000) int limit,
                 String cursor) {
    }
}
