package io.fleetplan.application.port.in.fleet;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Registers a server model. */
public interface RegisterServerSku {
    ServerSkuView register(Actor actor, Command command);

    record Command(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", message = "must be letters, digits, dots, dashes and underscores") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull String acceleratorType,
            @Positive int acceleratorsPerServer,
            @NotNull @Positive @Digits(integer = 6, fraction = 3) BigDecimal powerPerServerKw,
            @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal unitCost,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency) {
    }
}
