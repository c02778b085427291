package io.fleetplan.application.service.planning;

import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.domain.planning.Baseline;
import io.fleetplan.domain.planning.GrowthPreset;
import io.fleetplan.domain.planning.Scenario;
import io.fleetplan.domain.planning.YoyGrowth;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Quarter;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * A scenario definition, as planners write it, turned into the model's scenario: from the
 * baseline's quarter, or from the definition's start quarter when it gives one.
 */
final class Scenarios {
    private Scenarios() {
    }

    static Scenario toScenario(ScenarioDefinition d, Baseline baseline) {
        Currency currency = baseline.capital().commitment().currency();
        YoyGrowth common = growth(d);
        Scenario.Builder b = Scenario.builder(d.name(), start(d, baseline), d.horizonQuarters()).growth(common)
                .leadTime(d.leadTimeQuarters())
                .usefulLife(d.usefulLifeYears() == null ? Scenario.DEFAULT_USEFUL_LIFE_YEARS : d.usefulLifeYears());
        for (ScenarioDefinition.PoolDemandDefinition p : d.pools()) {
            b.pool(new Scenario.PoolDemand(PoolId.of(p.region(), p.acceleratorType()),
                    path(p.internalSeries(), p.internalGrowthYoy(), common),
                    path(p.externalSeries(), p.externalGrowthYoy(), common)));
        }
        for (ScenarioDefinition.CapexChangeDefinition c : d.capexChanges()) {
            Money amount = new Money(c.amount(), currency);
            Quarter q = Quarter.parse(c.quarter());
            b.capex("NEW_TOTAL".equals(c.kind()) ? Scenario.CapexChange.newTotal(q, amount)
                    : Scenario.CapexChange.addition(q, amount));
        }
        for (ScenarioDefinition.ThroughputChangeDefinition t : d.throughputChanges()) {
            DataCenterId dc = DataCenterId.of(t.dataCenter());
            Quarter q = Quarter.parse(t.quarter());
            b.throughput("MULTIPLY".equals(t.kind()) ? Scenario.ThroughputChange.multiply(dc, q, t.value())
                    : Scenario.ThroughputChange.set(dc, q, wholeServers(t.value())));
        }
        for (ScenarioDefinition.PowerAdditionDefinition p : d.powerAdditions()) {
            b.power(Scenario.PowerAddition.ofMegawatts(DataCenterId.of(p.dataCenter()), Quarter.parse(p.quarter()),
                    p.megawatts()));
        }
        return b.build();
    }

    /** The definition's start quarter, or the baseline's; never before the baseline's: a plan cannot start in the past. */
    static Quarter start(ScenarioDefinition d, Baseline baseline) {
        if (d.startQuarter() == null) {
            return baseline.start();
        }
        Quarter start = Quarter.parse(d.startQuarter());
        if (start.isBefore(baseline.start())) {
            throw new InvalidValueException("startQuarter", "scenario '" + d.name() + "' starts in " + start
                    + ", before the current quarter " + baseline.start() + ": a plan cannot start in the past");
        }
        return start;
    }

    private static long wholeServers(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException("throughputChanges", "a SET throughput is whole servers a week, not "
                    + value.toPlainString());
        }
    }

    private static YoyGrowth growth(ScenarioDefinition d) {
        if (d.growthPreset() != null) {
            return GrowthPreset.shipped().stream().filter(p -> p.provider().equalsIgnoreCase(d.growthPreset().trim()))
                    .findFirst().orElseThrow(() -> new InvalidValueException("growthPreset", "no growth preset named '"
                            + d.growthPreset() + "'; known: " + GrowthPreset.shipped().stream()
                            .map(GrowthPreset::provider).toList())).growth();
        }
        return d.growthYoy() == null ? YoyGrowth.NONE : new YoyGrowth(d.growthYoy());
    }

    private static Scenario.DemandPath path(List<Long> series, BigDecimal yoy, YoyGrowth common) {
        if (series != null) {
            return new Scenario.DemandPath.Series(series);
        }
        return new Scenario.DemandPath.Growth(yoy == null ? common : new YoyGrowth(yoy));
    }
}
