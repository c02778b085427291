package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Require;

import java.math.BigDecimal;

/**
 * One constraint loosened by an amount, written into a scenario as ordinary changes from its
 * start quarter, so that a solver's answer can be re-projected, saved and compared like any
 * other scenario.
 */
public sealed interface Relaxation permits Relaxation.ExtraCapex, Relaxation.ThroughputMultiplier,
        Relaxation.ExtraPower {

    /** The scenario with this relaxation added; the baseline names the data centres. */
    Scenario applyTo(Scenario scenario, Baseline baseline);

    /** The constraint this relaxation loosens. */
    BindingConstraint constraint();

    /** The commitment grows by {@code amount} from the start quarter (an {@code ADDITION}). */
    record ExtraCapex(Money amount) implements Relaxation {
        public ExtraCapex {
            Require.present(amount, "amount");
            if (amount.signum() < 0) {
                throw new InvalidValueException("amount", "extra capex must not be negative");
            }
        }

        @Override
        public Scenario applyTo(Scenario scenario, Baseline baseline) {
            return scenario.toBuilder().capex(Scenario.CapexChange.addition(scenario.start(), amount)).build();
        }

        @Override
        public BindingConstraint constraint() {
            return BindingConstraint.CAPITAL;
        }
    }

    /**
     * Every data centre's throughput is multiplied by {@code factor} from the start quarter (a
     * {@code MULTIPLY} change; a later absolute change replaces it, as any multiplier).
     */
    record ThroughputMultiplier(BigDecimal factor) implements Relaxation {
        public ThroughputMultiplier {
            Require.present(factor, "factor");
            if (factor.signum() < 0) {
                throw new InvalidValueException("factor", "a throughput multiplier must not be negative");
            }
            factor = factor.stripTrailingZeros();
        }

        @Override
        public Scenario applyTo(Scenario scenario, Baseline baseline) {
            Scenario.Builder builder = scenario.toBuilder();
            for (Baseline.Site site : baseline.dataCenters()) {
                builder.throughput(Scenario.ThroughputChange.multiply(site.id(), scenario.start(), factor));
            }
            return builder.build();
        }

        @Override
        public BindingConstraint constraint() {
            return BindingConstraint.DEPLOYMENT;
        }
    }

    /** Every data centre gets {@code perDataCenter} more power from the start quarter. */
    record ExtraPower(Power perDataCenter) implements Relaxation {
        public ExtraPower {
            Require.present(perDataCenter, "perDataCenter");
        }

        @Override
        public Scenario applyTo(Scenario scenario, Baseline baseline) {
            if (perDataCenter.isZero()) {
                return scenario;
            }
            Scenario.Builder builder = scenario.toBuilder();
            for (Baseline.Site site : baseline.dataCenters()) {
                builder.power(new Scenario.PowerAddition(site.id(), scenario.start(), perDataCenter));
            }
            return builder.build();
        }

        @Override
        public BindingConstraint constraint() {
            return BindingConstraint.POWER;
        }
    }
}
