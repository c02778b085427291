package io.fleetplan.application.port.in.gpu;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sets how a pool queues (STRICT_FIFO or BEST_EFFORT_FIFO) and whether higher tiers may preempt. */
public interface SetPoolPolicy {
    PoolView setPolicy(Actor actor, Command command);

    record Command(@NotNull @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
                   @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an upper-case token such as H20") String acceleratorType,
                   @NotNull @Pattern(regexp = "^(STRICT_FIFO|BEST_EFFORT_FIFO)$", message = "must be STRICT_FIFO or BEST_EFFORT_FIFO") String queueing,
                   boolean preemption,
                   Long expectedVersion,
                   @Size(max = 1000) String reason) {
    }
}
