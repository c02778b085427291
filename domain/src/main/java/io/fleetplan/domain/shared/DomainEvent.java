package io.fleetplan.domain.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state change the model made: what kind, to which subject (an id), the facts that matter
 * (string values, in a stable order), and why. Who made it and when are added by the event log.
 */
public record DomainEvent(EventType type, String subject, Map<String, String> details, String reason) {
    public DomainEvent {
        Require.present(type, "type");
        Require.present(subject, "subject");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Require.present(details, "details")));
        reason = reason == null ? "" : reason;
    }

    /** An event with details given as alternating key, value pairs. */
    public static DomainEvent of(EventType type, Object subject, String reason, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in key, value pairs");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            details.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
        }
        return new DomainEvent(type, String.valueOf(subject), details, reason);
    }
}
