package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.time.Instant;

/** A change to a commitment's total or end quarter, kept with its reason: "scale capex beyond the commitment". */
public record Amendment(Money previousTotal, Money newTotal, Quarter previousEnd, Quarter newEnd, String reason,
                        Instant at) {
    public Amendment {
        Require.present(previousTotal, "previousTotal");
        Require.present(newTotal, "newTotal");
        Require.present(previousEnd, "previousEnd");
        Require.present(newEnd, "newEnd");
        Require.text(reason, "reason", 1000);
        Require.present(at, "at");
    }
}
