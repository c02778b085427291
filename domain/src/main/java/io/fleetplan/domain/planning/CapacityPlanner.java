package io.fleetplan.domain.planning;

/**
 * Projects a scenario over a baseline into a {@link CapacityPlan}. Pure and deterministic: no
 * clock, no I/O, equal inputs give equal plans. Stateless; one instance can serve every caller.
 */
public final class CapacityPlanner {

    /**
     * The quarter-by-quarter plan of {@code scenario} from {@code baseline}.
     *
     * @throws io.fleetplan.domain.shared.InvalidValueException when the scenario does not fit the
     *         baseline: a start before the baseline's quarter, an unknown data centre or pool, another currency
     */
    public CapacityPlan project(Baseline baseline, Scenario scenario) {
        return Projection.run(baseline, scenario).plan();
    }
}
