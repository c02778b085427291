package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans side by side against the plan of record: the plan of record's row first, then the others
 * in the order given. All plans must cover the same quarters.
 *
 * @param planOfRecord the name of the plan the others are measured against
 * @param quarters     the quarters every plan covers
 * @param rows         one row per plan
 */
public record ScenarioComparison(String planOfRecord, List<Quarter> quarters, List<Row> rows) {

    public ScenarioComparison {
        Require.text(planOfRecord, "planOfRecord", 200);
        quarters = List.copyOf(Require.present(quarters, "quarters"));
        rows = List.copyOf(Require.present(rows, "rows"));
    }

    /**
     * One plan's outcome.
     *
     * @param scenario          the scenario's name
     * @param firstClearQuarter the first quarter with no backlog; empty: not within the horizon
     * @param peakBacklogGpus   the largest backlog
     * @param capexUsed         money spent on servers over the horizon
     * @param bindingQuarters   quarters each constraint bound fleet-wide
     * @param backlogDelta      per quarter, this plan's backlog less the plan of record's (negative: better)
     */
    public record Row(String scenario, Optional<Quarter> firstClearQuarter, long peakBacklogGpus, Money capexUsed,
                      Map<BindingConstraint, Integer> bindingQuarters, List<Long> backlogDelta) {
        public Row {
            Require.present(scenario, "scenario");
            Require.present(firstClearQuarter, "firstClearQuarter");
            Require.present(capexUsed, "capexUsed");
            bindingQuarters = Collections.unmodifiableMap(new EnumMap<>(Require.present(bindingQuarters,
                    "bindingQuarters")));
            backlogDelta = List.copyOf(Require.present(backlogDelta, "backlogDelta"));
        }
    }

    /** Compares {@code others} with {@code planOfRecord}. */
    public static ScenarioComparison of(CapacityPlan planOfRecord, List<CapacityPlan> others) {
        Require.present(planOfRecord, "planOfRecord");
        Require.present(others, "plans");
        List<Quarter> quarters = planOfRecord.quarters().stream().map(QuarterPlan::quarter).toList();
        List<Long> reference = planOfRecord.backlogByQuarter();
        List<Row> rows = new ArrayList<>();
        rows.add(row(planOfRecord, reference));
        for (CapacityPlan plan : others) {
            Require.present(plan, "plans");
            List<Quarter> theirs = plan.quarters().stream().map(QuarterPlan::quarter).toList();
            if (!theirs.equals(quarters)) {
                throw new InvalidValueException("plans", "plan '" + plan.scenario() + "' covers " + plan.start() + ".."
                        + plan.end() + ", the plan of record " + planOfRecord.start() + ".." + planOfRecord.end());
            }
            rows.add(row(plan, reference));
        }
        return new ScenarioComparison(planOfRecord.scenario(), quarters, rows);
    }

    private static Row row(CapacityPlan plan, List<Long> reference) {
        List<Long> backlog = plan.backlogByQuarter();
        List<Long> delta = new ArrayList<>(backlog.size());
        for (int i = 0; i < backlog.size(); i++) {
            delta.add(backlog.get(i) - reference.get(i));
        }
        PlanSummary summary = plan.summary();
        return new Row(plan.scenario(), summary.firstClearQuarter(), summary.peakBacklogGpus(), summary.capexUsed(),
                summary.bindingQuarters(), delta);
    }
}
