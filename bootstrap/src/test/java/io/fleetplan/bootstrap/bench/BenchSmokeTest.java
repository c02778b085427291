package io.fleetplan.bootstrap.bench;

import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.service.ApplicationServices;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmark harness runs end to end in its quick mode and fills its tables: the expected rows,
 * with positive figures. No timing is asserted: the figures of a quick run on a build machine mean
 * nothing, only that they are measured.
 */
class BenchSmokeTest {

    @Test
    void storesSuiteMeasuresAdmissionsAgainstTheLimitAndTheDrainForMemoryAndH2() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Table> tables = Bench.run(new String[] {"stores", "--quick", "--stores", "memory,h2"},
                new PrintStream(printed, true, StandardCharsets.UTF_8), quietLog());

        assertThat(tables).hasSize(2);
        Table admissions = tables.get(0);
        assertThat(admissions.rows()).hasSize(8);
        assertThat(admissions.rows()).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .containsExactly("memory 1 (hot) 1", "memory 1 (hot) 8", "memory 10 1", "memory 10 8",
                        "h2 1 (hot) 1", "h2 1 (hot) 8", "h2 10 1", "h2 10 8");
        for (int row = 0; row < 8; row++) {
            assertPositive(admissions, row, "Fleetplan orders/s", "p50 ms", "p99 ms", "CPU ms/order");
            assertThat(admissions.cell(row, "errors")).isEqualTo("0");
        }
        for (int row = 0; row < 4; row++) {
            assertThat(admissions.cell(row, "limit tx/s")).isEqualTo("n/a");
            assertThat(admissions.cell(row, "limit on Fleetplan's tables tx/s")).isEqualTo("n/a");
        }
        for (int row = 4; row < 8; row++) {
            assertPositive(admissions, row, "limit tx/s", "limit p50 ms", "limit p99 ms", "limit CPU ms/tx");
            // a ratio, rounded to a whole percent: a quick run on a busy machine may round to 0%
            assertThat(admissions.cell(row, "Fleetplan / limit")).matches("\\d+%");
            assertPositive(admissions, row, "limit on Fleetplan's tables tx/s");
            assertThat(admissions.cell(row, "Fleetplan / that")).matches("\\d+%");
        }

        Table drain = tables.get(1);
        assertThat(drain.rows()).extracting(row -> row.get(0)).containsExactly("memory", "h2");
        for (int row = 0; row < 2; row++) {
            assertThat(drain.cell(row, "pending orders")).isEqualTo("2,000");
            assertThat(drain.cell(row, "orders admitted")).isEqualTo("1,000");
            assertThat(drain.cell(row, "still pending")).isEqualTo("1,000");
            assertPositive(drain, row, "drain s", "backlog seeded in s");
        }

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("### Order admissions per second through the application API (stores)",
                "Command: `java -cp bootstrap/target/fleetplan.jar io.fleetplan.bootstrap.bench.Bench stores --quick",
                "Machine: ", "| store | pools | threads |", "### Backlog drain on one activation (stores)");
    }

    @Test
    void planningSuiteTimesTheProjectionAndTheSolverAtThreeSizes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Table> tables = Bench.run(new String[] {"planning", "--quick"},
                new PrintStream(printed, true, StandardCharsets.UTF_8), quietLog());

        assertThat(tables).hasSize(1);
        Table planning = tables.get(0);
        assertThat(planning.rows()).extracting(row -> row.get(0) + " x " + row.get(1) + " x " + row.get(2))
                .containsExactly("10 x 4 x 8", "30 x 20 x 12", "100 x 20 x 20");
        for (int row = 0; row < 3; row++) {
            assertPositive(planning, row, "lanes (site x SKU)", "projection ms", "solver ms");
            assertThat(planning.cell(row, "solver answer")).startsWith("cleared by");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("### Planning: projection and capex solver by fleet size (planning)");
    }

    @Test
    void httpSuiteSubmitsOrdersOverKeptAliveConnectionsAtThreeConcurrencies() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Table> tables = Bench.run(new String[] {"http", "--quick", "--store", "memory", "--jit-warmup-ms", "7000"},
                new PrintStream(printed, true, StandardCharsets.UTF_8), quietLog());

        assertThat(tables).hasSize(2);
        Table http = tables.get(0);
        assertThat(http.rows()).extracting(row -> row.get(0)).containsExactly("1", "8", "32");
        for (int row = 0; row < 3; row++) {
            assertPositive(http, row, "orders/s", "p50 ms", "p99 ms", "CPU ms/order");
            assertThat(http.cell(row, "errors")).isEqualTo("0");
        }
        // 7 s of warm-up in windows of at most 5 s: 5, then the 2 s left.
        Table warmup = tables.get(1);
        assertThat(warmup.rows()).extracting(row -> row.get(0)).containsExactly("5.00", "7.00");
        for (int row = 0; row < 2; row++) {
            assertPositive(warmup, row, "orders/s in the window ending then", "p99 ms");
            assertThat(warmup.cell(row, "errors")).isEqualTo("0");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("### Order submissions over HTTP (http)", "raw socket client",
                        "### The server's first load, before the figures above (http)");
    }

    @Test
    void httpSuiteDrivesARunningServerOnThePoolsItHas() throws Exception {
        ApplicationServices services = BenchFleet.services(InMemoryStores.create());
        BenchFleet.build(services, "rx", 3, 80L);
        HttpApi server = new HttpApi(HttpSuite.endpoints(services), HttpSettings.defaults());
        server.start("127.0.0.1", 0);
        try {
            String url = "http://127.0.0.1:" + server.port();
            String token = BenchFleet.operatorToken(services);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            List<Table> tables = Bench.run(new String[] {"http", "--quick", "--url", url, "--token", token},
                    new PrintStream(printed, true, StandardCharsets.UTF_8), quietLog());

            Table http = tables.get(0);
            assertThat(http.rows()).extracting(row -> row.get(0)).containsExactly("1", "8", "32");
            for (int row = 0; row < 3; row++) {
                assertPositive(http, row, "orders/s", "p50 ms", "p99 ms");
                assertThat(http.cell(row, "CPU ms/order")).isEqualTo("n/a");
                assertThat(http.cell(row, "errors")).isEqualTo("0");
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The server at " + url, "3 pools",
                    "--url " + url + " --token $TOKEN").doesNotContain(token);
            // 80 GPUs a pool: its first ten orders were admitted, the rest wait in its backlog.
            List<PoolView> pools = services.orders().pools();
            assertThat(pools).hasSize(3).allSatisfy(pool -> {
                assertThat(pool.allocatedByTier().get("EXTERNAL_LEASE")).isPositive();
                assertThat(pool.pendingOrders().get("EXTERNAL_LEASE")).isPositive();
            });
        } finally {
            server.stop();
        }
    }

    @Test
    void aRunningServerThatRefusesTheTokenOrIsNoHttpUrlIsOneClearError() throws Exception {
        ApplicationServices services = BenchFleet.services(InMemoryStores.create());
        HttpApi server = new HttpApi(HttpSuite.endpoints(services), HttpSettings.defaults());
        server.start("127.0.0.1", 0);
        try {
            String url = "http://127.0.0.1:" + server.port();
            assertThatThrownBy(() -> HttpSuite.remote(url, "not-a-token"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answered 401");
            assertThatThrownBy(() -> HttpSuite.remote(url, BenchFleet.operatorToken(services)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no GPU pools");
            assertThatThrownBy(() -> HttpSuite.remote("http://127.0.0.1:" + unusedPort(), "t"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Fleetplan server answers");
            assertThatThrownBy(() -> HttpSuite.remote("https://127.0.0.1:" + server.port(), "t"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--url is http://host:port");
            assertThatThrownBy(() -> Bench.run(new String[] {"http", "--quick", "--url", url},
                    quietLog(), quietLog()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--url needs --token");
        } finally {
            server.stop();
        }
    }

    @Test
    void syntheticFleetStartsWithABacklogToClear() {
        assertThat(PlanningSuite.plan(PlanningSuite.QUICK.get(0)).summary().peakBacklogGpus()).isPositive();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertPositive(Table table, int row, String... columns) {
        for (String column : columns) {
            assertThat(Table.number(table.cell(row, column)))
                    .as("%s, row %d of '%s'", column, row, table.title()).isPositive();
        }
    }

    private static PrintStream quietLog() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
