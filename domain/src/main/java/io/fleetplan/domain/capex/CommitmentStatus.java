package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a commitment stands as of a quarter (the last quarter counted as elapsed).
 *
 * @param percentDeployed       spent / total, in percent with one decimal
 * @param trailingFourQuarters  spend in the four quarters ending with {@code asOf}
 * @param requiredAnnualRunRate what must be spent a year, from the quarter after {@code asOf} to the end
 *                              quarter, to spend the rest by then; the whole remainder when no quarter is left
 * @param exhaustion            the quarter in which the remainder runs out at the trailing burn (a
 *                              quarter's burn being a quarter of the trailing four quarters); empty
 *                              when nothing was spent in them
 * @param planned               the sum of the tranches
 */
public record CommitmentStatus(Quarter asOf, Money total, Money spent, Money remaining, BigDecimal percentDeployed,
                               Money trailingFourQuarters, Money requiredAnnualRunRate, Optional<Quarter> exhaustion,
                               boolean exhaustedAfterEnd, Money planned, Map<Quarter, Money> spendByQuarter,
                               Map<SpendCategory, Money> spendByCategory, Map<Quarter, Money> plannedByQuarter,
                               List<Amendment> amendments) {
    public CommitmentStatus {
        spendByQuarter = Map.copyOf(spendByQuarter);
        spendByCategory = Map.copyOf(spendByCategory);
        plannedByQuarter = Map.copyOf(plannedByQuarter);
        amendments = List.copyOf(amendments);
    }
}
