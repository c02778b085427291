package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

/** What a {@link BacklogSolver} found: the least relaxation that clears the backlog, or why none does. */
public sealed interface SolverResult permits SolverResult.Cleared, SolverResult.NotClearable {

    /** The quarter from which the backlog had to be clear. */
    Quarter clearBy();

    /**
     * The least relaxation that clears the backlog from {@code clearBy} to the end of the horizon
     * (zero, or for throughput possibly a multiplier below one, when the scenario already does).
     *
     * @param relaxation the least amount, at the search's resolution
     * @param scenario   the scenario with it applied
     * @param plan       that scenario's plan
     */
    record Cleared(Quarter clearBy, Relaxation relaxation, Scenario scenario, CapacityPlan plan)
            implements SolverResult {
        public Cleared {
            Require.present(clearBy, "clearBy");
            Require.present(relaxation, "relaxation");
            Require.present(scenario, "scenario");
            Require.present(plan, "plan");
        }
    }

    /**
     * Relaxing this constraint alone cannot clear the backlog: even at the point past which more of
     * it changes nothing, {@code blockedBy} binds in {@code at}.
     *
     * @param tried     the largest relaxation tried, past which more changes nothing
     * @param blockedBy the constraint that then binds fleet-wide
     * @param at        the first quarter from {@code clearBy} on that still has a backlog
     * @param plan      the plan with {@code tried} applied
     */
    record NotClearable(Quarter clearBy, Relaxation tried, BindingConstraint blockedBy, Quarter at, CapacityPlan plan)
            implements SolverResult {
        public NotClearable {
            Require.present(clearBy, "clearBy");
            Require.present(tried, "tried");
            Require.present(blockedBy, "blockedBy");
            Require.present(at, "at");
            Require.present(plan, "plan");
        }
    }
}
