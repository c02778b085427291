package io.fleetplan.application.port.in.region;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registers a cloud region; a GPU pool is opened for it with every known accelerator type. */
public interface RegisterRegion {
    RegionView register(Actor actor, Command command);

    record Command(
            @NotNull @Pattern(regexp = "^[a-z]{2}(-[a-z0-9]+)+$", message = "must look like cn-hangzhou") String id,
            @NotBlank @Size(max = 200) String name) {
    }
}
