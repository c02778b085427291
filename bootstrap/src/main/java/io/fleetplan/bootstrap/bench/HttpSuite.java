package io.fleetplan.bootstrap.bench;

import io.fleetplan.adapters.http.Endpoints;
import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
import io.fleetplan.adapters.jooq.DatabaseStores;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4: order submissions over HTTP. A server is started in this process on a free loopback port
 * over a fresh H2 database (or, with {@code --store memory}, the in-memory store, to see the HTTP
 * layer's own cost), or with {@code --url} and {@code --token} a running server is driven where it
 * is, on the pools it has; either way by 1, 8 and 32 concurrent clients, each sending its next order as
 * soon as the previous one is answered. A client is a thread with a {@link KeepAliveClient}: one
 * keep-alive connection on a raw socket, so that generating the load takes as little as possible of
 * the cores the server runs on.
 */
final class HttpSuite {
    static final int[] CLIENTS = {1, 8, 32};
    /** The tenant the orders sent to a running server (--url) are for. */
    static final String REMOTE_TENANT = "bench-load";
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
        if (options.url().isPresent()) {
            Target target = remote(options.url().get(), options.token().orElseThrow(() ->
                    new IllegalArgumentException("--url needs --token (an operator's or admin's bearer token)")));
            log.println("http: the server at " + options.url().get() + ", " + target.pools().size() + " pools");
            measure(target, table, warmup, false);
            table.note("The server at " + options.url().get() + ", a process of its own; the"
                    + " load runs in this one. Each POST /api/v1/orders asks for 8 GPUs of one of the server's "
                    + target.pools().size() + " pools (round robin) for tenant " + REMOTE_TENANT + ", with the given"
                    + " token; 201 with the order ALLOCATED or PENDING counts, anything else is an error. The"
                    + " orders stay on that server.");
            table.note("CPU ms/order: n/a, the server's CPU is another process's.");
        } else {
            inProcess(table, warmup);
        }
        table.note("Each client is a thread with its own keep-alive connection, a raw socket client (requests"
                + " written as bytes, responses read by status line and Content-Length), not a general HTTP client.");
        table.note("Before the figures above the server takes " + Table.seconds(options.jitWarmupMillis() * 1_000_000L)
                + " s of load at " + CLIENTS[CLIENTS.length - 1] + " clients (--jit-warmup-ms), not counted: the"
                + " figures are of a server that has run a while, with its hot paths compiled. The next table shows"
                + " that first load window by window.");
        table.note("Goal (issue 4): >= 3,000 orders/s at 32 clients with p99 <= 50 ms.");
        warmup.note("A server just started runs its code interpreted, then compiled; on two cores the compiler"
                + " threads share the cores with the load, so the rate climbs for tens of seconds.");
        return warmup.rows().isEmpty() ? List.of(table) : List.of(table, warmup);
    }

    /** A server started in this process over a fresh H2 database or the in-memory store, with pools of ample capacity. */
    private void inProcess(Table table, Table warmup) throws Exception {
        boolean memory = options.httpStore().equals("memory");
        Path dir = Files.createTempDirectory("fleetplan-bench-http-");
        log.println(memory ? "http: memory store" : "http: H2 in " + dir);
        try (DatabaseStores db = memory ? null : DatabaseStores.h2(dir)) {
            Stores stores = memory ? InMemoryStores.create() : db.stores();
            ApplicationServices services = BenchFleet.services(stores);
            BenchFleet fleet = BenchFleet.build(services, "bx", options.spreadPools(), 80_000_000L);
            List<Pool> pools = fleet.regions().stream().map(region -> new Pool(region, BenchFleet.ACCELERATOR))
                    .toList();
            String token = BenchFleet.operatorToken(services);
            HttpApi api = new HttpApi(endpoints(services), HttpSettings.defaults());
            api.start("127.0.0.1", 0);
            try {
                measure(new Target("127.0.0.1", api.port(), token, pools, BenchFleet.TENANT, Set.of("\"ALLOCATED\"")),
                        table, warmup, true);
            } finally {
                api.stop();
            }
        } finally {
            Bench.deleteTree(dir);
        }
        table.note("Server and clients share this JVM and machine. Store: " + (memory
                ? "the in-memory store (the HTTP layer's own cost)." : "a fresh crash-safe H2 file database.")
                + " Each POST /api/v1/orders asks for 8 GPUs of one of " + options.spreadPools() + " pools (round"
                + " robin) with ample capacity, with an operator token; anything but 201 ALLOCATED counts as an error.");
        table.note("CPU ms/order: CPU time of the whole process (server and clients, which share it) over the"
                + " warm-up and the window, per order sent; a loaded machine distorts it far less than the rates.");
    }

    /** The warm-up, then each level of clients, into the two tables. */
    private void measure(Target target, Table table, Table warmup, boolean serverInThisProcess) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        AtomicLong sequence = new AtomicLong();
        int most = CLIENTS[CLIENTS.length - 1];
        long warmedFor = 0;
        while (warmedFor < options.jitWarmupMillis()) {
            long window = Math.min(WARMUP_WINDOW_MILLIS, options.jitWarmupMillis() - warmedFor);
            Load.Result result = submissions(target, sequence, most, 0, window, 0);
            warmedFor += window;
            warmup.row(Table.seconds(warmedFor * 1_000_000L), Table.rate(result.perSecond()),
                    Table.millis(result.percentile(99)), result.errors());
            log.printf(Locale.ROOT, "  http warm-up at %d clients, %s s: %s orders/s%n", most,
                    Table.seconds(warmedFor * 1_000_000L), Table.rate(result.perSecond()));
            logFirstError(result);
        }
        for (int clients : CLIENTS) {
            long cpuBefore = os.getProcessCpuTime();
            long sentBefore = sequence.get();
            Load.Result result = submissions(target, sequence, clients, options.warmupMillis(),
                    options.measureMillis(), options.minOperations(clients));
            long sent = sequence.get() - sentBefore;
            long cpuPerOrder = sent == 0 ? 0 : (os.getProcessCpuTime() - cpuBefore) / sent;
            String cpu = serverInThisProcess ? Table.millis(cpuPerOrder) : "n/a";
            String cpuLogged = serverInThisProcess ? cpu + " ms/order" : "n/a (another process)";
            table.row(clients, Table.rate(result.perSecond()), Table.millis(result.percentile(50)),
                    Table.millis(result.percentile(99)), cpu, result.errors());
            log.printf(Locale.ROOT, "  http %d clients: %s orders/s, p99 %s ms, CPU %s%n", clients,
                    Table.rate(result.perSecond()), Table.millis(result.percentile(99)), cpuLogged);
            logFirstError(result);
        }
    }

    private void logFirstError(Load.Result result) {
        if (result.firstError() != null) {
            log.println("    first error: " + result.firstError());
        }
    }

    /** A pool orders are submitted to. */
    record Pool(String region, String acceleratorType) {
    }

    /**
     * The server under load: where it listens, the bearer token, the pools to submit to round robin,
     * the tenant, and the order statuses (as JSON strings) that a 201 may carry.
     */
    record Target(String host, int port, String token, List<Pool> pools, String tenant, Set<String> statuses) {
    }

    /** A running server at {@code url} (http://host:port), with the pools it lists to the token. */
    static Target remote(String url, String token) throws IOException, InterruptedException {
        URI base = URI.create(url);
        if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
            throw new IllegalArgumentException("--url is http://host:port, e.g. http://127.0.0.1:8080, not " + url);
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/pools")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalArgumentException("no Fleetplan server answers at " + url + " ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")");
        }
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException("GET " + base.resolve("/api/v1/pools") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        List<Pool> pools = new ArrayList<>();
        for (JsonNode pool : new ObjectMapper().readTree(response.body()).path("items")) {
            pools.add(new Pool(pool.path("region").asText(), pool.path("acceleratorType").asText()));
        }
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("the server at " + url + " has no GPU pools to submit orders to");
        }
        return new Target(base.getHost(), base.getPort(), token, List.copyOf(pools), REMOTE_TENANT,
                Set.of("\"ALLOCATED\"", "\"PENDING\""));
    }

    /**
     * {@code clients} keep-alive connections submitting orders of 8 GPUs back to back, round robin over
     * the target's pools, for a warm-up and a measured window; anything but a 201 with one of the
     * target's statuses is an error.
     */
    private static Load.Result submissions(Target target, AtomicLong sequence, int clients, long warmupMillis,
                                           long measureMillis, int minOperations) throws InterruptedException {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + target.token(),
                "Content-Type", "application/json");
        List<KeepAliveClient> connections = new ArrayList<>();
        try {
            return Load.run(clients, warmupMillis, measureMillis, minOperations, thread -> {
                KeepAliveClient client = new KeepAliveClient(target.host(), target.port(), "/api/v1/orders", headers);
                synchronized (connections) {
                    connections.add(client);
                }
                return () -> {
                    Pool pool = target.pools().get((int) (sequence.getAndIncrement() % target.pools().size()));
                    String body = "{\"region\":\"" + pool.region() + "\",\"acceleratorType\":\""
                            + pool.acceleratorType() + "\",\"tenant\":\"" + target.tenant()
                            + "\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":8}";
                    KeepAliveClient.Response response = client.post(body.getBytes(StandardCharsets.UTF_8));
                    if (response.status() != 201
                            || target.statuses().stream().noneMatch(response.body()::contains)) {
                        throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
                    }
                };
            });
        } finally {
            connections.forEach(KeepAliveClient::close);
        }
    }
}
