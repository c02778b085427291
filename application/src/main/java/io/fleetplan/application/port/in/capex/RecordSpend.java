package io.fleetplan.application.port.in.capex;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Records capital paid out; refused when it would take spend above the commitment's total.
 * {@code expectedVersion} (nullable) guards against lost updates.
 */
public interface RecordSpend {
    CommitmentView recordSpend(Actor actor, Command command);

    record Command(@NotNull String commitmentId,
                   @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String quarter,
                   @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
                   @NotNull @Pattern(regexp = "^(SERVERS|DATA_CENTER|NETWORK|OTHER)$", message = "must be SERVERS, DATA_CENTER, NETWORK or OTHER") String category,
                   String batch,
                   @Size(max = 1000) String note,
                   Long expectedVersion) {

        /** Spend recorded whatever the commitment's version. */
        public Command(String commitmentId, String quarter, BigDecimal amount, String category, String batch,
                       String note) {
            this(commitmentId, quarter, amount, category, batch, note, null);
        }
    }
}
