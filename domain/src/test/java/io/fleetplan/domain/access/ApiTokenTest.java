package io.fleetplan.domain.access;

import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ApiTokenTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void bindsATenantTokenToItsTenant() {
        ApiToken token = ApiToken.create("acme-ci", Role.TENANT, ACME, HASH, AT);

        assertThat(token.tenant()).contains(ACME);
        assertThat(token.role()).isEqualTo(Role.TENANT);
        assertThat(token.isActive()).isTrue();
        assertThat(token.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.TOKEN_CREATED);
            assertThat(e.subject()).isEqualTo("acme-ci");
            assertThat(e.details()).containsExactly(entry("role", "TENANT"), entry("tenant", "acme"));
        });
    }

    @Test
    void refusesATenantTokenWithoutATenant() {
        assertInvalidValue(() -> ApiToken.create("acme-ci", Role.TENANT, null, HASH, AT), "tenant");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "TENANT", mode = EnumSource.Mode.EXCLUDE)
    void refusesATenantOnAnyOtherRole(Role role) {
        assertInvalidValue(() -> ApiToken.create("ops", role, ACME, HASH, AT), "tenant");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "TENANT", mode = EnumSource.Mode.EXCLUDE)
    void givesOtherRolesNoTenant(Role role) {
        ApiToken token = ApiToken.create("ops", role, null, HASH, AT);

        assertThat(token.tenant()).isEmpty();
        assertThat(token.pullEvents()).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("tenant", ""));
    }

    @Test
    void keepsOnlyTheHashOfTheSecret() {
        ApiToken token = ApiToken.create("admin", Role.ADMIN, null, HASH, AT);

        assertThat(token.secretHash()).isEqualTo(HASH);
        assertThat(token.createdAt()).isEqualTo(AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08a"})
    void refusesAnythingButASha256HexDigest(String hash) {
        assertInvalidValue(() -> ApiToken.create("admin", Role.ADMIN, null, hash, AT), "secretHash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-ops", "ops team", "ops/1"})
    void refusesMalformedNames(String name) {
        assertInvalidValue(() -> ApiToken.create(name, Role.VIEWER, null, HASH, AT), "name");
    }

    @Test
    void refusesATokenWithoutARole() {
        assertInvalidValue(() -> ApiToken.create("ops", null, null, HASH, AT), "role");
    }

    @Test
    void revokingDeactivatesTheTokenAndRecordsIt() {
        ApiToken token = ApiToken.create("acme-ci", Role.TENANT, ACME, HASH, AT);
        token.pullEvents();

        token.revoke(AT.plusSeconds(60));

        assertThat(token.isActive()).isFalse();
        assertThat(token.revokedAt()).contains(AT.plusSeconds(60));
        assertThat(token.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.TOKEN_REVOKED);
            assertThat(e.subject()).isEqualTo("acme-ci");
        });
    }

    @Test
    void refusesToRevokeATokenTwiceAndKeepsTheFirstRevocation() {
        ApiToken token = ApiToken.create("ops", Role.OPERATOR, null, HASH, AT);
        token.revoke(AT.plusSeconds(60));
        token.pullEvents();

        assertRuleViolation(() -> token.revoke(AT.plusSeconds(120)), "token-revoked");

        assertThat(token.revokedAt()).contains(AT.plusSeconds(60));
        assertThat(token.pullEvents()).isEmpty();
    }

    @Test
    void aStoredRevokedTokenStaysRevoked() {
        ApiToken token = ApiToken.reconstitute("ops", Role.OPERATOR, null, HASH, AT, AT.plusSeconds(60), 4);

        assertThat(token.isActive()).isFalse();
        assertThat(token.version()).isEqualTo(4);
        assertRuleViolation(() -> token.revoke(AT.plusSeconds(120)), "token-revoked");
    }

    @Test
    void aStoredTenantTokenMustStillNameItsTenant() {
        assertInvalidValue(() -> ApiToken.reconstitute("acme-ci", Role.TENANT, null, HASH, AT, null, 1), "tenant");
    }
}
