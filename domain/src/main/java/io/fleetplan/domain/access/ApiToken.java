package io.fleetplan.domain.access;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bearer token for the API. Only a hash of its secret is kept; the secret is shown once, when
 * the token is created. A tenant token is bound to exactly one tenant.
 */
public final class ApiToken extends AggregateRoot {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    private final String name;
    private final Role role;
    private final TenantId tenant;
    private final String secretHash;
    private final Instant createdAt;
    private Instant revokedAt;

    private ApiToken(String name, Role role, TenantId tenant, String secretHash, Instant createdAt, Instant revokedAt,
                     long version) {
        super(version);
        this.name = Require.matches(name, NAME, "name", "a token name of letters, digits, dots, dashes and underscores");
        this.role = Require.present(role, "role");
        if ((role == Role.TENANT) != (tenant != null)) {
            throw new InvalidValueException("tenant", "a tenant token needs a tenant, and only a tenant token has one");
        }
        this.tenant = tenant;
        this.secretHash = Require.matches(secretHash, HASH, "secretHash", "a SHA-256 hex digest");
        this.createdAt = Require.present(createdAt, "createdAt");
        this.revokedAt = revokedAt;
    }

    public static ApiToken create(String name, Role role, TenantId tenant, String secretHash, Instant at) {
        ApiToken token = new ApiToken(name, role, tenant, secretHash, at, null, 0);
        token.record(DomainEvent.of(EventType.TOKEN_CREATED, name, "", "role", role, "tenant",
                tenant == null ? "" : tenant.value()));
        return token;
    }

    public static ApiToken reconstitute(String name, Role role, TenantId tenant, String secretHash, Instant createdAt,
                                        Instant revokedAt, long version) {
        return new ApiToken(name, role, tenant, secretHash, createdAt, revokedAt, version);
    }

    public void revoke(Instant at) {
        Require.present(at, "revokedAt");
        if (revokedAt != null) {
            throw new RuleViolationException("token-revoked", "token " + name + " is already revoked");
        }
        revokedAt = at;
        record(DomainEvent.of(EventType.TOKEN_REVOKED, name, ""));
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
