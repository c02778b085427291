package io.fleetplan.bootstrap.bench;

import io.fleetplan.adapters.jooq.DatabaseStores;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.in.fleet.AdvancePipeline;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Issue 3: order admissions per second through the application API on every store, one hot pool
 * and 100 pools, 1 and 8 threads, with p50/p99 per submission; beside each, the bare JDBC limit of
 * the same transaction on the same database; and the time one activation takes to drain a large
 * backlog.
 */
final class StoresSuite {
    static final int[] THREADS = {1, 8};
    /** Servers per pool: 80 million GPUs, more than any run submits. */
    private static final long SERVERS_PER_POOL = 10_000_000;

    private final BenchOptions options;
    private final PrintStream log;

    StoresSuite(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    List<Table> run() throws Exception {
        int spreadPools = options.spreadPools();
        Table admissions = new Table("Order admissions per second through the application API (stores)",
                "store", "pools", "threads", "Fleetplan orders/s", "p50 ms", "p99 ms", "CPU ms/order", "limit tx/s",
                "limit p50 ms", "limit p99 ms", "limit CPU ms/tx", "Fleetplan / limit",
                "limit on Fleetplan's tables tx/s", "Fleetplan / that", "errors");
        Table drain = new Table("Backlog drain on one activation (stores)",
                "store", "pending orders", "GPUs brought into service", "orders admitted", "still pending",
                "drain s", "backlog seeded in s");
        for (String store : options.stores()) {
            switch (store) {
                case "memory" -> memory(admissions, drain);
                case "h2" -> h2(admissions, drain);
                case "postgres" -> postgres(admissions, drain);
                default -> throw new IllegalArgumentException(store);
            }
        }
        admissions.note("Each order asks for 8 GPUs of pools with 80 million GPUs in service, so every order is"
                + " admitted (an order left pending counts as an error). " + spreadPools + " pools: each call picks the"
                + " next pool round robin.");
        admissions.note("Limit: the bare JDBC transaction of the same shape on scratch tables in the same database"
                + " (lock the pool row FOR UPDATE, update it, insert an order row, insert an event row, commit),"
                + " one connection per thread, no application code. H2 is the crash-safe file database"
                + " (WRITE_DELAY=0), as Fleetplan opens it. Each case of both limits runs right after"
                + " Fleetplan's same case, so that a ratio compares runs seconds apart.");
        admissions.note("Limit on Fleetplan's tables: the same bare transaction writing what an admission writes,"
                + " on Fleetplan's own tables, between its runs: the pool row, the order row (its key, idempotency,"
                + " queue and listing indexes) and two event rows (submitted, allocated; time and"
                + " subject indexes) numbered by the event counter row. The gap between the two limits is the"
                + " schema's; the gap between this one and Fleetplan's rate is the application's.");
        admissions.note("Before its first case each store takes " + Table.seconds(options.jitWarmupMillis() * 1_000_000L)
                + " s of load, not measured (--jit-warmup-ms): Fleetplan's admissions and, on a database, both"
                + " limits' transactions, a third each, 8 threads over the " + spreadPools + " pools; so every case"
                + " measures compiled code, as on a server that has run a while.");
        admissions.note("CPU ms: CPU time of the calling threads per operation (ThreadMXBean), which a loaded"
                + " machine inflates far less than wall-clock time. For H2 (embedded) it includes the database's"
                + " work; for PostgreSQL only the client's.");
        admissions.note("Goal (issue 3): Fleetplan >= 80% of the limit. Reference limit: H2 ~5,000/s hot,"
                + " ~10,500/s over 100 pools; PostgreSQL ~960/s hot, ~2,500/s over 100 pools (8 clients).");
        drain.note("One pool with the pending orders (1 GPU each, tiers in turn) and installed servers bringing the"
                + " GPUs; 'drain' is one AdvancePipeline ACTIVATE call, timed. Goal (issue 3): <= 2 s on H2.");
        drain.note("The backlog is seeded with the pool's own submission rule on the store's ports, 1,000"
                + " submissions to a transaction (SubmitOrder's code, batched), so that 100,000 orders take seconds.");
        return List.of(admissions, drain);
    }

    private void memory(Table admissions, Table drain) throws Exception {
        log.println("stores: memory");
        measureStore("memory", InMemoryStores.create(), null, admissions, drain);
    }

    private void h2(Table admissions, Table drain) throws Exception {
        Path dir = Files.createTempDirectory("fleetplan-bench-h2-");
        log.println("stores: h2 in " + dir);
        try (DatabaseStores db = DatabaseStores.h2(dir)) {
            // The same URL, so the limit's connections open the same database in this process.
            measureStore("h2", db.stores(), new Database(DatabaseStores.h2Url(dir), "sa", ""), admissions, drain);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private void postgres(Table admissions, Table drain) throws Exception {
        String given = options.jdbcUrl().orElseThrow();
        String name = "fleetplan_bench_" + System.currentTimeMillis();
        String url = withDatabase(given, name);
        log.println("stores: postgres, scratch database " + name + " beside " + given);
        try (Connection c = DriverManager.getConnection(given, options.jdbcUser(), options.jdbcPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            try (DatabaseStores db = DatabaseStores.postgres(url, options.jdbcUser(), options.jdbcPassword(), 10)) {
                measureStore("postgres", db.stores(), new Database(url, options.jdbcUser(), options.jdbcPassword()),
                        admissions, drain);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(given, options.jdbcUser(), options.jdbcPassword());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                log.println("could not drop the scratch database " + name + ": " + e.getMessage());
            }
        }
    }

    /** The database a store's limits connect to. */
    private record Database(String url, String user, String password) {
    }

    /** The URL with its database name replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("a PostgreSQL URL names its database: jdbc:postgresql://host:port/db");
        }
        return base.substring(0, slash + 1) + database + rest;
    }

    /**
     * Fleetplan's four cases on the store, each followed at once by the same case of both limits
     * when the store is a database, so that a ratio compares runs a few seconds apart (this
     * machine's speed drifts over minutes); then the drain.
     */
    private void measureStore(String store, Stores stores, Database database, Table admissions, Table drain)
            throws Exception {
        ApplicationServices services = BenchFleet.services(stores);
        BenchFleet fleet = BenchFleet.build(services, "bx", options.spreadPools(), SERVERS_PER_POOL * BenchFleet.GPUS_PER_SERVER);
        List<String> regions = List.copyOf(fleet.regions());
        Load.Result[][] results = new Load.Result[2][THREADS.length];
        Load.Result[][] limits = database == null ? null : new Load.Result[2][THREADS.length];
        Load.Result[][] onTables = database == null ? null : new Load.Result[2][THREADS.length];
        AtomicLong sequence = new AtomicLong();
        try (JdbcLimit scratch = database == null ? null
                     : new JdbcLimit(database.url(), database.user(), database.password(), options.spreadPools());
             JdbcLimit tables = database == null ? null
                     : JdbcLimit.onFleetplanTables(database.url(), database.user(), database.password(), regions)) {
            warmUp(store, services, regions, sequence, scratch, tables);
            for (int spread = 0; spread < 2; spread++) {
                for (int t = 0; t < THREADS.length; t++) {
                    boolean hot = spread == 0;
                    int threads = THREADS[t];
                    Load.Result result = Load.run(threads, options.warmupMillis(), options.measureMillis(),
                            options.minOperations(threads), submissions(services, regions, sequence, hot));
                    results[spread][t] = result;
                    report(store, "Fleetplan", hot, threads, result, "orders/s");
                    if (database != null) {
                        limits[spread][t] = limitRun(store, "limit", scratch, hot, threads);
                        onTables[spread][t] = limitRun(store, "limit on Fleetplan's tables", tables, hot, threads);
                    }
                }
            }
        }
        addRows(store, admissions, results, limits, onTables);
        drain(store, stores, services, fleet, drain);
    }

    /**
     * Load on the store before its first measured case, not measured: Fleetplan's admissions and, on a
     * database, both limits' transactions, each for a third of {@code --jit-warmup-ms}, at the larger
     * thread count over the spread pools, so that every case measures compiled code.
     */
    private void warmUp(String store, ApplicationServices services, List<String> regions, AtomicLong sequence,
                        JdbcLimit scratch, JdbcLimit tables) throws Exception {
        int threads = THREADS[THREADS.length - 1];
        long each = options.jitWarmupMillis() / (scratch == null ? 1 : 3);
        log.printf(Locale.ROOT, "  %s warm-up: %s s%n", store, Table.seconds(options.jitWarmupMillis() * 1_000_000L));
        List<Load.Result> runs = new ArrayList<>();
        runs.add(Load.run(threads, each, 0, 0, submissions(services, regions, sequence, false)));
        if (scratch != null) {
            runs.add(Load.run(threads, each, 0, 0, limitClients(scratch, false, threads)));
            runs.add(Load.run(threads, each, 0, 0, limitClients(tables, false, threads)));
        }
        runs.stream().map(Load.Result::firstError).filter(java.util.Objects::nonNull)
                .forEach(error -> log.println("    first error in the warm-up: " + error));
    }

    /** Threads submitting orders of 8 GPUs back to back, to the first pool or round robin over all. */
    private static IntFunction<Load.Operation> submissions(ApplicationServices services, List<String> regions,
                                                           AtomicLong sequence, boolean hot) {
        return thread -> () -> {
            long n = sequence.getAndIncrement();
            String region = hot ? regions.get(0) : regions.get((int) (n % regions.size()));
            OrderView order = services.orders().submit(BenchFleet.ACTOR,
                    BenchFleet.order(region, BenchFleet.GPUS_PER_SERVER, n));
            if (!"ALLOCATED".equals(order.status())) {
                throw new IllegalStateException("order " + order.id() + " was not admitted: " + order.status());
            }
        };
    }

    private Load.Result limitRun(String store, String name, JdbcLimit limit, boolean hot, int threads)
            throws Exception {
        Load.Result result = Load.run(threads, options.warmupMillis(), options.measureMillis(),
                options.minOperations(threads), limitClients(limit, hot, threads));
        report(store, name, hot, threads, result, "tx/s");
        return result;
    }

    /** One client of the limit per thread, on the first pool or round robin over the spread pools. */
    private IntFunction<Load.Operation> limitClients(JdbcLimit limit, boolean hot, int threads) throws Exception {
        AtomicLong sequence = new AtomicLong();
        Load.Operation[] clients = new Load.Operation[threads];
        for (int i = 0; i < threads; i++) {
            clients[i] = limit.client(call -> hot ? 0 : sequence.getAndIncrement() % options.spreadPools());
        }
        return thread -> clients[thread];
    }

    private void report(String store, String name, boolean hot, int threads, Load.Result result, String unit) {
        log.printf(Locale.ROOT, "  %s %s %s %d threads: %s %s%n", store, name,
                hot ? "hot pool" : options.spreadPools() + " pools", threads, Table.rate(result.perSecond()), unit);
        if (result.firstError() != null) {
            log.println("    first error: " + result.firstError());
        }
    }

    private void addRows(String store, Table admissions, Load.Result[][] ours, Load.Result[][] limits,
                         Load.Result[][] onTables) {
        for (int spread = 0; spread < 2; spread++) {
            for (int t = 0; t < THREADS.length; t++) {
                Load.Result f = ours[spread][t];
                Load.Result l = limits == null ? null : limits[spread][t];
                Load.Result tl = onTables == null ? null : onTables[spread][t];
                admissions.row(store, spread == 0 ? "1 (hot)" : String.valueOf(options.spreadPools()), THREADS[t],
                        Table.rate(f.perSecond()), Table.millis(f.percentile(50)), Table.millis(f.percentile(99)),
                        Table.millis(f.cpuPerOperation()),
                        l == null ? "n/a" : Table.rate(l.perSecond()),
                        l == null ? "n/a" : Table.millis(l.percentile(50)),
                        l == null ? "n/a" : Table.millis(l.percentile(99)),
                        l == null ? "n/a" : Table.millis(l.cpuPerOperation()),
                        ratio(f, l), tl == null ? "n/a" : Table.rate(tl.perSecond()), ratio(f, tl),
                        f.errors() + (l == null ? 0 : l.errors()) + (tl == null ? 0 : tl.errors()));
            }
        }
    }

    private static String ratio(Load.Result ours, Load.Result limit) {
        return limit == null || limit.operations() == 0 ? "n/a" : Table.percent(ours.perSecond() / limit.perSecond());
    }

    private void drain(String store, Stores stores, ApplicationServices services, BenchFleet fleet, Table drain) {
        int orders = options.drainOrders();
        long gpus = options.drainGpus();
        long servers = (gpus + BenchFleet.GPUS_PER_SERVER - 1) / BenchFleet.GPUS_PER_SERVER;
        String region = "bx-drain";
        String batch = fleet.addRegion(region, servers, false);
        long fill = BenchFleet.seedBacklog(stores, region, orders, 1_000);
        PoolView before = services.orders().pool(region, BenchFleet.ACCELERATOR);
        long pendingBefore = before.pendingOrders().values().stream().mapToLong(Long::longValue).sum();
        log.printf(Locale.ROOT, "  %s: %d orders pending, activating %d servers (%d GPUs)%n", store, pendingBefore,
                servers, servers * BenchFleet.GPUS_PER_SERVER);
        long start = System.nanoTime();
        services.fleet().advance(BenchFleet.ACTOR,
                new AdvancePipeline.Command(batch, AdvancePipeline.Step.ACTIVATE, servers, null));
        long took = System.nanoTime() - start;
        PoolView after = services.orders().pool(region, BenchFleet.ACCELERATOR);
        long pendingAfter = after.pendingOrders().values().stream().mapToLong(Long::longValue).sum();
        drain.row(store, String.format(Locale.ROOT, "%,d", pendingBefore),
                String.format(Locale.ROOT, "%,d", servers * BenchFleet.GPUS_PER_SERVER),
                String.format(Locale.ROOT, "%,d", pendingBefore - pendingAfter),
                String.format(Locale.ROOT, "%,d", pendingAfter), Table.seconds(took),
                Table.seconds(fill));
        log.printf(Locale.ROOT, "  %s drain: %s s%n", store, Table.seconds(took));
    }
}
