package io.fleetplan.application.port.in.capex;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Changes a commitment's total (e.g. scaling capex beyond the commitment) and optionally its end
 * quarter (null keeps it), with a reason. {@code expectedVersion} (nullable) guards against lost updates.
 */
public interface AmendCommitment {
    CommitmentView amend(Actor actor, Command command);

    record Command(@NotNull String commitmentId,
                   @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal newTotal,
                   @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String newEnd,
                   @NotBlank @Size(max = 1000) String reason,
                   Long expectedVersion) {
    }
}
