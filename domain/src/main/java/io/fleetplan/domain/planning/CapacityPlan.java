package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.util.List;

/**
 * A scenario's quarter-by-quarter projection, at every scope, with its summary. Equal inputs give
 * equal plans: the projection is deterministic and the plan compares by value.
 *
 * @param scenario the scenario's name
 * @param quarters one entry per quarter of the horizon, in order
 * @param summary  what the plan comes to
 */
public record CapacityPlan(String scenario, List<QuarterPlan> quarters, PlanSummary summary) {

    public CapacityPlan {
        Require.text(scenario, "scenario", 200);
        quarters = List.copyOf(Require.present(quarters, "quarters"));
        if (quarters.isEmpty()) {
            throw new InvalidValueException("quarters", "a plan covers at least one quarter");
        }
        Require.present(summary, "summary");
    }

    /** The first quarter of the plan. */
    public Quarter start() {
        return quarters.get(0).quarter();
    }

    /** The last quarter of the plan. */
    public Quarter end() {
        return quarters.get(quarters.size() - 1).quarter();
    }

    /** The plan for one quarter of the horizon. */
    public QuarterPlan at(Quarter quarter) {
        Require.present(quarter, "quarter");
        int index = start().quartersUntil(quarter);
        if (index < 0 || index >= quarters.size()) {
            throw new InvalidValueException("quarter", "quarter " + quarter + " is outside the plan " + start() + ".."
                    + end());
        }
        return quarters.get(index);
    }

    /** Fleet backlog in GPUs, quarter by quarter. */
    public List<Long> backlogByQuarter() {
        return quarters.stream().map(q -> q.total().backlogGpus()).toList();
    }

    /** Whether there is no backlog in {@code from} or in any quarter after it within the horizon. */
    public boolean clearFrom(Quarter from) {
        at(from);
        for (int i = start().quartersUntil(from); i < quarters.size(); i++) {
            if (quarters.get(i).total().backlogGpus() > 0) {
                return false;
            }
        }
        return true;
    }
}
