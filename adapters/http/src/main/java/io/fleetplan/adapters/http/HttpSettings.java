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
 */
public record HttpSettings(long maxBodyBytes, int idempotencyEntries, Duration idempotencyTtl,
                           Optional<String> staticAssets) {
    /** 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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
    }

    /** 1 MiB bodies, 10 000 idempotency records kept for 24 hours, no static assets. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES, 10_000, Duration.ofHours(24), Optional.empty());
    }

    /** These settings, serving the classpath folder {@code folder} (such as {@code /dashboard}) at {@code /}. */
    public HttpSettings withStaticAssets(String folder) {
        return new HttpSettings(maxBodyBytes, idempotencyEntries, idempotencyTtl, Optional.of(folder));
    }
}
