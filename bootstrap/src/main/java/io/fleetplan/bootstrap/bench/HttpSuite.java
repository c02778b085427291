package io.fleetplan.bootstrap.bench;

import io.fleetplan.adapters.http.Endpoints;
import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
import io.fleetplan.adapters.jooq.DatabaseStores;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4: order submissions over HTTP. A server is started in this process on a free loopback port
 * over a fresh H2 database (or, with {@code --store memory}, the in-memory store, to see the HTTP
 * layer's own cost), and driven by 1, 8 and 32 concurrent clients, each sending its next order as
 * soon as the previous one is answered. A client is a thread with a {@link KeepAliveClient}: one
 * keep-alive connection on a raw socket, so that generating the load takes as little as possible of
 * the cores the server runs on.
 */
final class HttpSuite {
    static final int[] CLIENTS = {1, 8, 32};
    /** The server's warm-up is reported in windows of this length. */
    private static final long WARMUP_WINDOW_MILLIS = 5_000;

    private final BenchOptions options;
    private final PrintStream log;

    HttpSuite(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    static Endpoints endpoints(ApplicationServices s) {
        return new Endpoints(s.regions(), s.regions(), s.regions(), s.regions(), s.fleet(), s.fleet(), s.fleet(),
                s.fleet(), s.fleet(), s.orders(), s.orders(), s.orders(), s.orders(), s.orders(), s.orders(),
                s.capex(), s.capex(), s.capex(), s.capex(), s.capex(), s.events(), s.access(), s.planning(),
                s.planning());
    }

    List<Table> run() throws Exception {
        Table table = new Table("Order submissions over HTTP (http)", "clients", "orders/s", "p50 ms", "p99 ms",
                "CPU ms/order", "errors");
        Table warmup = new Table("The server's first load, before the figures above (http)",
                "seconds of load", "orders/s in the window ending then", "p99 ms", "errors");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        boolean memory = options.httpStore().equals("memory");
        Path dir = Files.createTempDirectory("fleetplan-bench-http-");
        log.println(memory ? "http: memory store" : "http: H2 in " + dir);
        try (DatabaseStores db = memory ? null : DatabaseStores.h2(dir)) {
            Stores stores = memory ? InMemoryStores.create() : db.stores();
            ApplicationServices services = BenchFleet.services(stores);
            BenchFleet fleet = BenchFleet.build(services, "bx", options.spreadPools(), 80_000_000L);
            List<String> regions = fleet.regions();
            String token = BenchFleet.operatorToken(services);
            HttpApi api = new HttpApi(endpoints(services), HttpSettings.defaults());
            api.start("127.0.0.1", 0);
            try {
                Map<String, String> headers = Map.of("Authorization", "Bearer " + token,
                        "Content-Type", "application/json");
                AtomicLong sequence = new AtomicLong();
                int most = CLIENTS[CLIENTS.length - 1];
                long warmedFor = 0;
                while (warmedFor < options.jitWarmupMillis()) {
                    long window = Math.min(WARMUP_WINDOW_MILLIS, options.jitWarmupMillis() - warmedFor);
                    Load.Result result = submissions(api.port(), headers, regions, sequence, most, 0, window, 0);
                    warmedFor += window;
                    warmup.row(Table.seconds(warmedFor * 1_000_000L), Table.rate(result.perSecond()),
                            Table.millis(result.percentile(99)), result.errors());
                    log.printf(Locale.ROOT, "  http warm-up at %d clients, %s s: %s orders/s%n", most,
                            Table.seconds(warmedFor * 1_000_000L), Table.rate(result.perSecond()));
                }
                for (int clients : CLIENTS) {
                    long cpuBefore = os.getProcessCpuTime();
                    long sentBefore = sequence.get();
                    Load.Result result = submissions(api.port(), headers, regions, sequence, clients,
                            options.warmupMillis(), options.measureMillis(), options.minOperations(clients));
                    long sent = sequence.get() - sentBefore;
                    long cpuPerOrder = sent == 0 ? 0 : (os.getProcessCpuTime() - cpuBefore) / sent;
                    table.row(clients, Table.rate(result.perSecond()), Table.millis(result.percentile(50)),
                            Table.millis(result.percentile(99)), Table.millis(cpuPerOrder), result.errors());
                    log.printf(Locale.ROOT, "  http %d clients: %s orders/s, p99 %s ms, CPU %s ms/order%n", clients,
                            Table.rate(result.perSecond()), Table.millis(result.percentile(99)),
                            Table.millis(cpuPerOrder));
                    if (result.firstError() != null) {
                        log.println("    first error: " + result.firstError());
                    }
                }
            } finally {
                api.stop();
            }
        } finally {
            Bench.deleteTree(dir);
        }
        table.note("Server and clients share this JVM and machine. Store: " + (memory
                ? "the in-memory store (the HTTP layer's own cost)." : "a fresh crash-safe H2 file database.")
                + " Each POST /api/v1/orders asks for 8 GPUs of one of " + options.spreadPools() + " pools (round robin) with ample"
                + " capacity, with an operator token; anything but 201 ALLOCATED counts as an error. Each client is a"
                + " thread with its own keep-alive connection, a raw socket client (requests written as bytes,"
                + " responses read by status line and Content-Length), not a general HTTP client.");
        table.note("CPU ms/order: CPU time of the whole process (server and clients, which share it) over the"
                + " warm-up and the window, per order sent; a loaded machine distorts it far less than the rates.");
        table.note("Before the figures above the server takes " + Table.seconds(options.jitWarmupMillis() * 1_000_000L)
                + " s of load at " + CLIENTS[CLIENTS.length - 1] + " clients (--jit-warmup-ms), not counted: the"
                + " figures are of a server that has run a while, with its hot paths compiled. The next table shows"
                + " that first load window by window.");
        table.note("Goal (issue 4): >= 3,000 orders/s at 32 clients with p99 <= 50 ms.");
        warmup.note("A server just started runs its code interpreted, then compiled; on two cores the compiler"
                + " threads share the cores with the load, so the rate climbs for tens of seconds.");
        return List.of(table, warmup);
    }

    /**
     * {@code clients} keep-alive connections submitting orders back to back, round robin over the
     * pools, for a warm-up and a measured window; anything but 201 ALLOCATED is an error.
     */
    private static Load.Result submissions(int port, Map<String, String> headers, List<String> regions,
                                           AtomicLong sequence, int clients, long warmupMillis, long measureMillis,
                                           int minOperations) throws InterruptedException {
        List<KeepAliveClient> connections = new ArrayList<>();
        try {
            return Load.run(clients, warmupMillis, measureMillis, minOperations, thread -> {
                KeepAliveClient client = new KeepAliveClient("127.0.0.1", port, "/api/v1/orders", headers);
                synchronized (connections) {
                    connections.add(client);
                }
                return () -> {
                    long n = sequence.getAndIncrement();
                    String body = "{\"region\":\"" + regions.get((int) (n % regions.size()))
                            + "\",\"acceleratorType\":\"" + BenchFleet.ACCELERATOR
                            + "\",\"tenant\":\"" + BenchFleet.TENANT
                            + "\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":8}";
                    KeepAliveClient.Response response = client.post(body.getBytes(StandardCharsets.UTF_8));
                    if (response.status() != 201 || !response.body().contains("\"ALLOCATED\"")) {
                        throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
                    }
                };
            });
        } finally {
            connections.forEach(KeepAliveClient::close);
        }
    }
}
