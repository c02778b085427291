package io.fleetplan.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP API behaves, apart from what it exposes.
 *
 * @param maxBodyBytes       largest request body accepted; larger ones are refused with 413
 * @param idempotencyEntries how many Idempotency-Key records this process keeps (oldest forgotten first)
 * @param idempotencyTtl     how long an Idempotency-Key record is honoured
 * @param staticAssets       a classpath folder served at {@code /} (a dashboard), or empty for none
 * @param tokenCacheEntries  how many verified tokens this process remembers
 * @param tokenCacheTtl      how long a verified token is trusted without reading the token store again:
 *                           the longest a token revoked through another process still works here
 *                           (zero reads the store on every request)
 */
public record HttpSettings(long maxBodyBytes, int idempotencyEntries, Duration idempotencyTtl,
                           Optional<String> staticAssets, int tokenCacheEntries, Duration tokenCacheTtl) {
    /** 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 2 seconds. */
    public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(2);

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (idempotencyEntries < 1) {
            throw new IllegalArgumentException("idempotencyEntries must be positive");
        }
        Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
        if (idempotencyTtl.isNegative() || idempotencyTtl.isZero()) {
            throw new IllegalArgumentException("idempotencyTtl must be positive");
        }
        Objects.requireNonNull(staticAssets, "staticAssets");
        if (tokenCacheEntries < 1) {
            throw new IllegalArgumentException("tokenCacheEntries must be positive");
        }
        Objects.requireNonNull(tokenCacheTtl, "tokenCacheTtl");
        if (tokenCacheTtl.isNegative()) {
            throw new IllegalArgumentException("tokenCacheTtl must not be negative");
        }
    }

    /**
     * 1 MiB bodies, 10 000 idempotency records kept for 24 hours, no static assets, 10 000 verified
     * tokens trusted for 2 seconds.
     */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES, 10_000, Duration.ofHours(24), Optional.empty(), 10_000,
                DEFAULT_TOKEN_CACHE_TTL);
    }

    /** These settings, serving the classpath folder {@code folder} (such as {@code /dashboard}) at {@code /}. */
    public HttpSettings withStaticAssets(String folder) {
        return new HttpSettings(maxBodyBytes, idempotencyEntries, idempotencyTtl, Optional.of(folder),
                tokenCacheEntries, tokenCacheTtl);
    }

    /** These settings, trusting a verified token for {@code ttl} (zero: never) before reading the store again. */
    public HttpSettings withTokenCacheTtl(Duration ttl) {
        return new HttpSettings(maxBodyBytes, idempotencyEntries, idempotencyTtl, staticAssets, tokenCacheEntries,
                ttl);
    }
}
