package io.fleetplan.application.port.in.region;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Registers a data centre in a region with its power capacity (IT load, kW) and deployment throughput. */
public interface RegisterDataCenter {
    DataCenterView register(Actor actor, Command command);

    record Command(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be lower-case letters, digits and dashes") String id,
            @NotNull @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String region,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive @Digits(integer = 12, fraction = 3) BigDecimal powerCapacityKw,
            @PositiveOrZero long throughputPerWeek) {
    }
}
