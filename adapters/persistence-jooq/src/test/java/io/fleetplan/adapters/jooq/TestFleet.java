package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.Fleet;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.shared.Actor;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet for the database store's load tests, built through the application services: one region,
 * one data centre with ample power, and per accelerator type (H20, H800) an 8-GPU SKU and batches
 * of installed servers waiting to be activated.
 */
final class TestFleet {
    static final Actor OPERATOR = new Actor("store-test", "operator");
    static final String REGION = "cn-hangzhou";
    static final List<String> ACCELERATORS = List.of("H20", "H800");

    private TestFleet() {
    }

    static ApplicationServices services(Stores stores) {
        return new ApplicationServices(stores, Clock.systemUTC(), Fleet.validator());
    }

    /** Builds the fleet; returns the batch ids, {@code batchesPerType} per accelerator type, each of {@code servers}. */
    static List<String> build(ApplicationServices s, int batchesPerType, long servers) {
        s.regions().register(OPERATOR, new RegisterRegion.Command(REGION, "Hangzhou"));
        s.regions().register(OPERATOR, new RegisterDataCenter.Command("hz-a", REGION, "Hangzhou A",
                new BigDecimal("100000000"), 5000));
        List<String> batches = new ArrayList<>();
        for (String accelerator : ACCELERATORS) {
            s.fleet().register(OPERATOR, new RegisterAcceleratorType.Command(accelerator, "NVIDIA", 96));
            String sku = accelerator.toLowerCase() + "-8";
            s.fleet().register(OPERATOR, new RegisterServerSku.Command(sku, accelerator + " 8-GPU", accelerator, 8,
                    new BigDecimal("10"), new BigDecimal("250000"), "USD"));
            for (int i = 1; i <= batchesPerType; i++) {
                String id = "b-" + sku + "-" + i;
                s.fleet().order(OPERATOR, new OrderServerBatch.Command(id, sku, "hz-a", servers, "2026Q1"));
                s.fleet().advance(OPERATOR, new AdvancePipeline.Command(id, AdvancePipeline.Step.DELIVER, servers, null));
                s.fleet().advance(OPERATOR, new AdvancePipeline.Command(id, AdvancePipeline.Step.INSTALL, servers, null));
                batches.add(id);
            }
        }
        return batches;
    }

    static void activate(ApplicationServices s, String batch, long servers) {
        s.fleet().advance(OPERATOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.ACTIVATE, servers, null));
    }

    static void retire(ApplicationServices s, String batch, long servers) {
        s.fleet().advance(OPERATOR, new AdvancePipeline.Command(batch, AdvancePipeline.Step.RETIRE, servers, null));
    }
}
