package io.fleetplan.bootstrap.bench;

import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.in.gpu.ListOrdersQuery;
import io.fleetplan.application.service.ApplicationServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The http suite's load client against the real API on a loopback port, over the in-memory store:
 * orders go through one kept-alive connection, error answers are read in full without losing it,
 * and a server that closes the connection after each answer is followed by reconnecting.
 */
class KeepAliveClientTest {
    private static final String REGION = "kc-r000";

    private static ApplicationServices services;
    private static HttpApi api;
    private static String token;

    @BeforeAll
    static void startServer() {
        services = BenchFleet.services(InMemoryStores.create());
        BenchFleet.build(services, "kc", 1, 80_000);
        token = BenchFleet.operatorToken(services);
        api = new HttpApi(HttpSuite.endpoints(services), HttpSettings.defaults());
        api.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        api.stop();
    }

    @Test
    void submitsManyOrdersOverOneKeptAliveConnection() throws IOException {
        long before = allocatedOrders();
        try (KeepAliveClient client = client(headers("Bearer " + token))) {
            for (int i = 0; i < 50; i++) {
                KeepAliveClient.Response response = client.post(order(8));
                assertThat(response.status()).isEqualTo(201);
                assertThat(response.body()).contains("\"status\":\"ALLOCATED\"", "\"gpus\":8").endsWith("}");
            }
            assertThat(client.connectionsOpened()).isEqualTo(1);
        }
        assertThat(allocatedOrders() - before).isEqualTo(50);
    }

    @Test
    void readsErrorAnswersInFullAndKeepsTheConnection() throws IOException {
        long before = allocatedOrders();
        try (KeepAliveClient client = client(headers("Bearer " + token))) {
            KeepAliveClient.Response invalid = client.post("{\"region\":".getBytes(StandardCharsets.UTF_8));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).startsWith("{").contains("\"status\":400").endsWith("}");

            KeepAliveClient.Response tooMany = client.post(order(0));
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.body()).contains("gpus");

            KeepAliveClient.Response accepted = client.post(order(8));
            assertThat(accepted.status()).isEqualTo(201);
            assertThat(accepted.body()).contains("\"ALLOCATED\"");
            assertThat(client.connectionsOpened()).isEqualTo(1);
        }
        assertThat(allocatedOrders() - before).isEqualTo(1);

        try (KeepAliveClient stranger = client(headers("Bearer not-a-token"))) {
            for (int i = 0; i < 3; i++) {
                KeepAliveClient.Response refused = stranger.post(order(8));
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.body()).contains("\"status\":401");
            }
            assertThat(stranger.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void reconnectsWhenTheServerClosesTheConnectionAfterAnAnswer() throws IOException {
        Map<String, String> closing = headers("Bearer " + token);
        closing.put("Connection", "close");
        try (KeepAliveClient client = client(closing)) {
            for (int i = 0; i < 3; i++) {
                KeepAliveClient.Response response = client.post(order(8));
                assertThat(response.status()).isEqualTo(201);
                assertThat(response.body()).contains("\"ALLOCATED\"");
            }
            assertThat(client.connectionsOpened()).isEqualTo(3);
        }
    }

    @Test
    void failsWithAnIoErrorWhenTheServerGoesAwayAndReconnectsOnceItIsBack() throws IOException {
        HttpApi later = new HttpApi(HttpSuite.endpoints(services), HttpSettings.defaults());
        later.start("127.0.0.1", 0);
        int port = later.port();
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port, "/api/v1/orders",
                headers("Bearer " + token))) {
            assertThat(client.post(order(8)).status()).isEqualTo(201);
            later.stop();
            // the kept-alive connection closed with the server: the answer never comes
            assertThatThrownBy(() -> client.post(order(8))).isInstanceOf(IOException.class);
            // and nothing listens for a new one
            assertThatThrownBy(() -> client.post(order(8))).isInstanceOf(IOException.class);
            later.start("127.0.0.1", port);
            assertThat(client.post(order(8)).status()).isEqualTo(201);
            assertThat(client.connectionsOpened()).isGreaterThanOrEqualTo(2);
        } finally {
            later.stop();
        }
    }

    @Test
    void refusesHeadersThatWouldBreakTheRequestHead() {
        assertThatThrownBy(() -> client(Map.of("X-Note", "a\r\nX-Injected: b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Note");
        assertThatThrownBy(() -> client(Map.of("Bad Name", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
        assertThatThrownBy(() -> client(Map.of("Content-Length", "3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Content-Length");
    }

    private static KeepAliveClient client(Map<String, String> headers) {
        return new KeepAliveClient("127.0.0.1", api.port(), "/api/v1/orders", headers);
    }

    private static Map<String, String> headers(String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static byte[] order(int gpus) {
        return ("{\"region\":\"" + REGION + "\",\"acceleratorType\":\"" + BenchFleet.ACCELERATOR + "\",\"tenant\":\""
                + BenchFleet.TENANT + "\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":" + gpus + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long allocatedOrders() {
        return services.orders().orders(new ListOrdersQuery(REGION, null, null, "ALLOCATED", null, null, null,
                1000, null)).items().size();
    }
}
