package io.fleetplan.application.port.in.gpu;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Asks for N GPUs of a pool for a tenant, in a tier: enqueued, then admitted if the rules allow
 * (all or nothing), else left in the backlog. With an idempotency key, a repeated submission
 * returns the first order ({@code replayed}) and changes nothing; the same key with a different
 * request is refused.
 */
public interface SubmitOrder {
    OrderView submit(Actor actor, Command command);

    record Command(@NotNull @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
                   @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an upper-case token such as H20") String acceleratorType,
                   @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be lower-case letters, digits, dots, dashes and underscores") String tenant,
                   @NotNull @Pattern(regexp = "^(INTERNAL_TRAINING|MODEL_PLATFORM|EXTERNAL_LEASE)$", message = "must be INTERNAL_TRAINING, MODEL_PLATFORM or EXTERNAL_LEASE") String tier,
                   @Positive @Max(1_000_000_000) long gpus,
                   @Size(min = 1, max = 200) String idempotencyKey) {
    }
}
