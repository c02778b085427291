package io.fleetplan.application.port.in.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of the event log: what happened to which subject, when, by whom, and why. */
public record EventView(long sequence, Instant at, String actor, String role, String type, String subject,
                        Map<String, String> details, String reason) {
    public EventView {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
