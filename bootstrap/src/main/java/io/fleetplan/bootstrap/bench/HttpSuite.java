package io.fleetplan.bootstrap.bench;

import io.fleetplan.adapters.http.Endpoints;
import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
import io.fleetplan.adapters.jooq.DatabaseStores;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.ApplicationServices;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4: order submissions over HTTP. A server is started in this process on a free loopback port
 * over a fresh H2 database (or, with {@code --store memory}, the in-memory store, to see the HTTP
 * layer's own cost), and driven with java.net.http by 1, 8 and 32 concurrent clients, each sending
 * its next order as soon as the previous one is answered.
 */
final class HttpSuite {
    static final int[] CLIENTS = {1, 8, 32};

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
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        boolean memory = options.httpStore().equals("memory");
        Path dir = Files.createTempDirectory("fleetplan-bench-http-");
        log.println(memory ? "http: memory store" : "http: H2 in " + dir);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "bench-http-client");
            thread.setDaemon(true);
            return thread;
        });
        try (DatabaseStores db = memory ? null : DatabaseStores.h2(dir)) {
            Stores stores = memory ? InMemoryStores.create() : db.stores();
            ApplicationServices services = BenchFleet.services(stores);
            BenchFleet fleet = BenchFleet.build(services, "bx", options.spreadPools(), 80_000_000L);
            List<String> regions = fleet.regions();
            String token = BenchFleet.operatorToken(services);
            HttpApi api = new HttpApi(endpoints(services), HttpSettings.defaults());
            api.start("127.0.0.1", 0);
            try {
                URI orders = URI.create("http://127.0.0.1:" + api.port() + "/api/v1/orders");
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
                AtomicLong sequence = new AtomicLong();
                for (int clients : CLIENTS) {
                    long cpuBefore = os.getProcessCpuTime();
                    long sentBefore = sequence.get();
                    Load.Result result = Load.run(clients, options.warmupMillis(), options.measureMillis(),
                            options.minOperations(clients),
                            thread -> () -> {
                                long n = sequence.getAndIncrement();
                                String body = String.format(Locale.ROOT, "{\"region\":\"%s\",\"acceleratorType\":\"%s\","
                                                + "\"tenant\":\"%s\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":8}",
                                        regions.get((int) (n % regions.size())), BenchFleet.ACCELERATOR,
                                        BenchFleet.TENANT);
                                HttpRequest request = HttpRequest.newBuilder(orders)
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .timeout(Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() != 201 || !response.body().contains("\"ALLOCATED\"")) {
                                    throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                                            + response.body());
                                }
                            });
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
            executor.shutdownNow();
            Bench.deleteTree(dir);
        }
        table.note("Server and clients share this JVM and machine. Store: " + (memory
                ? "the in-memory store (the HTTP layer's own cost)." : "a fresh crash-safe H2 file database.")
                + " Each POST /api/v1/orders asks for 8 GPUs of one of " + options.spreadPools() + " pools (round robin) with ample"
                + " capacity, with an operator token; anything but 201 ALLOCATED counts as an error.");
        table.note("CPU ms/order: CPU time of the whole process (server and clients, which share it) over the"
                + " warm-up and the window, per order sent; a loaded machine distorts it far less than the rates.");
        table.note("Goal (issue 4): >= 3,000 orders/s at 32 clients with p99 <= 50 ms.");
        return List.of(table);
    }
}
