package io.fleetplan.application.port.in.planning;

import io.fleetplan.domain.shared.Actor;

import java.util.List;

/**
 * Stores what-if scenarios and names the plan of record. Saving a name that exists replaces it
 * ({@code expectedVersion}, nullable, guards against lost updates).
 */
public interface ManageScenarios {
    ScenarioView save(Actor actor, ScenarioDefinition definition, Long expectedVersion);

    void delete(Actor actor, String name);

    ScenarioView setPlanOfRecord(Actor actor, String name);

    List<ScenarioView> scenarios();

    ScenarioView scenario(String name);

    List<GrowthPresetView> presets();
}
