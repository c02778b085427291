package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.fleetplan.domain.gpu.WorkloadClass.EXTERNAL_LEASE;
import static io.fleetplan.domain.gpu.WorkloadClass.INTERNAL_TRAINING;
import static io.fleetplan.domain.gpu.WorkloadClass.MODEL_PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake order book keeps the contract of {@link OrderBook}: the pool tests are only as good as it is. */
class InMemoryOrderBookTest {

    private final InMemoryOrderBook book = new InMemoryOrderBook();

    private static CapacityOrder order(String id, WorkloadClass tier, long size, long secondsAfterT0, long sequence,
                                       OrderStatus status, long admission) {
        Instant at = PoolScenario.T0.plusSeconds(secondsAfterT0);
        return CapacityOrder.reconstitute(OrderId.of(id), PoolScenario.POOL, PoolScenario.TENANT, tier, size, at,
                sequence, null, status, status == OrderStatus.ALLOCATED ? at : null, admission, 0, null, 1);
    }

    private static List<String> ids(List<CapacityOrder> orders) {
        return orders.stream().map(o -> o.id().value()).toList();
    }

    @Test
    void pagesPendingOrdersOfOneTierInSubmittedAtThenSequenceOrder() {
        book.add(order("late", MODEL_PLATFORM, 1, 30, 1, OrderStatus.PENDING, 0));
        book.add(order("tie-2", MODEL_PLATFORM, 1, 10, 3, OrderStatus.PENDING, 0));
        book.add(order("tie-1", MODEL_PLATFORM, 1, 10, 2, OrderStatus.PENDING, 0));
        book.add(order("other-tier", EXTERNAL_LEASE, 1, 0, 4, OrderStatus.PENDING, 0));
        book.add(order("allocated", MODEL_PLATFORM, 1, 0, 5, OrderStatus.ALLOCATED, 1));

        List<CapacityOrder> first = book.pending(PoolScenario.POOL, MODEL_PLATFORM, 100, Optional.empty(), 2);
        List<CapacityOrder> rest = book.pending(PoolScenario.POOL, MODEL_PLATFORM, 100, Optional.of(first.get(1)), 2);

        assertThat(ids(first)).containsExactly("tie-1", "tie-2");
        assertThat(ids(rest)).containsExactly("late");
    }

    @Test
    void leavesOutPendingOrdersLargerThanAskedAndOrdersOfOtherPools() {
        book.add(order("small", EXTERNAL_LEASE, 4, 0, 1, OrderStatus.PENDING, 0));
        book.add(order("big", EXTERNAL_LEASE, 5, 1, 2, OrderStatus.PENDING, 0));

        assertThat(ids(book.pending(PoolScenario.POOL, EXTERNAL_LEASE, 4, Optional.empty(), 10)))
                .containsExactly("small");
        assertThat(book.pending(PoolId.of("cn-beijing", "H20"), EXTERNAL_LEASE, 10, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void pagesPreemptionCandidatesLowestTierThenNewestAdmissionFromTheGivenTierDown() {
        book.add(order("training", INTERNAL_TRAINING, 1, 0, 1, OrderStatus.ALLOCATED, 9));
        book.add(order("platform", MODEL_PLATFORM, 1, 0, 2, OrderStatus.ALLOCATED, 8));
        book.add(order("lease-old", EXTERNAL_LEASE, 1, 0, 3, OrderStatus.ALLOCATED, 1));
        book.add(order("lease-new", EXTERNAL_LEASE, 1, 0, 4, OrderStatus.ALLOCATED, 5));
        book.add(order("lease-waiting", EXTERNAL_LEASE, 1, 0, 5, OrderStatus.PENDING, 0));

        List<CapacityOrder> first = book.preemptionCandidates(PoolScenario.POOL, MODEL_PLATFORM, Optional.empty(), 2);
        List<CapacityOrder> rest = book.preemptionCandidates(PoolScenario.POOL, MODEL_PLATFORM,
                Optional.of(first.get(1)), 2);

        assertThat(ids(first)).containsExactly("lease-new", "lease-old");
        assertThat(ids(rest)).containsExactly("platform");
        assertThat(ids(book.preemptionCandidates(PoolScenario.POOL, INTERNAL_TRAINING, Optional.empty(), 10)))
                .containsExactly("lease-new", "lease-old", "platform", "training");
    }

    @Test
    void seesAChangeOnlyOnceItIsHandedBack() {
        book.add(order("o-1", EXTERNAL_LEASE, 1, 0, 1, OrderStatus.ALLOCATED, 1));
        CapacityOrder loaded = book.get("o-1");

        loaded.cancel(PoolScenario.T0.plusSeconds(60));

        assertThat(book.get("o-1").status()).isEqualTo(OrderStatus.ALLOCATED);
        book.update(loaded);
        assertThat(book.get("o-1").status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void refusesToStoreAnOrderTwiceOrUpdateOneNeverStored() {
        CapacityOrder order = order("o-1", EXTERNAL_LEASE, 1, 0, 1, OrderStatus.PENDING, 0);
        book.add(order);

        assertThatThrownBy(() -> book.add(order)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> book.update(order("o-2", EXTERNAL_LEASE, 1, 0, 2, OrderStatus.PENDING, 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
