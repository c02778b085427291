package io.fleetplan.application.port.out;

import java.util.Objects;

/**
 * A scenario as a store keeps it: its name, its definition as text (written and read by the
 * application; a store only keeps it), whether it is the plan of record, and its version.
 */
public record StoredScenario(String name, String definition, boolean planOfRecord, long version) {
    public StoredScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
