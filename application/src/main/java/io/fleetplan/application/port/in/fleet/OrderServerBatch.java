package io.fleetplan.application.port.in.fleet;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;


/** Buys N servers of one SKU for one data centre: they enter the pipeline as ORDERED. */
public interface OrderServerBatch {
    BatchView order(Actor actor, Command command);

    /** @param id the batch id; generated when empty */
    record Command(@Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String id,
                   @NotNull String sku,
                   @NotNull String dataCenter,
                   @Positive @Max(10_000_000) long quantity,
                   @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String expectedDelivery) {
    }
}
