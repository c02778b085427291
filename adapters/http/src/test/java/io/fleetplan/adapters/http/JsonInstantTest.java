package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Instants are written exactly as ISO_INSTANT writes them, and read back to the same instant. */
class JsonInstantTest {
    private final ObjectMapper mapper = Json.mapper();

    @Test
    void writesInstantsAsIsoInstantDoesAndReadsThemBack() throws Exception {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-26T10:54:13Z"),
                Instant.parse("2026-03-01T12:00:00.250Z"), Instant.parse("2026-03-01T12:00:00.000250Z"),
                Instant.parse("2026-03-01T12:00:00.000000250Z"), Instant.parse("2026-03-01T12:00:00.123456789Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.9Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, nano));
        }
        for (Instant instant : instants) {
            String written = mapper.writeValueAsString(instant);
            assertThat(written).isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"");
            assertThat(mapper.readValue(written, Instant.class)).isEqualTo(instant);
        }
    }
}
