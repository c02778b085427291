package io.fleetplan.application.port.out;

import io.fleetplan.domain.shared.Quarter;

import java.util.Objects;
import java.util.Optional;

/**
 * A scenario as a store keeps it: its name, its definition as text (written and read by the
 * application; a store only keeps it), the quarter its plans start in (empty: the current
 * quarter), whether it is the plan of record, and its version.
 */
public record StoredScenario(String name, String definition, Optional<Quarter> start, boolean planOfRecord,
                             long version) {
    public StoredScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(start, "start");
    }

    /** A scenario whose plans start at the current quarter. */
    public StoredScenario(String name, String definition, boolean planOfRecord, long version) {
        this(name, definition, Optional.empty(), planOfRecord, version);
    }

    /** The same scenario marked as the plan of record or not, at another version. */
    public StoredScenario with(boolean planOfRecord, long version) {
        return new StoredScenario(name, definition, start, planOfRecord, version);
    }
}
