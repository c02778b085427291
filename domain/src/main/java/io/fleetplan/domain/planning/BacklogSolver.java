package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.math.BigDecimal;
import java.util.function.LongFunction;

/**
 * Answers "what capex / throughput / power clears the backlog by quarter X": the least
 * relaxation of one constraint such that the fleet has no backlog from X to the end of the
 * horizon.
 *
 * <p>The projection is monotone in each relaxation (more of it never raises any quarter's
 * backlog; see the package documentation), so the answer is found by bisection over whole
 * units: minor units of money, thousandths of a multiplier, kilowatts. The upper end of each
 * search is where more of the constraint changes nothing (every wish to buy funded when made;
 * every lane's throughput or power share covering the most it ever needs); if that does not
 * clear the backlog, the answer is {@link SolverResult.NotClearable} with the constraint that
 * then binds. Around 40 projections at most.
 */
public final class BacklogSolver {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** The least capex added to the commitment from the start quarter. */
    public SolverResult leastExtraCapex(Baseline baseline, Scenario scenario, Quarter clearBy) {
        check(scenario, clearBy);
        Money zero = Money.zero(baseline.capital().commitment().currency());
        int digits = Math.max(0, zero.currency().getDefaultFractionDigits());
        Projection base = Projection.prepare(baseline, scenario);
        LongFunction<Relaxation> relax = minor -> new Relaxation.ExtraCapex(
                new Money(BigDecimal.valueOf(minor, digits), zero.currency()));
        return search(base, baseline, scenario, clearBy, relax, base.outcome().capexUpperBoundMinor());
    }

    /**
     * The least multiplier of every data centre's throughput, to a thousandth; below one when the
     * scenario clears with less.
     */
    public SolverResult leastThroughputMultiplier(Baseline baseline, Scenario scenario, Quarter clearBy) {
        check(scenario, clearBy);
        Projection base = Projection.prepare(baseline, scenario);
        long upper = base.outcome().throughputUpperBound().multiply(THOUSAND).longValueExact();
        LongFunction<Relaxation> relax = thousandths -> new Relaxation.ThroughputMultiplier(
                BigDecimal.valueOf(thousandths, 3));
        return search(base, baseline, scenario, clearBy, relax, upper);
    }

    /** The least power added to every data centre from the start quarter, in whole kilowatts. */
    public SolverResult leastExtraPower(Baseline baseline, Scenario scenario, Quarter clearBy) {
        check(scenario, clearBy);
        Projection base = Projection.prepare(baseline, scenario);
        LongFunction<Relaxation> relax = kilowatts -> new Relaxation.ExtraPower(Power.ofKilowatts(kilowatts));
        return search(base, baseline, scenario, clearBy, relax, base.outcome().powerUpperBoundKilowatts());
    }

    private static void check(Scenario scenario, Quarter clearBy) {
        Require.present(scenario, "scenario");
        Require.present(clearBy, "clearBy");
        if (clearBy.isBefore(scenario.start()) || clearBy.isAfter(scenario.end())) {
            throw new InvalidValueException("clearBy", "quarter " + clearBy + " is outside the horizon "
                    + scenario.start() + ".." + scenario.end());
        }
    }

    private SolverResult search(Projection base, Baseline baseline, Scenario scenario, Quarter clearBy,
                                LongFunction<Relaxation> relax, long highest) {
        int from = scenario.start().quartersUntil(clearBy);
        Relaxation most = relax.apply(highest);
        Scenario mostScenario = most.applyTo(scenario, baseline);
        if (!base.clearsFrom(mostScenario, from)) {
            CapacityPlan mostPlan = Projection.run(baseline, mostScenario).plan();
            Quarter at = clearBy;
            while (mostPlan.at(at).total().backlogGpus() == 0) {
                at = at.next();
            }
            return new SolverResult.NotClearable(clearBy, most, mostPlan.at(at).total().binding(), at, mostPlan);
        }
        // invariant: relax(high) clears; relax(low) does not, or low is below the range
        long low = -1;
        long high = highest;
        Scenario highScenario = mostScenario;
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            Scenario candidate = relax.apply(mid).applyTo(scenario, baseline);
            if (base.clearsFrom(candidate, from)) {
                high = mid;
                highScenario = candidate;
            } else {
                low = mid;
            }
        }
        return new SolverResult.Cleared(clearBy, relax.apply(high), highScenario,
                Projection.run(baseline, highScenario).plan());
    }
}
