package io.fleetplan.application.contract;

import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.shared.Actor;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * A small fleet built through the application service API, for tests of every store: one region
 * with one data centre and an 8-GPU SKU, and helpers to bring servers into service.
 */
public final class Fleet {
    public static final Actor OPERATOR = new Actor("contract-test", "operator");
    public static final String REGION = "cn-hangzhou";
    public static final String ACCELERATOR = "H20";
    public static final String DATA_CENTER = "hz-a";
    public static final String SKU = "h20-8";
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final ApplicationServices services;
    private final Stores stores;
    private int batches;

    public Fleet(Stores stores, Clock clock) {
        this.stores = stores;
        this.services = new ApplicationServices(stores, clock, validator());
    }

    public Fleet(Stores stores) {
        this(stores, new TickingClock(Instant.parse("2026-01-05T00:00:00Z")));
    }

    public static Validator validator() {
        return VALIDATION.getValidator();
    }

    /** Registers the region, the accelerator type, the SKU (8 GPUs, 10 kW) and a data centre with room for 100,000 servers. */
    public Fleet standard() {
        services.fleet().register(OPERATOR, new RegisterAcceleratorType.Command(ACCELERATOR, "NVIDIA", 96));
        services.regions().register(OPERATOR, new RegisterRegion.Command(REGION, "Hangzhou"));
        services.regions().register(OPERATOR, new RegisterDataCenter.Command(DATA_CENTER, REGION, "Hangzhou A",
                new BigDecimal("1000000"), 500));
        services.fleet().register(OPERATOR, new RegisterServerSku.Command(SKU, "HGX H20 8-GPU", ACCELERATOR, 8,
                new BigDecimal("10"), new BigDecimal("250000"), "USD"));
        return this;
    }

    /** Orders, delivers and installs a batch of {@code servers}; returns its id. Nothing is in service yet. */
    public String installedBatch(long servers) {
        String id = "batch-" + (++batches);
        services.fleet().order(OPERATOR, new OrderServerBatch.Command(id, SKU, DATA_CENTER, servers, "2026Q1"));
        services.fleet().advance(OPERATOR, new AdvancePipeline.Command(id, AdvancePipeline.Step.DELIVER, servers, null));
        services.fleet().advance(OPERATOR, new AdvancePipeline.Command(id, AdvancePipeline.Step.INSTALL, servers, null));
        return id;
    }

    public void activate(String batch, long servers) {
        services.fleet().advance(OPERATOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.ACTIVATE, servers, null));
    }

    public void retire(String batch, long servers) {
        services.fleet().advance(OPERATOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.RETIRE, servers, null));
    }

    public SubmitOrder.Command order(String tenant, String tier, long gpus, String key) {
        return new SubmitOrder.Command(REGION, ACCELERATOR, tenant, tier, gpus, key);
    }

    public ApplicationServices services() {
        return services;
    }

    public Stores stores() {
        return stores;
    }
}
