package io.fleetplan.bootstrap.bench;

import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.support.TimeOrderedIds;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.TenantId;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fleet built for a measurement through the application API alone: one accelerator type, one
 * server SKU (8 GPUs, 10 kW), and per pool a region with one data centre whose servers are
 * delivered, installed and brought into service, so that orders are admitted.
 */
final class BenchFleet {
    static final Actor ACTOR = new Actor("bench", "admin");
    static final String ACCELERATOR = "BX1";
    static final String SKU = "bx1-8gpu";
    static final int GPUS_PER_SERVER = 8;
    static final String TENANT = "bench";
    private static final String[] TIERS = {"INTERNAL_TRAINING", "MODEL_PLATFORM", "EXTERNAL_LEASE"};

    private final ApplicationServices services;
    private final List<String> regions = new ArrayList<>();

    private BenchFleet(ApplicationServices services) {
        this.services = services;
    }

    /** The application services over a store, built as bootstrap builds them. */
    static ApplicationServices services(Stores stores) {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return new ApplicationServices(stores, Clock.systemUTC(), validator);
    }

    /**
     * {@code pools} pools with {@code gpusPerPool} GPUs in service each; {@code prefix} keeps region
     * ids apart when several fleets share one database.
     */
    static BenchFleet build(ApplicationServices services, String prefix, int pools, long gpusPerPool) {
        BenchFleet fleet = new BenchFleet(services);
        services.fleet().register(ACTOR, new RegisterAcceleratorType.Command(ACCELERATOR, "bench", 96));
        services.fleet().register(ACTOR, new RegisterServerSku.Command(SKU, "bench 8-GPU server", ACCELERATOR,
                GPUS_PER_SERVER, BigDecimal.TEN, new BigDecimal("250000"), "USD"));
        long servers = (gpusPerPool + GPUS_PER_SERVER - 1) / GPUS_PER_SERVER;
        ExecutorService setup = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> regions = new ArrayList<>();
            for (int p = 0; p < pools; p++) {
                String region = String.format(Locale.ROOT, "%s-r%03d", prefix, p);
                regions.add(setup.submit(() -> fleet.addRegion(region, servers, true)));
            }
            for (Future<String> region : regions) {
                region.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the fleet", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the fleet could not be built: " + e.getCause(), e.getCause());
        } finally {
            setup.shutdown();
        }
        fleet.regions.sort(null);
        return fleet;
    }

    /**
     * A region whose data centre has {@code servers} servers delivered and installed; in service too
     * when {@code activate}. Returns the batch id.
     */
    String addRegion(String region, long servers, boolean activate) {
        services.regions().register(ACTOR, new RegisterRegion.Command(region, "bench " + region));
        String dc = region + "-dc";
        BigDecimal power = BigDecimal.valueOf(servers * 10 + 10);
        services.regions().register(ACTOR, new RegisterDataCenter.Command(dc, region, "bench " + dc, power, 1_000));
        String batch = services.fleet().order(ACTOR, new OrderServerBatch.Command(region + "-b", SKU, dc, servers,
                "2026Q1")).id();
        AdvancePipeline pipeline = services.fleet();
        pipeline.advance(ACTOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.DELIVER, servers, null));
        pipeline.advance(ACTOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.INSTALL, servers, null));
        if (activate) {
            pipeline.advance(ACTOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.ACTIVATE, servers, null));
            synchronized (regions) {
                regions.add(region);
            }
        }
        return batch;
    }

    List<String> regions() {
        synchronized (regions) {
            return List.copyOf(regions);
        }
    }

    /** An order of {@code gpus} GPUs in a region's pool, in a tier chosen by {@code n}. */
    static SubmitOrder.Command order(String region, long gpus, long n) {
        return new SubmitOrder.Command(region, ACCELERATOR, TENANT, TIERS[(int) (n % TIERS.length)], gpus, null);
    }

    /**
     * Puts {@code orders} orders of 1 GPU (tiers in turn) into a pool's backlog, {@code perTransaction}
     * submissions to a transaction: the pool's own submission rule ({@link GpuPool#submit}) on the
     * store's ports, as SubmitOrder runs it, with the events appended, only batched so that a large
     * backlog is seeded in seconds. Returns the nanoseconds it took.
     */
    static long seedBacklog(Stores stores, String region, int orders, int perTransaction) {
        PoolId poolId = PoolId.of(region, ACCELERATOR);
        TenantId tenant = TenantId.of(TENANT);
        long start = System.nanoTime();
        for (int done = 0; done < orders; done += perTransaction) {
            int from = done;
            int to = Math.min(orders, done + perTransaction);
            stores.unitOfWork().inTransaction(() -> {
                Instant now = Instant.now();
                GpuPool pool = stores.pools().lock(poolId).orElseThrow();
                for (int n = from; n < to; n++) {
                    pool.submit(OrderId.of(TimeOrderedIds.next("o-", now)), tenant,
                            WorkloadClass.valueOf(TIERS[n % TIERS.length]), 1, now, null, stores.orders());
                }
                stores.pools().update(pool);
                stores.events().append(pool.pullEvents(), ACTOR, now);
                return null;
            });
        }
        return System.nanoTime() - start;
    }

    /** An operator token, for the HTTP API. */
    static String operatorToken(ApplicationServices services) {
        return services.access().create(ACTOR, new ManageTokens.Command("bench-operator", "OPERATOR", null)).secret();
    }
}
