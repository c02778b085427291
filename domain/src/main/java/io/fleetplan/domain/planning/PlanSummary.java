package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan comes to, fleet-wide.
 *
 * @param firstClearQuarter     the first quarter with no backlog; empty: not within the horizon
 * @param peakBacklogGpus       the largest backlog in any quarter (0 when there is never one)
 * @param peakBacklogQuarter    the first quarter with that backlog; empty when there is never one
 * @param capexUsed             money spent on servers over the horizon
 * @param peakInventoryServers  the most servers on site and not in service at the end of a quarter
 * @param peakInventoryQuarter  the first quarter with that inventory; empty when there is never any
 * @param bindingQuarters       how many quarters each constraint bound fleet-wide (every constraint present)
 */
public record PlanSummary(Optional<Quarter> firstClearQuarter, long peakBacklogGpus,
                          Optional<Quarter> peakBacklogQuarter, Money capexUsed, long peakInventoryServers,
                          Optional<Quarter> peakInventoryQuarter, Map<BindingConstraint, Integer> bindingQuarters) {

    public PlanSummary {
        Require.present(firstClearQuarter, "firstClearQuarter");
        Require.present(peakBacklogQuarter, "peakBacklogQuarter");
        Require.present(capexUsed, "capexUsed");
        Require.present(peakInventoryQuarter, "peakInventoryQuarter");
        EnumMap<BindingConstraint, Integer> counts = new EnumMap<>(BindingConstraint.class);
        for (BindingConstraint c : BindingConstraint.values()) {
            counts.put(c, 0);
        }
        counts.putAll(Require.present(bindingQuarters, "bindingQuarters"));
        bindingQuarters = Collections.unmodifiableMap(counts);
    }

    /** Quarters in which {@code constraint} bound fleet-wide. */
    public int quartersBoundBy(BindingConstraint constraint) {
        return bindingQuarters.get(constraint);
    }
}
