package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.Require;

import java.util.Optional;

/** Money planned for one quarter of a commitment, optionally for one region. */
public record Tranche(Quarter quarter, Money amount, Optional<RegionId> region) {
    public Tranche {
        Require.present(quarter, "quarter");
        Require.present(amount, "amount");
        region = Require.present(region, "region");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "a tranche must be a positive amount");
        }
    }
}
