package io.fleetplan.application.port.in.region;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Changes a data centre's power capacity and deployment throughput (new power lines, more crews).
 * With {@code expectedVersion}, refused as stale if the data centre changed since it was read.
 */
public interface ChangeDataCenter {
    DataCenterView change(Actor actor, Command command);

    record Command(@NotNull String id,
                   @NotNull @Positive @Digits(integer = 12, fraction = 3) BigDecimal powerCapacityKw,
                   @PositiveOrZero long throughputPerWeek,
                   Long expectedVersion,
                   @Size(max = 1000) String reason) {
    }
}
