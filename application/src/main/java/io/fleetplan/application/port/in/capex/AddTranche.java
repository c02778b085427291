package io.fleetplan.application.port.in.capex;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/**
 * Plans money for a quarter of a commitment, optionally for one region (null for any).
 * {@code expectedVersion} (nullable) guards against lost updates.
 */
public interface AddTranche {
    CommitmentView addTranche(Actor actor, Command command);

    record Command(@NotNull String commitmentId,
                   @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String quarter,
                   @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
                   @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
                   Long expectedVersion) {

        /** A tranche added whatever the commitment's version. */
        public Command(String commitmentId, String quarter, BigDecimal amount, String region) {
            this(commitmentId, quarter, amount, region, null);
        }
    }
}
