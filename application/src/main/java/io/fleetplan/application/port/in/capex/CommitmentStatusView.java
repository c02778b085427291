package io.fleetplan.application.port.in.capex;

import io.fleetplan.domain.shared.Money;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a commitment stands as of a quarter (the last one counted as elapsed).
 *
 * @param percentDeployed       spent / total in percent, one decimal
 * @param trailingFourQuarters  spend in the four quarters ending with asOf: the current burn
 * @param requiredAnnualRunRate spend a year needed from the next quarter to finish by the end quarter
 * @param exhaustionQuarter     when the remainder runs out at the current burn; null if nothing was spent lately
 * @param exhaustedAfterEnd     the current burn will not spend the commitment by its end quarter
 */
public record CommitmentStatusView(String id, String asOf, Money total, Money spent, Money remaining,
                                   BigDecimal percentDeployed, Money trailingFourQuarters,
                                   Money requiredAnnualRunRate, String exhaustionQuarter, boolean exhaustedAfterEnd,
                                   Money planned, Map<String, Money> spendByQuarter,
                                   Map<String, Money> spendByCategory, Map<String, Money> plannedByQuarter,
                                   int amendments) {
    public CommitmentStatusView {
        spendByQuarter = Collections.unmodifiableMap(new LinkedHashMap<>(spendByQuarter));
        spendByCategory = Collections.unmodifiableMap(new LinkedHashMap<>(spendByCategory));
        plannedByQuarter = Collections.unmodifiableMap(new LinkedHashMap<>(plannedByQuarter));
    }
}
