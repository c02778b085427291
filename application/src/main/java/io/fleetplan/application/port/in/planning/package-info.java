/**
 * Capacity planning: scenarios, plans projected from the live state, comparisons against the plan of
 * record, the backlog solver, growth presets, and the CSV form of a plan ({@link io.fleetplan.application.port.in.planning.PlanCsv}).
 */
package io.fleetplan.application.port.in.planning;
