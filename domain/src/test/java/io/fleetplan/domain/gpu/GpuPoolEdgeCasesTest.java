package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.OrderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.fleetplan.domain.gpu.QueueingMode.STRICT_FIFO;
import static io.fleetplan.domain.gpu.WorkloadClass.EXTERNAL_LEASE;
import static io.fleetplan.domain.gpu.WorkloadClass.INTERNAL_TRAINING;
import static io.fleetplan.domain.gpu.WorkloadClass.MODEL_PLATFORM;
import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class GpuPoolEdgeCasesTest {

    @Test
    void aReleasedOrderCanBeStoredAndLoadedAgain() {
        GpuPool pool = GpuPool.create(PoolScenario.POOL);
        InMemoryOrderBook book = new InMemoryOrderBook();
        pool.changeCapacity(8, PoolScenario.T0, "servers in service", book);
        CapacityOrder order = pool.submit(OrderId.of("o-1"), PoolScenario.TENANT, EXTERNAL_LEASE, 8,
                PoolScenario.T0, null, book);

        pool.release(order, PoolScenario.T0.plusSeconds(60), book);

        assertThat(order.status()).isEqualTo(OrderStatus.RELEASED);
        assertThatCode(() -> CapacityOrder.reconstitute(order.id(), order.pool(), order.tenant(), order.tier(),
                order.size(), order.submittedAt(), order.sequence(), null, order.status(),
                order.admittedAt().orElse(null), order.admission(), order.preemptions(),
                order.closedAt().orElse(null), order.version()))
                .doesNotThrowAnyException();
    }

    @Test
    void strictFifoAdmitsASubmissionThatIsAheadOfEveryWaitingOrder() {
        PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
        Instant t100 = PoolScenario.T0.plusSeconds(100);
        s.submitAt("big", MODEL_PLATFORM, 20, t100);

        // submitted-at 50 puts it ahead of "big" in (tier, submitted-at) order, and it fits
        s.submitAt("small", MODEL_PLATFORM, 5, t100.minusSeconds(50));

        assertThat(s.backlog()).containsExactly("big");
    }

    @Test
    void aRefusedSubmissionLeavesThePoolUnchanged() {
        PoolScenario s = PoolScenario.withCapacity(10);

        assertInvalidValue(() -> s.pool.submit(OrderId.of("o-1"), PoolScenario.TENANT, INTERNAL_TRAINING, 0, s.tick(),
                null, s.book), "gpus");

        assertThat(s.pool.submissions()).as("no order was submitted").isZero();
    }

    @Test
    void aReservationCanBeLoweredAfterACapacityLoss() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.reserve(INTERNAL_TRAINING, 6);
        s.reserve(MODEL_PLATFORM, 4);
        s.changeCapacity(-5);

        s.reserve(MODEL_PLATFORM, 0);

        assertThat(s.pool.reserved(MODEL_PLATFORM)).isZero();
    }
}
