package io.fleetplan.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Idempotency-Key records for creating POSTs, kept in this process: the first successful response
 * to (caller, key) is stored with a fingerprint of the request, and a retry with the same key and
 * the same request gets that response again without a second effect. Requests with one key are
 * serialised, so concurrent retries wait for the first and then replay it. The same key with a
 * different request is refused (422). Failed attempts are not stored: the client may retry them.
 *
 * <p>Bounded: the oldest records are forgotten beyond {@code capacity}, and every record after
 * {@code ttl}. Not shared between processes (order submission is additionally de-duplicated by the
 * application, in the store).
 */
final class Idempotency {
    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Slot> slots;

    Idempotency(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
        this.slots = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Slot> eldest) {
                return size() > Idempotency.this.capacity;
            }
        };
    }

    record Key(String caller, String key) {
        Key {
            Objects.requireNonNull(caller);
            Objects.requireNonNull(key);
        }
    }

    private static final class Slot {
        private final Instant created;
        private String fingerprint;
        private Rendered response;

        Slot(Instant created) {
            this.created = created;
        }
    }

    /** Runs {@code work} once for (caller, key) and request {@code fingerprint}; replays its success afterwards. */
    Rendered run(Key key, String fingerprint, Callable<Rendered> work) throws Exception {
        Slot slot = slot(key);
        synchronized (slot) {
            if (slot.fingerprint != null && !slot.fingerprint.equals(fingerprint)) {
                throw new HttpProblem(422, "idempotency-key-reused", "Idempotency-Key '" + key.key()
                        + "' was already used for a different request");
            }
            if (slot.response != null) {
                Map<String, String> headers = new LinkedHashMap<>(slot.response.headers());
                headers.put("Idempotent-Replayed", "true");
                return new Rendered(slot.response.status(), slot.response.contentType(), slot.response.body(), headers);
            }
            slot.fingerprint = fingerprint;
            Rendered response;
            try {
                response = work.call();
            } catch (Exception | Error e) {
                slot.fingerprint = null;
                throw e;
            }
            if (response.status() >= 200 && response.status() < 300) {
                slot.response = response;
            } else {
                slot.fingerprint = null;
            }
            return response;
        }
    }

    private Slot slot(Key key) {
        Instant now = clock.instant();
        synchronized (slots) {
            Slot slot = slots.get(key);
            if (slot == null || slot.created.plus(ttl).isBefore(now)) {
                slot = new Slot(now);
                slots.put(key, slot);
            }
            return slot;
        }
    }

    int size() {
        synchronized (slots) {
            return slots.size();
        }
    }
}
