package io.fleetplan.application.port.in.gpu;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Holds GPUs of a pool for one tier; lower tiers may not take them. The sum of reservations may
 * not exceed capacity when set. {@code expectedVersion} (nullable) guards against lost updates.
 */
public interface SetReservation {
    PoolView reserve(Actor actor, Command command);

    record Command(@NotNull @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
                   @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an upper-case token such as H20") String acceleratorType,
                   @NotNull @Pattern(regexp = "^(INTERNAL_TRAINING|MODEL_PLATFORM|EXTERNAL_LEASE)$", message = "must be INTERNAL_TRAINING, MODEL_PLATFORM or EXTERNAL_LEASE") String tier,
                   @PositiveOrZero long gpus,
                   Long expectedVersion,
                   @Size(max = 1000) String reason) {
    }
}
