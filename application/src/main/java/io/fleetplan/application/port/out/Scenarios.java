package io.fleetplan.application.port.out;

import java.util.List;
import java.util.Optional;

/** Stored planning scenarios; at most one is the plan of record. */
public interface Scenarios {
    /**
     * Stores a scenario: a new one when {@code version} is 0 (a {@code ConflictException} if the name
     * is taken), else replaces the one stored at that version (a stale version is a
     * {@code ConflictException}). Returns the stored version.
     */
    long save(StoredScenario scenario);

    Optional<StoredScenario> find(String name);

    /** Every scenario, by name. */
    List<StoredScenario> all();

    /** Removes a scenario; false when there was none. */
    boolean delete(String name);

    /** Makes the named scenario the plan of record and every other one not. */
    void setPlanOfRecord(String name);
}
