package io.fleetplan.adapters.cli;

import io.fleetplan.application.port.in.capex.AddTranche;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.fleet.OrderServerBatch;
import io.fleetplan.application.port.in.fleet.RegisterAcceleratorType;
import io.fleetplan.application.port.in.fleet.RegisterServerSku;
import io.fleetplan.application.port.in.gpu.SetReservation;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.in.planning.ManageScenarios;
import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegisterDataCenter;
import io.fleetplan.application.port.in.region.RegisterRegion;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.Quarter;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo fleet, modelled on the motivating case: a cloud growing 34% a year whose customers
 * order GPUs faster than it can deploy servers. Five regions, sites limited by power and by
 * deployment crews, three accelerator types, batches at every pipeline stage (some delivered and
 * waiting for power), orders in all three tiers with a real backlog, and a 52 billion USD
 * three-year commitment with 16.8 billion spent over the last four completed quarters.
 */
public final class DemoData {
    public static final String COMMITMENT = "capex-programme";
    public static final String PLAN_OF_RECORD = "plan of record";
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
                {"hz-a", "cn-hangzhou", "Hangzhou Renhe", "160000", 60},
                {"hz-b", "cn-hangzhou", "Hangzhou Xiaoshan", "60000", 30},
                {"bj-a", "cn-beijing", "Beijing Shunyi", "110000", 50},
                {"sh-a", "cn-shanghai", "Shanghai Lingang", "90000", 40},
                {"sz-a", "cn-shenzhen", "Shenzhen Qianhai", "40000", 20},
                {"sg-a", "ap-southeast-1", "Singapore Jurong", "40000", 20}};
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

        // Every pool is asked for about 1.3 times what it can serve (at least 4,096 GPUs where nothing
        // is in service yet): training first, then the model platform, then leases, in rounds.
        SubmitOrder submit = s.get(SubmitOrder.class);
        String[] lessees = {"moonshot-lab", "zhipu-studio", "minimax-ai", "stepfun", "baichuan-works", "01-labs"};
        String[][] tiers = {{"INTERNAL_TRAINING", "qwen-training", "45"}, {"MODEL_PLATFORM", "model-studio", "30"},
                {"EXTERNAL_LEASE", "", "25"}};
        int n = 0;
        for (PoolView pool : s.get(OrderQueries.class).pools()) {
            boolean hosted = pool.capacity() > 0 || batchesFeed(pool);
            if (!hosted) {
                continue;
            }
            long demand = Math.max(4096, pool.capacity() * 13 / 10);
            for (String[] tier : tiers) {
                long left = demand * Long.parseLong(tier[2]) / 100;
                while (left > 0) {
                    n++;
                    long gpus = Math.min(left, 512L * (1 + n % 8));
                    String tenant = tier[1].isEmpty() ? lessees[n % lessees.length] : tier[1];
                    submit.submit(DEMO, new SubmitOrder.Command(pool.region(), pool.acceleratorType(), tenant, tier[0],
                            gpus, "demo-" + n));
                    left -= gpus;
                }
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
        scenarios(s, now);
    }

    private static boolean batchesFeed(PoolView pool) {
        return HOSTED.contains(pool.region() + "/" + pool.acceleratorType());
    }

    /** The pools the demo's batches feed, in service or not yet. */
    private static final java.util.Set<String> HOSTED = java.util.Set.of("cn-hangzhou/H20", "cn-hangzhou/PPU",
            "cn-beijing/H800", "cn-beijing/H20", "cn-shanghai/H20", "cn-shanghai/PPU", "cn-shenzhen/H20",
            "ap-southeast-1/H800", "ap-southeast-1/H20");

    /** The plan of record and the two what-ifs planners ask first: more capital, or faster deployment. */
    static void scenarios(CliRuntime.Session s, Quarter now) {
        ManageScenarios scenarios = s.get(ManageScenarios.class);
        String from = now.next().toString();
        scenarios.save(DEMO, scenario(PLAN_OF_RECORD, List.of(), List.of()), null);
        scenarios.save(DEMO, scenario("raise capex to 70 billion", List.of(
                new ScenarioDefinition.CapexChangeDefinition(from, "NEW_TOTAL", new BigDecimal("70000000000"))),
                List.of()), null);
        List<ScenarioDefinition.ThroughputChangeDefinition> doubled = new ArrayList<>();
        for (String dc : new String[] {"hz-a", "hz-b", "bj-a", "sh-a", "sz-a", "sg-a"}) {
            doubled.add(new ScenarioDefinition.ThroughputChangeDefinition(dc, from, "MULTIPLY", new BigDecimal("2")));
        }
        scenarios.save(DEMO, scenario("double deployment throughput", List.of(), doubled), null);
    }

    private static ScenarioDefinition scenario(String name, List<ScenarioDefinition.CapexChangeDefinition> capex,
                                               List<ScenarioDefinition.ThroughputChangeDefinition> throughput) {
        return new ScenarioDefinition(name, 12, null, "Alibaba Cloud", COMMITMENT, List.of(), capex, throughput,
                List.of(), 2, null);
    }

    private static void step(AdvancePipeline pipeline, String batch, AdvancePipeline.Step step, int servers) {
        if (servers > 0) {
            pipeline.advance(DEMO, new AdvancePipeline.Command(batch, step, servers, null));
        }
    }
}
