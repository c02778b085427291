package io.fleetplan.adapters.cli;

import io.fleetplan.application.port.in.capex.AddTranche;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.SetReservation;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.Quarter;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * The demo fleet, modelled on the motivating case: a cloud growing 34% a year whose customers
 * order GPUs faster than it can deploy servers. Five regions, sites limited by power and by
 * deployment crews, three accelerator types, batches at every pipeline stage (some delivered and
 * waiting for power), orders in all three tiers with a real backlog, and a 52 billion USD
 * three-year commitment with 16.8 billion spent over the last four completed quarters.
 */
public final class DemoData {
    public static final String COMMITMENT = "capex-programme";
    private static final Actor DEMO = new Actor("demo", "admin");

    private DemoData() {
    }

    /** Loads the demo unless the store already holds regions. Returns whether it loaded. */
    public static boolean loadOnce(CliRuntime.Session s, Clock clock) {
        if (!s.get(RegionQueries.class).regions().isEmpty()) {
            return false;
        }
        load(s, clock);
        return true;
    }

    static void load(CliRuntime.Session s, Clock clock) {
        RegisterAcceleratorType types = s.get(RegisterAcceleratorType.class);
        types.register(DEMO, new RegisterAcceleratorType.Command("H20", "NVIDIA", 96));
        types.register(DEMO, new RegisterAcceleratorType.Command("H800", "NVIDIA", 80));
        types.register(DEMO, new RegisterAcceleratorType.Command("PPU", "T-Head", 96));

        RegisterRegion regions = s.get(RegisterRegion.class);
        String[][] regionRows = {{"cn-hangzhou", "China (Hangzhou)"}, {"cn-beijing", "China (Beijing)"},
                {"cn-shanghai", "China (Shanghai)"}, {"cn-shenzhen", "China (Shenzhen)"},
                {"ap-southeast-1", "Singapore"}};
        for (String[] r : regionRows) {
            regions.register(DEMO, new RegisterRegion.Command(r[0], r[1]));
        }

        RegisterDataCenter dcs = s.get(RegisterDataCenter.class);
        Object[][] sites = {
                {"hz-a", "cn-hangzhou", "Hangzhou Renhe", "90000", 90},
                {"hz-b", "cn-hangzhou", "Hangzhou Xiaoshan", "40000", 60},
                {"bj-a", "cn-beijing", "Beijing Shunyi", "60000", 70},
                {"sh-a", "cn-shanghai", "Shanghai Lingang", "50000", 50},
                {"sz-a", "cn-shenzhen", "Shenzhen Qianhai", "30000", 40},
                {"sg-a", "ap-southeast-1", "Singapore Jurong", "25000", 30}};
        for (Object[] d : sites) {
            dcs.register(DEMO, new RegisterDataCenter.Command((String) d[0], (String) d[1], (String) d[2],
                    new BigDecimal((String) d[3]), (Integer) d[4]));
        }

        RegisterServerSku skus = s.get(RegisterServerSku.class);
        skus.register(DEMO, new RegisterServerSku.Command("h20-8", "HGX H20 8-GPU", "H20", 8, new BigDecimal("10.2"),
                new BigDecimal("180000"), "USD"));
        skus.register(DEMO, new RegisterServerSku.Command("h800-8", "HGX H800 8-GPU", "H800", 8,
                new BigDecimal("10.8"), new BigDecimal("260000"), "USD"));
        skus.register(DEMO, new RegisterServerSku.Command("ppu-16", "PPU 16-card", "PPU", 16, new BigDecimal("12.5"),
                new BigDecimal("220000"), "USD"));

        Quarter now = Quarter.current(clock);
        String next = now.next().toString();
        // batch, sku, site, quantity, delivered, installed, in service, retired
        Object[][] batches = {
                {"hz-h20-2024a", "h20-8", "hz-a", 5000, 5000, 5000, 5000, 200},
                {"hz-h20-2025a", "h20-8", "hz-a", 4000, 4000, 3400, 3000, 0},
                {"hz-h20-2026a", "h20-8", "hz-a", 3000, 1200, 0, 0, 0},
                {"hz-ppu-2026a", "ppu-16", "hz-b", 2000, 2000, 2000, 1600, 0},
                {"hz-ppu-2026b", "ppu-16", "hz-b", 1500, 900, 0, 0, 0},
                {"bj-h800-2025a", "h800-8", "bj-a", 4000, 4000, 4000, 3800, 0},
                {"bj-h20-2026a", "h20-8", "bj-a", 2500, 1500, 1000, 600, 0},
                {"sh-h20-2025a", "h20-8", "sh-a", 3500, 3500, 3500, 3500, 0},
                {"sh-ppu-2026a", "ppu-16", "sh-a", 1500, 600, 300, 0, 0},
                {"sz-h20-2026a", "h20-8", "sz-a", 2000, 2000, 1500, 1200, 0},
                {"sg-h800-2025a", "h800-8", "sg-a", 1500, 1500, 1500, 1400, 0},
                {"sg-h20-2026a", "h20-8", "sg-a", 1200, 0, 0, 0, 0}};
        OrderServerBatch order = s.get(OrderServerBatch.class);
        AdvancePipeline pipeline = s.get(AdvancePipeline.class);
        for (Object[] b : batches) {
            String id = (String) b[0];
            order.order(DEMO, new OrderServerBatch.Command(id, (String) b[1], (String) b[2], (Integer) b[3], next));
            step(pipeline, id, AdvancePipeline.Step.DELIVER, (Integer) b[4]);
            step(pipeline, id, AdvancePipeline.Step.INSTALL, (Integer) b[5]);
            step(pipeline, id, AdvancePipeline.Step.ACTIVATE, (Integer) b[6]);
            step(pipeline, id, AdvancePipeline.Step.RETIRE, (Integer) b[7]);
        }

        SetReservation reserve = s.get(SetReservation.class);
        reserve.reserve(DEMO, new SetReservation.Command("cn-hangzhou", "H20", "INTERNAL_TRAINING", 20000, null,
                "frontier model training run"));
        reserve.reserve(DEMO, new SetReservation.Command("cn-beijing", "H800", "MODEL_PLATFORM", 6000, null,
                "model platform inference floor"));

        SubmitOrder submit = s.get(SubmitOrder.class);
        String[][] pools = {{"cn-hangzhou", "H20"}, {"cn-hangzhou", "PPU"}, {"cn-beijing", "H800"},
                {"cn-beijing", "H20"}, {"cn-shanghai", "H20"}, {"cn-shenzhen", "H20"}, {"ap-southeast-1", "H800"},
                {"ap-southeast-1", "H20"}};
        String[] lessees = {"moonshot-lab", "zhipu-studio", "minimax-ai", "stepfun", "baichuan-works", "01-labs"};
        int n = 0;
        for (int round = 0; round < 6; round++) {
            for (String[] pool : pools) {
                n++;
                submit.submit(DEMO, new SubmitOrder.Command(pool[0], pool[1], "qwen-training", "INTERNAL_TRAINING",
                        4096L * (1 + (n % 3)), "demo-t-" + n));
                submit.submit(DEMO, new SubmitOrder.Command(pool[0], pool[1], "model-studio", "MODEL_PLATFORM",
                        2048L * (1 + (n % 4)), "demo-p-" + n));
                submit.submit(DEMO, new SubmitOrder.Command(pool[0], pool[1], lessees[n % lessees.length],
                        "EXTERNAL_LEASE", 1024L * (1 + (n % 8)), "demo-l-" + n));
            }
        }

        Quarter start = now.minus(4);
        s.get(CreateCommitment.class).create(DEMO, new CreateCommitment.Command(COMMITMENT,
                "Three-year AI infrastructure programme", new BigDecimal("52000000000"), "USD", start.toString(),
                start.plus(11).toString()));
        AddTranche tranche = s.get(AddTranche.class);
        for (int q = 0; q < 12; q++) {
            tranche.addTranche(DEMO, new AddTranche.Command(COMMITMENT, start.plus(q).toString(),
                    new BigDecimal("4333333333.33"), null));
        }
        RecordSpend spend = s.get(RecordSpend.class);
        String[] perQuarter = {"3600000000", "4000000000", "4400000000", "4800000000"};
        String[] categories = {"SERVERS", "DATA_CENTER", "NETWORK"};
        String[] shares = {"0.80", "0.15", "0.05"};
        for (int q = 0; q < 4; q++) {
            for (int c = 0; c < categories.length; c++) {
                spend.recordSpend(DEMO, new RecordSpend.Command(COMMITMENT, start.plus(q).toString(),
                        new BigDecimal(perQuarter[q]).multiply(new BigDecimal(shares[c])).setScale(2), categories[c],
                        null, "demo spend"));
            }
        }
    }

    private static void step(AdvancePipeline pipeline, String batch, AdvancePipeline.Step step, int servers) {
        if (servers > 0) {
            pipeline.advance(DEMO, new AdvancePipeline.Command(batch, step, servers, null));
        }
    }
}
