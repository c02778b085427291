package io.fleetplan.application.port.in.gpu;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Withdraws a pending order or gives back an allocated one; the backlog then drains. */
public interface CancelOrder {
    OrderView cancel(Actor actor, Command command);

    record Command(@NotNull String orderId, @Size(max = 1000) String reason) {
    }
}
