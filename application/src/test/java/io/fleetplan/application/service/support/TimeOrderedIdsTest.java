package io.fleetplan.application.service.support;

import io.fleetplan.domain.shared.OrderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {
    private static final Instant START = Instant.parse("2026-11-26T15:00:00Z");

    @Test
    void idsMadeLaterSortLaterAndCarryTheirMillisecond() {
        Random random = new Random(20261126);
        List<String> ids = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < 2_000; i++) {
            at = at.plusMillis(1 + random.nextInt(5_000));
            ids.add(TimeOrderedIds.next("o-", at));
        }
        assertThat(ids).isSorted();
        UUID last = UUID.fromString(ids.get(ids.size() - 1).substring(2));
        assertThat(last.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void idsOfOneMillisecondAreDistinctVersion7UuidsAndValidOrderIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = TimeOrderedIds.next("o-", START);
            assertThat(id).startsWith("o-").hasSize(38);
            UUID uuid = UUID.fromString(id.substring(2));
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(OrderId.of(id).value()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
