package io.fleetplan.application.port.in.capex;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Opens a capital programme: a total over a span of quarters, such as 52 billion USD from 2025Q2 to 2028Q1. */
public interface CreateCommitment {
    CommitmentView create(Actor actor, Command command);

    record Command(@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$", message = "must be lower-case letters, digits and dashes") String id,
                   @NotBlank @Size(max = 200) String name,
                   @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal total,
                   @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
                   @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String start,
                   @NotNull @Pattern(regexp = "^\\d{4}Q[1-4]$", message = "must be a quarter such as 2026Q3") String end) {
    }
}
