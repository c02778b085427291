package io.fleetplan.application.service.support;

import java.time.Instant;
import java.util.UUID;

/**
 * Ids for what Fleetplan creates (orders, batches): a UUID of version 7, whose first 48 bits are
 * the creation time in milliseconds and whose other 74 bits are random (from
 * {@link UUID#randomUUID()}). Ids created one after another sort one after another, so a store's
 * index on them takes each new id next to the last one instead of at a random place: a database
 * writes one index page for many new rows rather than a page each. The text form is the usual
 * 36-character one.
 */
public final class TimeOrderedIds {
    private static final long VERSION_7 = 0x7000L;

    private TimeOrderedIds() {
    }

    /** A new id created at {@code at}, after {@code prefix} ("o-" for orders). */
    public static String next(String prefix, Instant at) {
        UUID random = UUID.randomUUID();
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | VERSION_7 | (random.getMostSignificantBits() & 0x0FFFL);
        // The low half keeps the random UUID's variant bits (10) and 62 random bits.
        return prefix + new UUID(high, random.getLeastSignificantBits());
    }
}
