package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.domain.shared.Actor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified tokens are remembered for a short while, so that requests need not read the token store;
 * a revocation through this process's API takes effect at once, one made elsewhere (another process
 * sharing the store) within the cache's time to live. Time is a ticker the tests move by hand.
 */
class TokenCacheTest {
    private final AtomicLong ticker = new AtomicLong(1_000_000_000L);

    private String token(ApiFixture api, String name) {
        return api.services.access().create(Actor.SYSTEM, new ManageTokens.Command(name, "VIEWER", null)).secret();
    }

    @Test
    void aTokenRevokedThroughThisProcessIsRefusedOnTheNextRequest() {
        try (ApiFixture api = ApiFixture.start(HttpSettings.defaults(), ticker::get)) {
            String secret = token(api, "ci");
            api.get("/api/v1/regions", secret).ok(200);
            api.post("/api/v1/tokens/ci/revoke", ApiFixture.ADMIN, null).ok(200);
            assertThat(api.get("/api/v1/regions", secret).problem(401).path("code").asText())
                    .isEqualTo("unauthenticated");
        }
    }

    @Test
    void aTokenRevokedInTheStoreByAnotherProcessIsRefusedOnceTheTimeToLiveHasPassed() {
        try (ApiFixture api = ApiFixture.start(HttpSettings.defaults(), ticker::get)) {
            String secret = token(api, "ci");
            api.get("/api/v1/regions", secret).ok(200);
            api.services.access().revoke(Actor.SYSTEM, "ci");
            ticker.addAndGet(HttpSettings.DEFAULT_TOKEN_CACHE_TTL.toNanos() - 1);
            api.get("/api/v1/regions", secret).ok(200);
            ticker.addAndGet(1);
            api.get("/api/v1/regions", secret).problem(401);
            ticker.addAndGet(HttpSettings.DEFAULT_TOKEN_CACHE_TTL.toNanos());
            api.get("/api/v1/regions", secret).problem(401);
        }
    }

    @Test
    void withoutATimeToLiveEveryRequestReadsTheStore() {
        try (ApiFixture api = ApiFixture.start(HttpSettings.defaults().withTokenCacheTtl(Duration.ZERO), ticker::get)) {
            String secret = token(api, "ci");
            api.get("/api/v1/regions", secret).ok(200);
            api.services.access().revoke(Actor.SYSTEM, "ci");
            api.get("/api/v1/regions", secret).problem(401);
        }
    }

    @Test
    void unknownSecretsAreNotRememberedAndTheCacheStaysWithinItsBound() {
        try (ApiFixture api = ApiFixture.start()) {
            TokenCache cache = new TokenCache(api.services.access(), 3, Duration.ofSeconds(2), ticker::get);
            assertThat(cache.authenticate("fp_not-a-token")).isEmpty();
            assertThat(cache.size()).isZero();
            for (int i = 0; i < 10; i++) {
                String secret = token(api, "t" + i);
                assertThat(cache.authenticate(secret)).hasValueSatisfying(p -> assertThat(p.name()).startsWith("t"));
                assertThat(cache.size()).isBetween(1, 3);
            }
            String kept = token(api, "kept");
            cache.authenticate(kept);
            cache.evict("kept");
            api.services.access().revoke(Actor.SYSTEM, "kept");
            assertThat(cache.authenticate(kept)).isEmpty();
        }
    }
}
