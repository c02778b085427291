package io.fleetplan.bootstrap;

import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.domain.shared.Actor;

import java.math.BigDecimal;

/**
 * A demo fleet modelled on the motivating case: orders in all three tiers outrun deployment,
 * hardware waits for power, and a 52 billion USD commitment has 16.8 billion spent over its first
 * four quarters.
 */
final class DemoData {
    static final String COMMITMENT = "capex-2025-2028";
    static final String AS_OF = "2026Q1";
    private static final Actor DEMO = new Actor("demo", "admin");

    private DemoData() {
    }

    static void load(Fleetplan f) {
        RegisterAcceleratorType types = f.get(RegisterAcceleratorType.class);
        types.register(DEMO, new RegisterAcceleratorType.Command("H20", "NVIDIA", 96));
        types.register(DEMO, new RegisterAcceleratorType.Command("PPU", "T-Head", 96));
        RegisterRegion regions = f.get(RegisterRegion.class);
        regions.register(DEMO, new RegisterRegion.Command("cn-hangzhou", "China (Hangzhou)"));
        regions.register(DEMO, new RegisterRegion.Command("cn-beijing", "China (Beijing)"));
        regions.register(DEMO, new RegisterRegion.Command("ap-southeast-1", "Singapore"));
        RegisterDataCenter dcs = f.get(RegisterDataCenter.class);
        dcs.register(DEMO, new RegisterDataCenter.Command("hz-a", "cn-hangzhou", "Hangzhou A", new BigDecimal("60000"), 120));
        dcs.register(DEMO, new RegisterDataCenter.Command("bj-a", "cn-beijing", "Beijing A", new BigDecimal("40000"), 80));
        dcs.register(DEMO, new RegisterDataCenter.Command("sg-a", "ap-southeast-1", "Singapore A", new BigDecimal("20000"), 40));
        RegisterServerSku skus = f.get(RegisterServerSku.class);
        skus.register(DEMO, new RegisterServerSku.Command("h20-8", "HGX H20 8-GPU", "H20", 8, new BigDecimal("10.2"),
                new BigDecimal("180000"), "USD"));
        skus.register(DEMO, new RegisterServerSku.Command("ppu-16", "PPU 16-card", "PPU", 16, new BigDecimal("12.5"),
                new BigDecimal("220000"), "USD"));
        batch(f, "hz-h20-1", "h20-8", "hz-a", 4000, 4000, 4000, 3600);
        batch(f, "hz-h20-2", "h20-8", "hz-a", 3000, 1800, 1700, 0);
        batch(f, "bj-ppu-1", "ppu-16", "bj-a", 2000, 2000, 1500, 1500);
        batch(f, "sg-h20-1", "h20-8", "sg-a", 1500, 1500, 1400, 1400);
        batch(f, "hz-ppu-1", "ppu-16", "hz-a", 1000, 0, 0, 0);
        SubmitOrder submit = f.get(SubmitOrder.class);
        int n = 0;
        for (String tier : new String[] {"INTERNAL_TRAINING", "MODEL_PLATFORM", "EXTERNAL_LEASE"}) {
            for (int i = 0; i < 12; i++) {
                String tenant = tier.equals("EXTERNAL_LEASE") ? "lessee-" + (i % 4) : tier.toLowerCase().replace('_', '-');
                submit.submit(DEMO, new SubmitOrder.Command(i % 3 == 2 ? "cn-beijing" : "cn-hangzhou",
                        i % 3 == 2 ? "PPU" : "H20", tenant, tier, 1024 + 256L * (i % 4), "demo-" + (++n)));
            }
        }
        f.get(CreateCommitment.class).create(DEMO, new CreateCommitment.Command(COMMITMENT,
                "Three-year AI infrastructure programme", new BigDecimal("52000000000"), "USD", "2025Q2", "2028Q1"));
        RecordSpend spend = f.get(RecordSpend.class);
        String[][] quarters = {{"2025Q2", "3600000000"}, {"2025Q3", "4000000000"}, {"2025Q4", "4400000000"},
                {"2026Q1", "4800000000"}};
        for (String[] q : quarters) {
            spend.recordSpend(DEMO, new RecordSpend.Command(COMMITMENT, q[0], new BigDecimal(q[1]), "SERVERS", null,
                    "server purchases"));
        }
    }

    private static void batch(Fleetplan f, String id, String sku, String dc, long quantity, long delivered,
                              long installed, long activated) {
        f.get(OrderServerBatch.class).order(DEMO, new OrderServerBatch.Command(id, sku, dc, quantity, "2026Q2"));
        AdvancePipeline pipeline = f.get(AdvancePipeline.class);
        if (delivered > 0) {
            pipeline.advance(DEMO, new AdvancePipeline.Command(id, AdvancePipeline.Step.DELIVER, delivered, null));
        }
        if (installed > 0) {
            pipeline.advance(DEMO, new AdvancePipeline.Command(id, AdvancePipeline.Step.INSTALL, installed, null));
        }
        if (activated > 0) {
            pipeline.advance(DEMO, new AdvancePipeline.Command(id, AdvancePipeline.Step.ACTIVATE, activated, null));
        }
    }
}
