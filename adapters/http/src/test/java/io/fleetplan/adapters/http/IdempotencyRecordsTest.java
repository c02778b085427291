package io.fleetplan.adapters.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process Idempotency-Key records: replay, refusal of a reused key, expiry and the bound. */
class IdempotencyRecordsTest {
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger effects = new AtomicInteger();

    private Rendered effect() {
        int n = effects.incrementAndGet();
        return new Rendered(201, "application/json", ("{\"n\":" + n + "}").getBytes(), Map.of());
    }

    @Test
    void replaysTheFirstSuccessWithoutASecondEffect() throws Exception {
        Idempotency records = new Idempotency(10, Duration.ofHours(1), clock);
        Idempotency.Key key = new Idempotency.Key("operator", "k");
        Rendered first = records.run(key, "f1", this::effect);
        Rendered again = records.run(key, "f1", this::effect);
        assertThat(effects).hasValue(1);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers()).containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void refusesTheKeyForAnotherRequest() throws Exception {
        Idempotency records = new Idempotency(10, Duration.ofHours(1), clock);
        Idempotency.Key key = new Idempotency.Key("operator", "k");
        records.run(key, "f1", this::effect);
        assertThatThrownBy(() -> records.run(key, "f2", this::effect)).isInstanceOf(HttpProblem.class)
                .extracting(e -> ((HttpProblem) e).status()).isEqualTo(422);
        assertThat(effects).hasValue(1);
    }

    @Test
    void forgetsFailuresSoACorrectedRequestMayUseTheKey() throws Exception {
        Idempotency records = new Idempotency(10, Duration.ofHours(1), clock);
        Idempotency.Key key = new Idempotency.Key("operator", "k");
        assertThatThrownBy(() -> records.run(key, "bad", () -> {
            throw new HttpProblem(400, "invalid-request", "no");
        })).isInstanceOf(HttpProblem.class);
        records.run(key, "good", this::effect);
        assertThat(effects).hasValue(1);
    }

    @Test
    void forgetsRecordsAfterTheirTimeToLive() throws Exception {
        Idempotency records = new Idempotency(10, Duration.ofHours(1), clock);
        Idempotency.Key key = new Idempotency.Key("operator", "k");
        records.run(key, "f1", this::effect);
        clock.now = clock.now.plus(Duration.ofHours(2));
        records.run(key, "f2", this::effect);
        assertThat(effects).hasValue(2);
    }

    @Test
    void keepsAtMostItsCapacityOldestForgottenFirst() throws Exception {
        Idempotency records = new Idempotency(3, Duration.ofHours(1), clock);
        for (int i = 0; i < 5; i++) {
            records.run(new Idempotency.Key("operator", "k" + i), "f", this::effect);
        }
        assertThat(records.size()).isEqualTo(3);
        records.run(new Idempotency.Key("operator", "k4"), "f", this::effect);
        assertThat(effects).hasValue(5);
        records.run(new Idempotency.Key("operator", "k0"), "f", this::effect);
        assertThat(effects).hasValue(6);
    }

    @Test
    void keysOfDifferentCallersAreIndependent() throws Exception {
        Idempotency records = new Idempotency(10, Duration.ofHours(1), clock);
        records.run(new Idempotency.Key("operator", "k"), "f1", this::effect);
        records.run(new Idempotency.Key("admin", "k"), "f2", this::effect);
        assertThat(effects).hasValue(2);
    }
}
