package io.fleetplan.domain.access;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenRevocationTest {

    @Test
    void aRevocationNeedsATime() {
        ApiToken token = ApiToken.create("ops", Role.OPERATOR, null,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Instant.parse("2026-01-05T09:00:00Z"));
        token.pullEvents();

        assertThatThrownBy(() -> token.revoke(null)).isInstanceOf(io.fleetplan.domain.shared.InvalidValueException.class);
        assertThat(token.pullEvents()).isEmpty();
    }
}
