package io.fleetplan.application.port.in.planning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * Projects plans from the live state: a stored scenario or one given inline, several side by side
 * against the plan of record, and the solver ("what clears the backlog by 2027Q4?").
 */
public interface RunPlans {
    PlanView plan(String scenario);

    /** A stored scenario's plan, its summary and the fleet's backlog and leasable GPUs quarter by quarter only. */
    PlanSummaryView planSummary(String scenario);

    PlanView plan(ScenarioDefinition inline);

    /** The plan of record and the named scenarios, side by side. */
    ComparisonView compare(List<String> scenarios);

    SolverView solve(SolveCommand command);

    /** @param lever CAPEX (least extra capital), THROUGHPUT (least multiplier) or POWER (least extra MW per site) */
    record SolveCommand(@NotNull String scenario,
                        @NotNull @Pattern(regexp = "^(CAPEX|THROUGHPUT|POWER)$", message = "must be CAPEX, THROUGHPUT or POWER") String lever,
                        @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2027Q4") String clearBy) {
    }
}
