package io.fleetplan.adapters.http;

import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.access.Principal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The tokens this process verified lately, so that a request need not read the token store. An
 * entry is keyed by the SHA-256 of the secret (the secret itself is never kept) and trusted for
 * {@code ttl}: a token revoked through this process's API is evicted at once, one revoked through
 * another process sharing the store is refused here within {@code ttl}. Unknown or revoked secrets
 * are never cached. A zero {@code ttl} turns the cache off.
 *
 * <p>Bounded: beyond {@code capacity} entries, expired ones are dropped, and if that is not enough,
 * all of them (tokens are few; this only guards against a flood of distinct valid secrets).
 */
final class TokenCache {
    private final ManageTokens tokens;
    private final int capacity;
    private final long ttlNanos;
    private final LongSupplier ticker;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    /** Bumped by every eviction: a lookup that overlapped one does not cache what it read. */
    private final AtomicLong evictions = new AtomicLong();

    private record Entry(Principal principal, long verifiedAt) {
    }

    /**
     * @param tokens   where secrets are verified
     * @param capacity the most entries kept
     * @param ttl      how long a verified token is trusted without asking the store again
     * @param ticker   nanoseconds, as {@link System#nanoTime()}
     */
    TokenCache(ManageTokens tokens, int capacity, Duration ttl, LongSupplier ticker) {
        this.tokens = tokens;
        this.capacity = capacity;
        this.ttlNanos = ttl.toNanos();
        this.ticker = ticker;
    }

    /** The active token the secret belongs to, if any: from the cache while fresh, else from the store. */
    Optional<Principal> authenticate(String secret) {
        if (ttlNanos == 0 || secret.isEmpty() || secret.length() > 512) {
            return tokens.authenticate(secret);
        }
        String key = hash(secret);
        long now = ticker.getAsLong();
        Entry entry = verified.get(key);
        if (entry != null && now - entry.verifiedAt() < ttlNanos) {
            return Optional.of(entry.principal());
        }
        long epoch = evictions.get();
        Optional<Principal> found = tokens.authenticate(secret);
        if (found.isEmpty()) {
            verified.remove(key);
            return found;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(e -> now - e.verifiedAt() >= ttlNanos);
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(key, new Entry(found.get(), now));
        if (evictions.get() != epoch) {
            verified.remove(key);
        }
        return found;
    }

    /** Forgets every entry of the token named {@code name} (after it was revoked). */
    void evict(String name) {
        evictions.incrementAndGet();
        verified.values().removeIf(e -> e.principal().name().equals(name));
    }

    int size() {
        return verified.size();
    }

    private static String hash(String secret) {
        return java.util.HexFormat.of().formatHex(Sha256.digest().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
