package io.fleetplan.application.service.access;

import io.fleetplan.application.port.in.access.CreatedToken;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.access.Principal;
import io.fleetplan.application.port.in.access.TokenView;
import io.fleetplan.application.port.out.ApiTokens;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.access.ApiToken;
import io.fleetplan.domain.access.Role;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** API tokens: random secrets, stored as SHA-256 hashes. */
public final class AccessService implements ManageTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UseCases useCases;
    private final ApiTokens tokens;

    public AccessService(UseCases useCases) {
        this.useCases = useCases;
        this.tokens = useCases.stores().tokens();
    }

    @Override
    public CreatedToken create(Actor actor, Command command) {
        return useCases.change(actor, command, now -> {
            Role role = Role.valueOf(command.role());
            TenantId tenant = command.tenant() == null ? null : TenantId.of(command.tenant());
            if (tokens.find(command.name()).isPresent()) {
                throw ConflictException.alreadyExists("token", command.name());
            }
            String secret = newSecret();
            ApiToken token = ApiToken.create(command.name(), role, tenant, hash(secret), now);
            tokens.add(token);
            useCases.record(actor, now, token);
            return new CreatedToken(view(token), secret);
        });
    }

    @Override
    public List<TokenView> tokens() {
        return useCases.read(null, () -> tokens.all().stream().map(AccessService::view).toList());
    }

    @Override
    public TokenView revoke(Actor actor, String name) {
        return useCases.change(actor, name, now -> {
            ApiToken token = tokens.find(name).orElseThrow(() -> new NotFoundException("token", name));
            token.revoke(now);
            tokens.update(token);
            useCases.record(actor, now, token);
            return view(token);
        });
    }

    @Override
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 512) {
            return Optional.empty();
        }
        return useCases.read(null, () -> tokens.findBySecretHash(hash(secret)).filter(ApiToken::isActive)
                .map(t -> new Principal(t.name(), t.role(), t.tenant().map(TenantId::value))));
    }

    @Override
    public Optional<CreatedToken> bootstrapAdmin(Optional<String> secret) {
        secret.ifPresent(s -> {
            if (s.length() < 16 || s.length() > 512 || s.isBlank()) {
                throw new InvalidValueException("bootstrapToken", "a bootstrap admin token must be 16 to 512 characters");
            }
        });
        return useCases.change(Actor.SYSTEM, "bootstrap", now -> {
            if (!tokens.all().isEmpty()) {
                return Optional.<CreatedToken>empty();
            }
            String value = secret.orElseGet(AccessService::newSecret);
            ApiToken token = ApiToken.create("admin", Role.ADMIN, null, hash(value), now);
            tokens.add(token);
            useCases.record(Actor.SYSTEM, now, token);
            return Optional.of(new CreatedToken(view(token), value));
        });
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "fp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the secret, hex: secrets are random, so a fast hash is enough and a lookup by hash is exact. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.name(), t.role().name(), t.tenant().map(TenantId::value).orElse(null), t.createdAt(),
                t.revokedAt().orElse(null));
    }
}
