package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.SkuId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Seeded random baselines and scenarios for the property tests: small, but with every feature in play. */
final class RandomPlans {
    static final Quarter START = Quarter.parse("2025Q3");
    private static final String[] REGIONS = {"cn-hangzhou", "ap-southeast-1"};
    private static final String[] ACCELERATORS = {"H20", "H800", "PPU"};

    private final SplittableRandom random;
    final boolean noPowerHeadroom;

    RandomPlans(long seed) {
        this(seed, false);
    }

    RandomPlans(long seed, boolean noPowerHeadroom) {
        this.random = new SplittableRandom(seed);
        this.noPowerHeadroom = noPowerHeadroom;
    }

    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    long between(long lo, long hi) {
        return random.nextLong(lo, hi + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    Baseline baseline(int horizon) {
        int siteCount = between(1, 5);
        List<Baseline.Site> sites = new ArrayList<>();
        Set<PoolId> pools = new LinkedHashSet<>();
        for (int s = 0; s < siteCount; s++) {
            RegionId region = RegionId.of(REGIONS[between(0, REGIONS.length - 1)]);
            List<Baseline.Stock> stocks = new ArrayList<>();
            int skuCount = between(1, 3);
            for (int k = 0; k < skuCount; k++) {
                AcceleratorTypeId accelerator = AcceleratorTypeId.of(ACCELERATORS[between(0, ACCELERATORS.length - 1)]);
                pools.add(new PoolId(region, accelerator));
                List<Baseline.Delivery> pipeline = new ArrayList<>();
                for (int d = between(0, 2); d > 0; d--) {
                    pipeline.add(new Baseline.Delivery(START.plus(between(-1, horizon)), between(1L, 30L)));
                }
                stocks.add(new Baseline.Stock(SkuId.of("sku-" + k), accelerator, between(1, 8),
                        Power.ofKilowatts(between(1L, 20L)), Money.of(String.valueOf(between(50L, 500L)), "USD"),
                        between(0L, 40L), between(0L, 30L), pipeline));
            }
            long capacityKw = between(50L, 2000L);
            long inUseKw = noPowerHeadroom ? capacityKw + between(0L, 10L) : between(0L, capacityKw);
            sites.add(new Baseline.Site(DataCenterId.of("dc-" + s), region, Power.ofKilowatts(capacityKw),
                    Power.ofKilowatts(inUseKw), between(0L, 20L), stocks));
        }
        List<Baseline.PoolLevel> demand = new ArrayList<>();
        for (PoolId pool : pools) {
            if (noPowerHeadroom || chance(90)) {
                demand.add(new Baseline.PoolLevel(pool, between(0L, 400L), between(noPowerHeadroom ? 2000L : 0L, 3000L)));
            }
        }
        long commitment = between(0L, 60_000L);
        long spent = between(0L, commitment);
        List<Baseline.Tranche> tranches = new ArrayList<>();
        if (chance(30)) {
            for (int t = between(1, 4); t > 0; t--) {
                tranches.add(new Baseline.Tranche(START.plus(between(-1, horizon)), usd(between(0L, 20_000L))));
            }
        }
        return new Baseline(START, sites, demand, new Baseline.Capital(usd(commitment), usd(spent), tranches));
    }

    Scenario scenario(Baseline baseline, int horizon) {
        Scenario.Builder builder = Scenario.builder("random", START, horizon)
                .growth(new YoyGrowth(BigDecimal.valueOf(between(noPowerHeadroom ? 0 : -30, 90), 2)))
                .leadTime(between(0, 3))
                .usefulLife(between(1, 6));
        for (Baseline.PoolLevel level : baseline.demand()) {
            if (!noPowerHeadroom && chance(25)) {
                List<Long> series = new ArrayList<>();
                for (int i = between(1, horizon); i > 0; i--) {
                    series.add(between(0L, 3000L));
                }
                builder.pool(new Scenario.PoolDemand(level.pool(),
                        new Scenario.DemandPath.Growth(new YoyGrowth(BigDecimal.valueOf(between(0, 60), 2))),
                        new Scenario.DemandPath.Series(series)));
            }
        }
        for (int i = between(0, 2); i > 0; i--) {
            builder.capex(chance(50) ? Scenario.CapexChange.addition(quarter(horizon), usd(between(-5_000L, 30_000L)))
                    : Scenario.CapexChange.newTotal(quarter(horizon), usd(between(0L, 80_000L))));
        }
        for (int i = between(0, 2); i > 0; i--) {
            DataCenterId site = site(baseline);
            builder.throughput(chance(50)
                    ? Scenario.ThroughputChange.multiply(site, quarter(horizon), BigDecimal.valueOf(between(0, 300), 2))
                    : Scenario.ThroughputChange.set(site, quarter(horizon), between(0L, 25L)));
        }
        if (!noPowerHeadroom) {
            for (int i = between(0, 2); i > 0; i--) {
                builder.power(new Scenario.PowerAddition(site(baseline), quarter(horizon),
                        Power.ofKilowatts(between(0L, 500L))));
            }
        }
        return builder.build();
    }

    Quarter quarter(int horizon) {
        return START.plus(between(0, horizon - 1));
    }

    DataCenterId site(Baseline baseline) {
        return baseline.dataCenters().get(between(0, baseline.dataCenters().size() - 1)).id();
    }

    static Money usd(long amount) {
        return Money.of(String.valueOf(amount), "USD");
    }
}
