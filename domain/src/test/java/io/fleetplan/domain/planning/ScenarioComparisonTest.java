package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.Fixture.baseline;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.q;
import static io.fleetplan.domain.planning.Fixture.scenario;
import static io.fleetplan.domain.planning.Fixture.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetplan.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioComparisonTest {
    private final CapacityPlanner planner = new CapacityPlanner();
    // 13 servers racked a quarter against a need of 50
    private final Baseline baseline = baseline(site(10_000, 0, 1, h20(0, 100)), 0, 400, 0);

    @Test
    void linesScenariosUpAgainstThePlanOfRecord() {
        CapacityPlan record = planner.project(baseline, Scenario.builder("plan of record", Fixture.START, 4).build());
        CapacityPlan doubled = planner.project(baseline, Scenario.builder("double crews", Fixture.START, 4)
                .throughput(Scenario.ThroughputChange.multiply(Fixture.SITE, Fixture.START, BigDecimal.valueOf(2)))
                .build());

        ScenarioComparison comparison = ScenarioComparison.of(record, List.of(doubled));

        assertThat(comparison.planOfRecord()).isEqualTo("plan of record");
        assertThat(comparison.quarters()).containsExactly(q(0), q(1), q(2), q(3));
        assertThat(comparison.rows()).extracting(ScenarioComparison.Row::scenario)
                .containsExactly("plan of record", "double crews");
        ScenarioComparison.Row own = comparison.rows().get(0);
        assertThat(own.backlogDelta()).containsExactly(0L, 0L, 0L, 0L);
        assertThat(own.firstClearQuarter()).contains(q(3));
        ScenarioComparison.Row faster = comparison.rows().get(1);
        // record: 296, 192, 88, 0; doubled (26 a quarter): 192, 0, 0, 0
        assertThat(faster.backlogDelta()).containsExactly(-104L, -192L, -88L, 0L);
        assertThat(faster.firstClearQuarter()).contains(q(1));
        assertThat(faster.peakBacklogGpus()).isEqualTo(192);
        assertThat(faster.bindingQuarters()).containsEntry(BindingConstraint.DEPLOYMENT, 1)
                .containsEntry(BindingConstraint.NONE, 3);
    }

    @Test
    void refusesPlansOverOtherQuarters() {
        CapacityPlan record = planner.project(baseline, scenario(4).build());
        CapacityPlan shorter = planner.project(baseline, scenario(3).build());

        assertThatThrownBy(() -> ScenarioComparison.of(record, List.of(shorter)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("plans"));
    }
}
