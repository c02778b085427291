package io.fleetplan.domain.capex;

import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.time.Instant;
import java.util.Optional;

/** Capital actually paid out in a quarter, in one category, optionally for one server batch. */
public record Spend(long number, Quarter quarter, Money amount, SpendCategory category, Optional<BatchId> batch,
                    String note, Instant recordedAt) {
    public Spend {
        Require.positive(number, "number");
        Require.present(quarter, "quarter");
        Require.present(amount, "amount");
        Require.present(category, "category");
        batch = Require.present(batch, "batch");
        note = note == null ? "" : note;
        Require.present(recordedAt, "recordedAt");
        if (!amount.isPositive()) {
            throw new InvalidValueException("amount", "a spend must be a positive amount");
        }
    }
}
