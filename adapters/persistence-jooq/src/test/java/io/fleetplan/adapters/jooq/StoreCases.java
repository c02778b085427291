package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.access.ApiToken;
import io.fleetplan.domain.access.Role;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.capex.SpendCategory;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.PoolPolicy;
import io.fleetplan.domain.gpu.QueueingMode;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.SkuId;
import io.fleetplan.domain.shared.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every repository of the database store must do, the way the in-memory store does it: add,
 * find, update with version checks, locks, keyset pages, rollback, idempotency keys, the event log.
 * Run once on H2 and once on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreCases {
    private static final PoolId POOL = PoolId.of("cn-hangzhou", "H20");
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private DatabaseStores database;
    private Stores stores;

    protected abstract TestDatabase database();

    @BeforeAll
    void open() {
        database = database().open();
        stores = database.stores();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @BeforeEach
    void empty() {
        TestDatabase.wipe(database);
    }

    private <T> T tx(Supplier<T> work) {
        return stores.unitOfWork().inTransaction(work);
    }

    private void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    // ---------------------------------------------------------------- aggregates

    @Test
    void storesANewAggregateAtVersionOneAndRefusesADuplicateId() {
        run(() -> stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou")));

        Region found = tx(() -> stores.regions().find(RegionId.of("cn-hangzhou"))).orElseThrow();
        assertThat(found.name()).isEqualTo("Hangzhou");
        assertThat(found.version()).isEqualTo(1);
        assertThatThrownBy(() -> run(() -> stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Again"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("region-exists"));
        assertThat(tx(() -> stores.regions().find(RegionId.of("xx-nowhere")))).isEmpty();
    }

    @Test
    void aRacingDuplicateIsTheSameConflictAsASequentialOne() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(() -> {
            stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou"));
            inserted.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        // the second one cannot see the first, uncommitted row: its insert meets the primary key
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(() ->
                stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou again"))));
        Thread.sleep(200);
        commit.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class)
                .cause().satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("region-exists"));
        assertThat(tx(() -> stores.regions().find(RegionId.of("cn-hangzhou")))).map(Region::name).contains("Hangzhou");
    }

    @Test
    void updatesOnlyAtTheLoadedVersionAndReturnsTheNextOne() {
        DataCenter dc = DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "Hangzhou A",
                Power.ofKilowatts(1000), 50);
        run(() -> stores.dataCenters().add(dc));
        DataCenter first = tx(() -> stores.dataCenters().find(dc.id())).orElseThrow();
        DataCenter second = tx(() -> stores.dataCenters().find(dc.id())).orElseThrow();

        first.installLoad(Power.ofKilowatts(100), "b-1", 10);
        assertThat(tx(() -> stores.dataCenters().update(first))).isEqualTo(2);
        second.installLoad(Power.ofKilowatts(5), "b-2", 1);

        assertThatThrownBy(() -> tx(() -> stores.dataCenters().update(second)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        DataCenter stored = tx(() -> stores.dataCenters().find(dc.id())).orElseThrow();
        assertThat(stored.powerInUse()).isEqualTo(Power.ofKilowatts(100));
        assertThat(stored.version()).isEqualTo(2);
        DataCenter missing = DataCenter.reconstitute(DataCenterId.of("nowhere"), RegionId.of("cn-hangzhou"), "X",
                Power.ofKilowatts(1), 0, Power.ZERO, 1);
        assertThatThrownBy(() -> tx(() -> stores.dataCenters().update(missing))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void keepsEveryFieldOfFleetAggregates() {
        ServerSku sku = ServerSku.register(SkuId.of("h20-8"), "HGX H20 8-GPU", AcceleratorTypeId.of("H20"), 8,
                Power.ofKilowatts(new BigDecimal("10.5")), Money.of("250000.25", "USD"));
        ServerBatch batch = ServerBatch.order(BatchId.of("b-1"), sku.id(), DataCenterId.of("hz-a"), 100,
                Quarter.parse("2026Q2"));
        batch.deliver(60);
        batch.install(40);
        batch.activate(30);
        batch.retire(5);
        ServerBatch other = ServerBatch.order(BatchId.of("b-2"), sku.id(), DataCenterId.of("sh-b"), 7,
                Quarter.parse("2027Q1"));
        run(() -> {
            stores.skus().add(sku);
            stores.batches().add(batch);
            stores.batches().add(other);
            stores.regions().add(Region.register(RegionId.of("cn-shanghai"), "Shanghai"));
            stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou"));
        });

        ServerSku storedSku = tx(() -> stores.skus().find(sku.id())).orElseThrow();
        assertThat(storedSku.powerPerServer()).isEqualTo(sku.powerPerServer());
        assertThat(storedSku.unitCost()).isEqualTo(Money.of("250000.25", "USD"));
        assertThat(storedSku.acceleratorsPerServer()).isEqualTo(8);
        ServerBatch stored = tx(() -> stores.batches().lock(batch.id())).orElseThrow();
        assertThat(List.of(stored.quantity(), stored.delivered(), stored.installed(), stored.activated(),
                stored.retired())).containsExactly(100L, 60L, 40L, 30L, 5L);
        assertThat(stored.expectedDelivery()).isEqualTo(Quarter.parse("2026Q2"));
        assertThat(tx(() -> stores.batches().list(Optional.of(DataCenterId.of("sh-b")))))
                .extracting(ServerBatch::id).containsExactly(BatchId.of("b-2"));
        assertThat(tx(() -> stores.batches().list(Optional.empty()))).extracting(ServerBatch::id)
                .containsExactly(BatchId.of("b-1"), BatchId.of("b-2"));
        assertThat(tx(() -> stores.regions().all())).extracting(Region::id)
                .containsExactly(RegionId.of("cn-hangzhou"), RegionId.of("cn-shanghai"));
    }

    @Test
    void keepsAPoolsFiguresPerTierAndItsPolicy() {
        GpuPool pool = GpuPool.reconstitute(POOL, 1000, new long[]{100, 200, 300}, new long[]{50, 0, 10},
                new long[]{1, 2, 3}, new long[]{11, 22, 33}, new PoolPolicy(QueueingMode.STRICT_FIFO, false), 42, 17, 0);
        run(() -> stores.pools().add(pool));

        GpuPool stored = tx(() -> stores.pools().lock(POOL)).orElseThrow();
        assertThat(stored.capacity()).isEqualTo(1000);
        for (WorkloadClass tier : WorkloadClass.values()) {
            assertThat(stored.allocated(tier)).isEqualTo(pool.allocated(tier));
            assertThat(stored.reserved(tier)).isEqualTo(pool.reserved(tier));
            assertThat(stored.pending(tier)).isEqualTo(pool.pending(tier));
            assertThat(stored.pendingGpus(tier)).isEqualTo(pool.pendingGpus(tier));
        }
        assertThat(stored.policy()).isEqualTo(new PoolPolicy(QueueingMode.STRICT_FIFO, false));
        assertThat(stored.submissions()).isEqualTo(42);
        assertThat(stored.admissions()).isEqualTo(17);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void keepsACommitmentWithItsTranchesSpendAndAmendments() {
        CommitmentId id = CommitmentId.of("capex-2025-2028");
        CapexCommitment c = CapexCommitment.create(id, "Three-year AI infrastructure", Money.of("52000000000", "USD"),
                Quarter.parse("2025Q2"), Quarter.parse("2028Q1"));
        c.addTranche(Quarter.parse("2025Q3"), Money.of("4000000000", "USD"), Optional.of(RegionId.of("cn-hangzhou")));
        c.addTranche(Quarter.parse("2025Q4"), Money.of("5000000000", "USD"), Optional.empty());
        run(() -> stores.commitments().add(c));

        CapexCommitment loaded = tx(() -> stores.commitments().lock(id)).orElseThrow();
        loaded.recordSpend(Quarter.parse("2025Q3"), Money.of("16800000000.50", "USD"), SpendCategory.SERVERS,
                Optional.of(BatchId.of("b-1")), "H20 servers", T0);
        loaded.amend(Money.of("60000000000", "USD"), Quarter.parse("2028Q4"), "scale capex beyond the commitment", T0);
        assertThat(tx(() -> stores.commitments().update(loaded))).isEqualTo(2);

        CapexCommitment stored = tx(() -> stores.commitments().find(id)).orElseThrow();
        assertThat(stored.total()).isEqualTo(Money.of("60000000000", "USD"));
        assertThat(stored.end()).isEqualTo(Quarter.parse("2028Q4"));
        assertThat(stored.tranches()).isEqualTo(c.tranches());
        assertThat(stored.spends()).isEqualTo(loaded.spends());
        assertThat(stored.amendments()).isEqualTo(loaded.amendments());
        assertThat(tx(() -> stores.commitments().all())).extracting(CapexCommitment::id).containsExactly(id);
    }

    @Test
    void findsTokensByNameAndSecretHash() {
        String hash = "a".repeat(64);
        ApiToken token = ApiToken.create("ops-1", Role.TENANT, TenantId.of("acme"), hash, T0);
        run(() -> stores.tokens().add(token));
        ApiToken loaded = tx(() -> stores.tokens().findBySecretHash(hash)).orElseThrow();
        assertThat(loaded.tenant()).contains(TenantId.of("acme"));
        loaded.revoke(T0.plusSeconds(60));
        assertThat(tx(() -> stores.tokens().update(loaded))).isEqualTo(2);
        assertThat(tx(() -> stores.tokens().find("ops-1")).orElseThrow().revokedAt()).contains(T0.plusSeconds(60));
        assertThatThrownBy(() -> run(() -> stores.tokens().add(token)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("token-exists"));
    }

    // ---------------------------------------------------------------- orders

    private static CapacityOrder pending(String id, WorkloadClass tier, long gpus, Instant at, long sequence,
                                         String key) {
        return CapacityOrder.reconstitute(OrderId.of(id), POOL, TenantId.of("acme"), tier, gpus, at, sequence, key,
                OrderStatus.PENDING, null, 0, 0, null, 0);
    }

    private static CapacityOrder allocated(String id, WorkloadClass tier, long gpus, long admission) {
        return CapacityOrder.reconstitute(OrderId.of(id), POOL, TenantId.of("acme"), tier, gpus,
                T0.plusSeconds(admission), admission, null, OrderStatus.ALLOCATED, T0.plusSeconds(admission + 1),
                admission, 0, null, 0);
    }

    @Test
    void refusesAnIdempotencyKeyATenantAlreadyUsed() {
        run(() -> stores.orders().add(pending("o-1", WorkloadClass.EXTERNAL_LEASE, 8, T0, 1, "key-1")));

        assertThatThrownBy(() -> run(() -> stores.orders().add(pending("o-2", WorkloadClass.EXTERNAL_LEASE, 8, T0, 2,
                "key-1")))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("idempotency-key-exists"));
        assertThatThrownBy(() -> run(() -> stores.orders().add(pending("o-1", WorkloadClass.EXTERNAL_LEASE, 8, T0, 3,
                null)))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("order-exists"));
        assertThat(tx(() -> stores.orders().findByIdempotencyKey(TenantId.of("acme"), "key-1")))
                .map(CapacityOrder::id).contains(OrderId.of("o-1"));
        assertThat(tx(() -> stores.orders().findByIdempotencyKey(TenantId.of("other"), "key-1"))).isEmpty();
        assertThat(tx(() -> stores.orders().find(OrderId.of("o-2")))).isEmpty();
    }

    @Test
    void pagesTheBacklogOfATierInQueueOrderWithinASizeBound() {
        List<String> expected = new ArrayList<>();
        run(() -> {
            for (int i = 0; i < 25; i++) {
                // submitted-at ties are broken by the sequence
                Instant at = T0.plusSeconds(i / 3);
                long gpus = i % 5 == 0 ? 64 : 8;
                stores.orders().add(pending("o-" + (100 - i), WorkloadClass.MODEL_PLATFORM, gpus, at, i + 1, null));
                if (gpus <= 16) {
                    expected.add("o-" + (100 - i));
                }
            }
            stores.orders().add(pending("o-other-tier", WorkloadClass.EXTERNAL_LEASE, 1, T0, 99, null));
        });

        List<String> paged = new ArrayList<>();
        tx(() -> {
            Optional<CapacityOrder> after = Optional.empty();
            while (true) {
                List<CapacityOrder> page = stores.orders().pending(POOL, WorkloadClass.MODEL_PLATFORM, 16, after, 4);
                page.forEach(o -> paged.add(o.id().value()));
                if (page.size() < 4) {
                    return null;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        });
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void readsItsOwnWritesWithinTheTransaction() {
        run(() -> {
            CapacityOrder a = pending("o-a", WorkloadClass.INTERNAL_TRAINING, 8, T0, 1, null);
            stores.orders().add(a);
            stores.orders().add(pending("o-b", WorkloadClass.INTERNAL_TRAINING, 8, T0.plusSeconds(1), 2, null));
            assertThat(stores.orders().pending(POOL, WorkloadClass.INTERNAL_TRAINING, 100, Optional.empty(), 10))
                    .extracting(o -> o.id().value()).containsExactly("o-a", "o-b");
            CapacityOrder admitted = CapacityOrder.reconstitute(a.id(), POOL, a.tenant(), a.tier(), a.size(),
                    a.submittedAt(), a.sequence(), null, OrderStatus.ALLOCATED, T0.plusSeconds(5), 1, 0, null, 1);
            stores.orders().update(admitted);
            assertThat(stores.orders().pending(POOL, WorkloadClass.INTERNAL_TRAINING, 100, Optional.empty(), 10))
                    .extracting(o -> o.id().value()).containsExactly("o-b");
            assertThat(stores.orders().preemptionCandidates(POOL, WorkloadClass.INTERNAL_TRAINING, Optional.empty(), 10))
                    .extracting(o -> o.id().value()).containsExactly("o-a");
        });
        CapacityOrder stored = tx(() -> stores.orders().find(OrderId.of("o-a"))).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void pagesPreemptionCandidatesLowestTierFirstThenNewestAdmission() {
        run(() -> {
            stores.orders().add(allocated("o-t0", WorkloadClass.INTERNAL_TRAINING, 8, 1));
            stores.orders().add(allocated("o-t1-old", WorkloadClass.MODEL_PLATFORM, 8, 2));
            stores.orders().add(allocated("o-t2-old", WorkloadClass.EXTERNAL_LEASE, 8, 3));
            stores.orders().add(allocated("o-t1-new", WorkloadClass.MODEL_PLATFORM, 8, 4));
            stores.orders().add(allocated("o-t2-new", WorkloadClass.EXTERNAL_LEASE, 8, 5));
            stores.orders().add(pending("o-waiting", WorkloadClass.EXTERNAL_LEASE, 8, T0, 6, null));
        });
        List<String> paged = new ArrayList<>();
        tx(() -> {
            Optional<CapacityOrder> after = Optional.empty();
            while (true) {
                List<CapacityOrder> page = stores.orders().preemptionCandidates(POOL, WorkloadClass.MODEL_PLATFORM,
                        after, 2);
                page.forEach(o -> paged.add(o.id().value()));
                if (page.size() < 2) {
                    return null;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        });
        assertThat(paged).containsExactly("o-t2-new", "o-t2-old", "o-t1-new", "o-t1-old");
    }

    @Test
    void listsOrdersBySubmittedAtThenIdWithFilters() {
        run(() -> {
            stores.orders().add(pending("o-c", WorkloadClass.EXTERNAL_LEASE, 1, T0, 1, null));
            stores.orders().add(pending("o-a", WorkloadClass.EXTERNAL_LEASE, 1, T0, 2, null));
            stores.orders().add(pending("o-b", WorkloadClass.MODEL_PLATFORM, 1, T0.plusSeconds(1), 3, null));
            stores.orders().add(allocated("o-d", WorkloadClass.EXTERNAL_LEASE, 1, 10));
        });
        List<String> all = new ArrayList<>();
        tx(() -> {
            Optional<CapacityOrder> after = Optional.empty();
            List<CapacityOrder> page;
            do {
                page = stores.orders().list(OrderFilter.ALL, after, 1);
                page.forEach(o -> all.add(o.id().value()));
                after = page.isEmpty() ? after : Optional.of(page.get(0));
            } while (!page.isEmpty());
            return null;
        });
        assertThat(all).containsExactly("o-a", "o-c", "o-b", "o-d");
        OrderFilter leases = new OrderFilter(Optional.of(POOL.region()), Optional.of(POOL.accelerator()),
                Optional.of(WorkloadClass.EXTERNAL_LEASE), Optional.of(OrderStatus.PENDING),
                Optional.of(TenantId.of("acme")), Optional.of(T0), Optional.of(T0.plusSeconds(1)));
        assertThat(tx(() -> stores.orders().list(leases, Optional.empty(), 10))).extracting(o -> o.id().value())
                .containsExactly("o-a", "o-c");
    }

    // ---------------------------------------------------------------- transactions and the event log

    @Test
    void rollsBackEverythingAndRethrowsTheWorksExceptionUnchanged() {
        RuleViolationException refusal = new RuleViolationException("power-capacity-exceeded", "no power");
        assertThatThrownBy(() -> run(() -> {
            stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou"));
            stores.events().append(List.of(DomainEvent.of(EventType.REGION_REGISTERED, "cn-hangzhou", "")),
                    Actor.SYSTEM, T0);
            stores.events().list(EventFilter.ALL, 0, 10); // writes the events inside the transaction
            throw refusal;
        })).isSameAs(refusal);

        assertThat(tx(() -> stores.regions().all())).isEmpty();
        assertThat(tx(() -> stores.events().list(EventFilter.ALL, 0, 10))).isEmpty();
        run(() -> stores.events().append(List.of(DomainEvent.of(EventType.REGION_REGISTERED, "cn-shanghai", "")),
                Actor.SYSTEM, T0));
        assertThat(tx(() -> stores.events().list(EventFilter.ALL, 0, 10))).extracting(StoredEvent::sequence)
                .containsExactly(1L);
    }

    @Test
    void nestedUnitsOfWorkJoinTheOneAroundThem() {
        assertThatThrownBy(() -> run(() -> {
            run(() -> stores.regions().add(Region.register(RegionId.of("cn-hangzhou"), "Hangzhou")));
            assertThat(stores.regions().find(RegionId.of("cn-hangzhou"))).isPresent();
            throw new IllegalStateException("the outer work fails");
        })).hasMessage("the outer work fails");
        assertThat(tx(() -> stores.regions().all())).isEmpty();
    }

    @Test
    void refusesUseOutsideAUnitOfWork() {
        assertThatThrownBy(() -> stores.regions().all()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbersEventsFromOneAndPagesThemByFilter() {
        Instant t1 = T0.plusSeconds(3600);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pool", "cn-hangzhou/H20");
        details.put("odd & = % chars", "line\nbreak&x=y%z");
        details.put("empty", "");
        run(() -> stores.events().append(List.of(
                new DomainEvent(EventType.ORDER_SUBMITTED, "o-1", details, "why not"),
                DomainEvent.of(EventType.ORDER_QUEUED, "o-1", "waits", "gpus", 8)), new Actor("alice", "operator"), T0));
        run(() -> stores.events().append(List.of(DomainEvent.of(EventType.ORDER_SUBMITTED, "o-2", "")),
                Actor.SYSTEM, t1));
        run(() -> stores.events().append(List.of(new DomainEvent(EventType.POOL_CREATED, "cn-hangzhou/H20", Map.of(),
                "")), Actor.SYSTEM, t1));

        List<StoredEvent> all = tx(() -> stores.events().list(EventFilter.ALL, 0, 100));
        assertThat(all).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all.get(0).event()).isEqualTo(new DomainEvent(EventType.ORDER_SUBMITTED, "o-1", details, "why not"));
        assertThat(all.get(0).actor()).isEqualTo(new Actor("alice", "operator"));
        assertThat(all.get(0).at()).isEqualTo(T0);
        assertThat(all.get(3).event().details()).isEmpty();
        assertThat(tx(() -> stores.events().list(EventFilter.ALL, 2, 1))).extracting(StoredEvent::sequence)
                .containsExactly(3L);
        EventFilter aboutO1 = new EventFilter(Optional.of("o-1"), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(tx(() -> stores.events().list(aboutO1, 0, 10))).extracting(StoredEvent::sequence)
                .containsExactly(1L, 2L);
        EventFilter submittedLater = new EventFilter(Optional.empty(), Optional.of(EventType.ORDER_SUBMITTED),
                Optional.of(t1), Optional.of(t1.plusSeconds(1)));
        assertThat(tx(() -> stores.events().list(submittedLater, 0, 10))).extracting(StoredEvent::sequence)
                .containsExactly(3L);
    }

    @Test
    void holdsALockedPoolUntilTheTransactionEnds() throws Exception {
        run(() -> stores.pools().add(GpuPool.create(POOL)));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong firstCommittedAt = new AtomicLong();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(() -> {
            GpuPool pool = stores.pools().lock(POOL).orElseThrow();
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            stores.pools().update(pool);
            firstCommittedAt.set(System.nanoTime());
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> tx(() -> {
            GpuPool pool = stores.pools().lock(POOL).orElseThrow();
            long at = System.nanoTime();
            stores.pools().update(pool);
            return at;
        }));
        Thread.sleep(300);
        assertThat(second).isNotDone();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isGreaterThan(firstCommittedAt.get());
        assertThat(tx(() -> stores.pools().find(POOL)).orElseThrow().version()).isEqualTo(3);
    }
}
