package io.fleetplan.application.port.in.fleet;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Registers an accelerator type; a GPU pool is opened for it in every region. */
public interface RegisterAcceleratorType {
    AcceleratorTypeView register(Actor actor, Command command);

    record Command(
            @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "must be an upper-case token such as H20") String id,
            @NotBlank @Size(max = 100) String vendor,
            @Positive int memoryGib) {
    }
}
