package io.fleetplan.bootstrap.bench;

import io.fleetplan.domain.planning.BacklogSolver;
import io.fleetplan.domain.planning.Baseline;
import io.fleetplan.domain.planning.CapacityPlan;
import io.fleetplan.domain.planning.CapacityPlanner;
import io.fleetplan.domain.planning.Relaxation;
import io.fleetplan.domain.planning.Scenario;
import io.fleetplan.domain.planning.SolverResult;
import io.fleetplan.domain.planning.YoyGrowth;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.SkuId;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Issue 5: the projection and the capex solver on synthetic fleets of growing size, built directly
 * from the planning domain's types. Each figure is the median of a few warm runs after warm-up.
 */
final class PlanningSuite {
    /** A fleet size: data centres spread over {@code regions}, each hosting one SKU of each of {@code types}. */
    record Size(int dataCenters, int regions, int types, int quarters) {
        int pools() {
            return regions * types;
        }

        int lanes() {
            return dataCenters * types;
        }
    }

    static final List<Size> FULL = List.of(new Size(10, 1, 4, 8), new Size(100, 5, 4, 20), new Size(1_000, 5, 4, 40));
    static final List<Size> QUICK = List.of(new Size(10, 1, 4, 8), new Size(30, 5, 4, 12), new Size(100, 5, 4, 20));

    private static final Quarter START = Quarter.parse("2026Q1");
    /** Capex spent before the plan starts, in USD. */
    private static final long SPENT = 16_800_000_000L;

    private final BenchOptions options;
    private final PrintStream log;

    PlanningSuite(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    List<Table> run() {
        Table table = new Table("Planning: projection and capex solver by fleet size (planning)",
                "data centres", "pools", "quarters", "lanes (site x SKU)", "projection ms", "projection CPU ms",
                "solver ms", "solver CPU ms", "solver answer");
        int warmups = options.quick() ? 1 : 5;
        int runs = options.quick() ? 3 : 7;
        int solverWarmups = 1;
        int solverRuns = options.quick() ? 1 : 3;
        // a fresh JVM grows its heap (and faults its pages in) over the first seconds of this much
        // allocation: the figures are taken once that has settled
        long warmupNanos = options.quick() ? 0 : 3_000_000_000L;
        CapacityPlanner planner = new CapacityPlanner();
        BacklogSolver solver = new BacklogSolver();
        for (Size size : options.quick() ? QUICK : FULL) {
            Baseline baseline = baseline(size);
            Scenario scenario = scenario(size);
            Quarter clearBy = START.plus(size.quarters() / 2);
            Timing projection = time(warmups, warmupNanos, runs, () -> planner.project(baseline, scenario));
            SolverResult[] answer = new SolverResult[1];
            Timing solve = time(solverWarmups, warmupNanos, solverRuns,
                    () -> answer[0] = solver.leastExtraCapex(baseline, scenario, clearBy));
            table.row(String.format(Locale.ROOT, "%,d", size.dataCenters()), size.pools(), size.quarters(),
                    String.format(Locale.ROOT, "%,d", size.lanes()), Table.millis(projection.wall()),
                    Table.millis(projection.cpu()), Table.millis(solve.wall()), Table.millis(solve.cpu()),
                    describe(answer[0]));
            log.printf(Locale.ROOT, "  planning %d DCs x %d pools x %d quarters: projection %s ms (CPU %s ms),"
                            + " solver %s ms (CPU %s ms)%n", size.dataCenters(), size.pools(), size.quarters(),
                    Table.millis(projection.wall()), Table.millis(projection.cpu()), Table.millis(solve.wall()),
                    Table.millis(solve.cpu()));
        }
        table.note("Synthetic fleet: data centres spread evenly over the regions, each hosting one 8-GPU SKU of every"
                + " accelerator type (pools = regions x types), with servers in service, in the warehouse and in"
                + " the pipeline; demand 30% above capacity growing 34% a year; capital left to spend worth a quarter of"
                + " the servers in service (so capital binds); power (100-149 times the load in use) and"
                + " throughput (200-299 servers a week a site) ample enough that extra capex alone can clear the"
                + " backlog, so the solver runs its whole bisection; purchase lead time 2 quarters.");
        table.note("Solver: least extra capex to clear the backlog by the middle of the horizon (a bisection of"
                + " projections). Medians of " + runs + " projections and " + solverRuns + " solver runs after"
                + " warm-up (" + warmups + " projections and " + solverWarmups + " solver run at least, and "
                + warmupNanos / 1_000_000_000L + " s at least, for each size). CPU ms: the measuring thread's CPU"
                + " time, which moves far less with the machine's load than wall time (garbage collection on other"
                + " threads is not in it). Goals (issue 5): largest projection <= 250 ms, solver <= 5 s.");
        return List.of(table);
    }

    private static String describe(SolverResult result) {
        if (result instanceof SolverResult.Cleared cleared) {
            return "cleared by " + cleared.clearBy() + " with " + (cleared.relaxation() instanceof
                    Relaxation.ExtraCapex extra ? "+" + String.format(Locale.ROOT, "%,.0f", extra.amount().amount())
                    + " " + extra.amount().currency().getCurrencyCode() + " capex" : cleared.relaxation().toString());
        }
        SolverResult.NotClearable blocked = (SolverResult.NotClearable) result;
        return "not clearable by capex: " + blocked.blockedBy() + " binds in " + blocked.at();
    }

    /** Median wall-clock and median CPU nanoseconds of some runs of a piece of work. */
    record Timing(long wall, long cpu) {
    }

    /**
     * Median wall-clock and thread CPU nanoseconds of {@code runs} runs after unmeasured ones: at least
     * {@code warmups}, and for at least {@code warmupNanos}.
     */
    static Timing time(int warmups, long warmupNanos, int runs, Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object sink = null;
        long warmUntil = System.nanoTime() + warmupNanos;
        for (int i = 0; i < warmups || System.nanoTime() - warmUntil < 0; i++) {
            sink = work.get();
        }
        long[] times = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink = work.get();
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        if (sink == null) {
            throw new IllegalStateException("the planning work returned nothing");
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        return new Timing(times[runs / 2], cpu[runs / 2]);
    }

    static Baseline baseline(Size size) {
        List<Baseline.Site> sites = new ArrayList<>();
        long[] poolServers = new long[size.pools()];
        long totalServers = 0;
        for (int d = 0; d < size.dataCenters(); d++) {
            int region = d % size.regions();
            List<Baseline.Stock> stocks = new ArrayList<>();
            long siteServers = 0;
            for (int t = 0; t < size.types(); t++) {
                long inService = 100 + (d * 37L + t * 11L) % 200;
                long inventory = (d + t) % 30;
                List<Baseline.Delivery> pipeline = List.of(new Baseline.Delivery(START.plus(1), 20 + t),
                        new Baseline.Delivery(START.plus(3), 40));
                stocks.add(new Baseline.Stock(SkuId.of("sku-g" + t), AcceleratorTypeId.of("G" + t), 8,
                        Power.ofKilowatts(10), Money.of("300000", "USD"), inService, inventory, pipeline));
                siteServers += inService;
                totalServers += inService;
                poolServers[region * size.types() + t] += inService;
            }
            long inUseKw = siteServers * 10;
            long capacityKw = inUseKw * (100 + d % 50);
            sites.add(new Baseline.Site(DataCenterId.of(String.format(Locale.ROOT, "dc-%04d", d)),
                    RegionId.of("pl-r" + region), Power.ofKilowatts(capacityKw), Power.ofKilowatts(inUseKw),
                    200 + d % 100, stocks));
        }
        List<Baseline.PoolLevel> demand = new ArrayList<>();
        for (int r = 0; r < size.regions(); r++) {
            for (int t = 0; t < size.types(); t++) {
                long gpus = poolServers[r * size.types() + t] * 8;
                demand.add(new Baseline.PoolLevel(new PoolId(RegionId.of("pl-r" + r), AcceleratorTypeId.of("G" + t)),
                        gpus * 8 / 10, gpus / 2));
            }
        }
        long remaining = totalServers * 300_000L / 4;
        return new Baseline(START, sites, demand, Baseline.Capital.of(
                Money.of(String.valueOf(remaining + SPENT), "USD"), Money.of(String.valueOf(SPENT), "USD")));
    }

    static Scenario scenario(Size size) {
        return Scenario.builder("bench growth 34%", START, size.quarters()).growth(YoyGrowth.of("0.34")).leadTime(2)
                .build();
    }

    /** A plan, for the smoke test to check the synthetic fleet really has a backlog to clear. */
    static CapacityPlan plan(Size size) {
        return new CapacityPlanner().project(baseline(size), scenario(size));
    }
}
