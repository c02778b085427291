package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.fleetplan.domain.gpu.QueueingMode.STRICT_FIFO;
import static io.fleetplan.domain.gpu.WorkloadClass.EXTERNAL_LEASE;
import static io.fleetplan.domain.gpu.WorkloadClass.INTERNAL_TRAINING;
import static io.fleetplan.domain.gpu.WorkloadClass.MODEL_PLATFORM;
import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** An order's life in its pool: submission, release, cancellation, the transitions refused, the events. */
class GpuPoolOrderLifecycleTest {

    @Test
    void recordsTheSubmissionAndTheAllocation() {
        PoolScenario s = PoolScenario.withCapacity(10);

        s.submit("o-1", MODEL_PLATFORM, 4);

        assertThat(s.events()).satisfiesExactly(
                e -> {
                    assertThat(e.type()).isEqualTo(EventType.ORDER_SUBMITTED);
                    assertThat(e.subject()).isEqualTo("o-1");
                    assertThat(e.details()).containsExactly(entry("pool", "cn-hangzhou/H20"), entry("tenant", "acme"),
                            entry("tier", "MODEL_PLATFORM"), entry("gpus", "4"));
                },
                e -> {
                    assertThat(e.type()).isEqualTo(EventType.ORDER_ALLOCATED);
                    assertThat(e.subject()).isEqualTo("o-1");
                    assertThat(e.reason()).isEqualTo("fits");
                    assertThat(e.details()).containsEntry("tier", "MODEL_PLATFORM").containsEntry("gpus", "4");
                });
    }

    @Test
    void keepsTheSubmissionFacts() {
        PoolScenario s = PoolScenario.withCapacity(10);
        Instant at = PoolScenario.T0.plusSeconds(3600);

        CapacityOrder order = s.pool.submit(OrderId.of("o-1"), TenantId.of("acme"), MODEL_PLATFORM, 4, at, "key-1",
                s.book);

        assertThat(order.pool()).isEqualTo(PoolScenario.POOL);
        assertThat(order.tenant()).isEqualTo(TenantId.of("acme"));
        assertThat(order.tier()).isEqualTo(MODEL_PLATFORM);
        assertThat(order.size()).isEqualTo(4);
        assertThat(order.submittedAt()).isEqualTo(at);
        assertThat(order.idempotencyKey()).contains("key-1");
        assertThat(order.sameRequest(PoolScenario.POOL, MODEL_PLATFORM, 4)).isTrue();
        assertThat(order.sameRequest(PoolScenario.POOL, MODEL_PLATFORM, 5)).isFalse();
        assertThat(order.sameRequest(PoolScenario.POOL, EXTERNAL_LEASE, 4)).isFalse();
        assertThat(order.sameRequest(PoolId.of("cn-beijing", "H20"), MODEL_PLATFORM, 4)).isFalse();
        assertThat(s.book.get("o-1").status()).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void refusesABlankOrOverlongIdempotencyKey() {
        PoolScenario s = PoolScenario.withCapacity(10);

        assertInvalidValue(() -> s.pool.submit(OrderId.of("o-1"), PoolScenario.TENANT, EXTERNAL_LEASE, 1, s.tick(), " ",
                s.book), "idempotencyKey");
        assertInvalidValue(() -> s.pool.submit(OrderId.of("o-2"), PoolScenario.TENANT, EXTERNAL_LEASE, 1, s.tick(),
                "k".repeat(201), s.book), "idempotencyKey");
        assertThat(s.book.all()).isEmpty();
    }

    @Test
    void releasingGivesTheGpusBackAndClosesTheOrder() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("o-1", EXTERNAL_LEASE, 6);
        s.events();

        s.release("o-1");

        CapacityOrder released = s.order("o-1");
        assertThat(released.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(released.closedAt()).contains(s.now());
        assertThat(s.pool.allocatedTotal()).isZero();
        assertThat(s.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.ORDER_RELEASED);
            assertThat(e.subject()).isEqualTo("o-1");
            assertThat(e.details()).containsEntry("gpus", "6");
        });
    }

    @Test
    void releasingDrainsTheBacklog() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("running", MODEL_PLATFORM, 8);
        s.submit("waiting", MODEL_PLATFORM, 5);
        s.events();

        s.release("running");

        assertThat(s.status("waiting")).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(s.events()).extracting(DomainEvent::type, DomainEvent::subject).containsExactly(
                tuple(EventType.ORDER_RELEASED, "running"),
                tuple(EventType.ORDER_ALLOCATED, "waiting"));
    }

    @Test
    void cancellingAPendingOrderTakesItOutOfTheBacklog() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("running", EXTERNAL_LEASE, 8);
        s.submit("waiting", EXTERNAL_LEASE, 5);
        s.events();

        s.cancel("waiting");

        CapacityOrder cancelled = s.order("waiting");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.closedAt()).contains(s.now());
        assertThat(s.pool.pendingTotal()).isZero();
        assertThat(s.pool.backlogGpus()).isZero();
        assertThat(s.pool.allocatedTotal()).isEqualTo(8);
        assertThat(s.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.ORDER_CANCELLED);
            assertThat(e.reason()).isEqualTo("customer withdrew");
            assertThat(e.details()).containsEntry("was", "PENDING").containsEntry("gpus", "5");
        });
    }

    @Test
    void cancellingAnAllocatedOrderGivesItsGpusBackAndDrains() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("running", EXTERNAL_LEASE, 8);
        s.submit("waiting", EXTERNAL_LEASE, 5);
        s.events();

        s.cancel("running");

        assertThat(s.order("running").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(s.order("running").admittedAt()).as("a cancelled order keeps when it was admitted").isPresent();
        assertThat(s.status("waiting")).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(s.events()).satisfiesExactly(
                e -> {
                    assertThat(e.type()).isEqualTo(EventType.ORDER_CANCELLED);
                    assertThat(e.details()).containsEntry("was", "ALLOCATED");
                },
                e -> assertThat(e.type()).isEqualTo(EventType.ORDER_ALLOCATED));
    }

    @Test
    void cancellingAPreemptedOrderTakesItOutOfTheBacklog() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("lease", EXTERNAL_LEASE, 10);
        s.submit("training", INTERNAL_TRAINING, 10);

        s.cancel("lease");

        assertThat(s.status("lease")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(s.pool.pendingTotal()).isZero();
    }

    @Test
    void refusesToReleaseAPendingOrderAndChangesNothing() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("running", EXTERNAL_LEASE, 8);
        s.submit("waiting", EXTERNAL_LEASE, 5);
        s.events();

        assertRuleViolation(() -> s.release("waiting"), "illegal-order-transition");

        assertThat(s.status("waiting")).isEqualTo(OrderStatus.PENDING);
        assertThat(s.pool.allocatedTotal()).isEqualTo(8);
        assertThat(s.pool.pendingGpus(EXTERNAL_LEASE)).isEqualTo(5);
        assertThat(s.events()).isEmpty();
        s.check();
    }

    @Test
    void refusesToReleaseOrCancelAReleasedOrder() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("o-1", EXTERNAL_LEASE, 8);
        s.release("o-1");
        s.events();

        assertRuleViolation(() -> s.release("o-1"), "illegal-order-transition");
        assertRuleViolation(() -> s.cancel("o-1"), "illegal-order-transition");

        assertThat(s.status("o-1")).isEqualTo(OrderStatus.RELEASED);
        assertThat(s.pool.allocatedTotal()).isZero();
        assertThat(s.events()).isEmpty();
        s.check();
    }

    @Test
    void refusesToReleaseOrCancelACancelledOrder() {
        PoolScenario s = PoolScenario.withCapacity(10);
        s.submit("running", EXTERNAL_LEASE, 8);
        s.submit("o-1", EXTERNAL_LEASE, 5);
        s.cancel("o-1");
        s.events();

        assertRuleViolation(() -> s.release("o-1"), "illegal-order-transition");
        assertRuleViolation(() -> s.cancel("o-1"), "illegal-order-transition");

        assertThat(s.pool.pendingTotal()).isZero();
        assertThat(s.pool.allocatedTotal()).isEqualTo(8);
        assertThat(s.events()).isEmpty();
        s.check();
    }

    @Test
    void refusesAnOrderOfAnotherPool() {
        PoolScenario here = PoolScenario.withCapacity(10);
        InMemoryOrderBook elsewhereBook = new InMemoryOrderBook();
        GpuPool elsewhere = GpuPool.create(PoolId.of("cn-beijing", "H20"));
        elsewhere.changeCapacity(10, here.tick(), "servers in service", elsewhereBook);
        CapacityOrder foreign = elsewhere.submit(OrderId.of("o-9"), PoolScenario.TENANT, EXTERNAL_LEASE, 4, here.tick(),
                null, elsewhereBook);

        assertInvalidValue(() -> here.pool.release(foreign, here.tick(), here.book), "pool");
        assertInvalidValue(() -> here.pool.cancel(foreign, here.tick(), "wrong pool", here.book), "pool");

        assertThat(foreign.status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(elsewhere.allocatedTotal()).isEqualTo(4);
    }

    @Test
    void aStrictQueueMovesOnWhenAnAllocatedOrderIsCancelled() {
        PoolScenario s = PoolScenario.withCapacity(10, STRICT_FIFO, true);
        s.submit("running", MODEL_PLATFORM, 10);
        s.submit("first", MODEL_PLATFORM, 6);
        s.submit("second", EXTERNAL_LEASE, 4);

        s.cancel("running");

        assertThat(s.allocated()).containsExactly("first", "second");
    }

    @Test
    void recordsCapacityAndPolicyChangesWithTheirReasons() {
        PoolScenario s = PoolScenario.withCapacity(0);

        s.changeCapacity(16);
        s.policy(STRICT_FIFO, false);

        assertThat(s.events()).satisfiesExactly(
                e -> {
                    assertThat(e.type()).isEqualTo(EventType.POOL_CAPACITY_CHANGED);
                    assertThat(e.reason()).isEqualTo("servers activated");
                    assertThat(e.details()).containsExactly(entry("from", "0"), entry("to", "16"));
                },
                e -> {
                    assertThat(e.type()).isEqualTo(EventType.POOL_POLICY_SET);
                    assertThat(e.reason()).isEqualTo("policy review");
                    assertThat(e.details()).containsExactly(entry("queueing", "STRICT_FIFO"),
                            entry("preemption", "false"));
                });
    }

    @Test
    void aNewPoolIsEmptyAndRecordsItsCreation() {
        GpuPool pool = GpuPool.create(PoolScenario.POOL);

        assertThat(pool.capacity()).isZero();
        assertThat(pool.allocatedByTier()).containsOnly(entry(INTERNAL_TRAINING, 0L), entry(MODEL_PLATFORM, 0L),
                entry(EXTERNAL_LEASE, 0L));
        assertThat(pool.policy()).isEqualTo(PoolPolicy.DEFAULT);
        assertThat(pool.pendingTotal()).isZero();
        assertThat(pool.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.POOL_CREATED);
            assertThat(e.subject()).isEqualTo("cn-hangzhou/H20");
        });
    }

    @Test
    void reconstitutesOnlyAPoolThatHoldsNoMoreThanItsCapacity() {
        long[] none = new long[3];
        GpuPool stored = GpuPool.reconstitute(PoolScenario.POOL, 10, new long[]{4, 3, 3}, none, none, none,
                PoolPolicy.DEFAULT, 7, 5, 2);
        assertThat(stored.free()).isZero();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.pullEvents()).isEmpty();

        assertInvalidValue(() -> GpuPool.reconstitute(PoolScenario.POOL, 10, new long[]{4, 4, 3}, none, none, none,
                PoolPolicy.DEFAULT, 0, 0, 0), "allocated");
        assertInvalidValue(() -> GpuPool.reconstitute(PoolScenario.POOL, 10, new long[]{1, 1}, none, none, none,
                PoolPolicy.DEFAULT, 0, 0, 0), "allocated");
        assertInvalidValue(() -> GpuPool.reconstitute(PoolScenario.POOL, 10, new long[]{0, -1, 0}, none, none, none,
                PoolPolicy.DEFAULT, 0, 0, 0), "allocated");
    }

    @Test
    void reconstitutesAllocatedOrdersOnlyWithAnAdmissionTimeAndPendingOnesOnlyWithout() {
        assertInvalidValue(() -> CapacityOrder.reconstitute(OrderId.of("o-1"), PoolScenario.POOL, PoolScenario.TENANT,
                EXTERNAL_LEASE, 4, PoolScenario.T0, 1, null, OrderStatus.ALLOCATED, null, 1, 0, null, 1), "admittedAt");
        assertInvalidValue(() -> CapacityOrder.reconstitute(OrderId.of("o-1"), PoolScenario.POOL, PoolScenario.TENANT,
                EXTERNAL_LEASE, 4, PoolScenario.T0, 1, null, OrderStatus.PENDING, PoolScenario.T0, 1, 0, null, 1),
                "admittedAt");
    }

    @Test
    void ordersTheBacklogByTierThenSubmittedAtThenSequence() {
        CapacityOrder lateTraining = order("late-training", INTERNAL_TRAINING, 100, 9, OrderStatus.PENDING, 0);
        CapacityOrder earlyLease = order("early-lease", EXTERNAL_LEASE, 0, 1, OrderStatus.PENDING, 0);
        CapacityOrder platformSecond = order("platform-second", MODEL_PLATFORM, 50, 5, OrderStatus.PENDING, 0);
        CapacityOrder platformFirst = order("platform-first", MODEL_PLATFORM, 50, 4, OrderStatus.PENDING, 0);
        CapacityOrder platformEarlier = order("platform-earlier", MODEL_PLATFORM, 40, 8, OrderStatus.PENDING, 0);

        assertThat(PoolScenario.sortedIds(List.of(earlyLease, platformSecond, lateTraining, platformFirst,
                platformEarlier), CapacityOrder.QUEUE_ORDER))
                .containsExactly("late-training", "platform-earlier", "platform-first", "platform-second",
                        "early-lease");
    }

    @Test
    void ordersPreemptionCandidatesLowestTierThenNewestAdmission() {
        CapacityOrder training = order("training", INTERNAL_TRAINING, 0, 1, OrderStatus.ALLOCATED, 9);
        CapacityOrder oldLease = order("old-lease", EXTERNAL_LEASE, 0, 2, OrderStatus.ALLOCATED, 1);
        CapacityOrder newLease = order("new-lease", EXTERNAL_LEASE, 0, 3, OrderStatus.ALLOCATED, 7);
        CapacityOrder platform = order("platform", MODEL_PLATFORM, 0, 4, OrderStatus.ALLOCATED, 8);

        assertThat(PoolScenario.sortedIds(List.of(training, oldLease, platform, newLease),
                CapacityOrder.PREEMPTION_ORDER))
                .containsExactly("new-lease", "old-lease", "platform", "training");
    }

    private static CapacityOrder order(String id, WorkloadClass tier, long secondsAfterT0, long sequence,
                                       OrderStatus status, long admission) {
        Instant at = PoolScenario.T0.plusSeconds(secondsAfterT0);
        return CapacityOrder.reconstitute(OrderId.of(id), PoolScenario.POOL, PoolScenario.TENANT, tier, 1, at, sequence,
                null, status, status == OrderStatus.ALLOCATED ? at : null, admission, 0, null, 1);
    }
}
