package io.fleetplan.application.port.in.planning;

/** A stored scenario: its definition, whether it is the plan of record, and its version (for If-Match). */
public record ScenarioView(String name, boolean planOfRecord, long version, ScenarioDefinition definition) {
}
