package io.fleetplan.application.port.in.access;

import io.fleetplan.domain.shared.Actor;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Optional;

/**
 * Creates, lists and revokes API tokens; authenticates a presented secret. Secrets are random
 * (256 bits) and only their SHA-256 is stored.
 */
public interface ManageTokens {
    CreatedToken create(Actor actor, Command command);

    List<TokenView> tokens();

    TokenView revoke(Actor actor, String name);

    /** The active token the secret belongs to, if any. */
    Optional<Principal> authenticate(String secret);

    /**
     * With no token at all, creates an admin token named {@code admin}: with {@code secret} as its
     * secret when given, else a random one. Returns the created token (with its secret) or empty
     * when tokens already exist.
     */
    Optional<CreatedToken> bootstrapAdmin(Optional<String> secret);

    record Command(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", message = "must be letters, digits, dots, dashes and underscores") String name,
            @NotNull @Pattern(regexp = "^(VIEWER|OPERATOR|PLANNER|ADMIN|TENANT)$", message = "must be VIEWER, OPERATOR, PLANNER, ADMIN or TENANT") String role,
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a tenant id") String tenant) {
    }
}
