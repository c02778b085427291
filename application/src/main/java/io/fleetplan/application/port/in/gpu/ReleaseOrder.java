package io.fleetplan.application.port.in.gpu;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotNull;

/** An allocated order is done with its GPUs: they go back to the pool and the backlog drains. */
public interface ReleaseOrder {
    OrderView release(Actor actor, Command command);

    record Command(@NotNull String orderId) {
    }
}
