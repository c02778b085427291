package io.fleetplan.adapters.jooq;

import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Quarter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions between model values and column values. */
final class Values {
    private Values() {
    }

    /** Instants are kept to the microsecond, the precision both databases store. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime column(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, currency);
    }

    static String quarter(Quarter quarter) {
        return quarter.toString();
    }

    static Quarter quarter(String text) {
        return Quarter.parse(text);
    }
}
