package io.fleetplan.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first hour with Fleetplan, end to end: the runnable jar started as a child process with the
 * demo on an H2 file; a tenant orders GPUs that wait in the backlog; an operator brings servers
 * into service and the order is allocated; a planner reads the capex status and a plan; SIGTERM;
 * the jar started again on the same files shows everything as it was.
 */
class JourneyIT {
    private static final String ADMIN = "e2e-admin-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private JsonNode call(String method, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    @Test
    void aTenantsOrderWaitsIsAllocatedWhenServersComeIntoServiceAndSurvivesARestart(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        int port = FleetplanProcess.freePort();
        base = "http://127.0.0.1:" + port;
        String orderId;
        String tenantSecret;
        try (FleetplanProcess first = FleetplanProcess.start(Map.of(), "demo", "--port", Integer.toString(port),
                "--data-dir", data.toString(), "--bootstrap-token", ADMIN)) {
            first.await("Fleetplan listening on " + base, 180);
            assertThat(first.out).anyMatch(l -> l.contains("demo data loaded"));
            assertThat(call("GET", "/health", null, null, 200).path("status").asText()).isEqualTo("UP");

            JsonNode created = call("POST", "/api/v1/tokens", ADMIN,
                    "{\"name\":\"acme-ci\",\"role\":\"TENANT\",\"tenant\":\"acme\"}", 201);
            tenantSecret = created.path("secret").asText();
            call("POST", "/api/v1/tokens", ADMIN, "{\"name\":\"ops\",\"role\":\"OPERATOR\"}", 201);

            JsonNode order = call("POST", "/api/v1/orders", tenantSecret, "{\"region\":\"ap-southeast-1\","
                    + "\"acceleratorType\":\"H20\",\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":512}", 201);
            orderId = order.path("id").asText();
            assertThat(order.path("status").asText()).isEqualTo("PENDING");
            JsonNode backlog = call("GET", "/api/v1/pools/ap-southeast-1/H20/backlog?limit=1000", ADMIN, null, 200);
            assertThat(backlog.path("items").findValuesAsText("id")).contains(orderId);

            for (String step : new String[] {"deliveries", "installations", "activations"}) {
                call("POST", "/api/v1/batches/sg-h20-2026a/" + step, ADMIN, "{\"servers\":1200}", 200);
            }
            assertThat(call("GET", "/api/v1/orders/" + orderId, tenantSecret, null, 200).path("status").asText())
                    .isEqualTo("ALLOCATED");
            JsonNode pool = call("GET", "/api/v1/pools/ap-southeast-1/H20", ADMIN, null, 200);
            assertThat(pool.path("capacity").asLong()).isEqualTo(9600);
            assertThat(pool.path("allocated").asLong()).isLessThanOrEqualTo(9600);

            JsonNode capex = call("GET", "/api/v1/commitments/capex-programme/status", ADMIN, null, 200);
            assertThat(capex.path("percentDeployed").decimalValue()).isEqualByComparingTo("32.3");
            JsonNode plan = call("GET", "/api/v1/plans/plan%20of%20record", ADMIN, null, 200);
            assertThat(plan.path("quarters")).hasSize(12);
            assertThat(plan.path("summary").path("bindingQuarters").path("DEPLOYMENT").asInt()).isPositive();

            assertThat(first.residentKib()).as("resident memory after the journey, KiB").isPositive();
            assertThat(first.terminate()).as("exit code after SIGTERM").isIn(0, 143);
        }

        try (FleetplanProcess second = FleetplanProcess.start(Map.of("FLEETPLAN_PORT", Integer.toString(port)),
                "serve", "--data-dir", data.toString())) {
            second.await("Fleetplan listening on " + base, 120);
            long listening = System.nanoTime();
            JsonNode health = call("GET", "/health", null, null, 200);
            long served = System.nanoTime();
            assertThat(health.path("store").asText()).isEqualTo("UP");
            assertThat(second.out).noneMatch(l -> l.contains("admin token"));
            JsonNode order = call("GET", "/api/v1/orders/" + orderId, tenantSecret, null, 200);
            assertThat(order.path("status").asText()).isEqualTo("ALLOCATED");
            JsonNode events = call("GET", "/api/v1/events?subject=" + orderId, ADMIN, null, 200);
            assertThat(events.path("items").findValuesAsText("type")).contains("ORDER_SUBMITTED", "ORDER_QUEUED",
                    "ORDER_ALLOCATED");
            assertThat(call("GET", "/api/v1/scenarios", ADMIN, null, 200).path("items")).hasSize(3);
            System.out.printf("restart: process start to listening %d ms, to first served request %d ms, "
                            + "resident %d MiB%n", (listening - second.startedNanos) / 1_000_000,
                    (served - second.startedNanos) / 1_000_000, second.residentKib() / 1024);
            assertThat(second.terminate()).isIn(0, 143);
        }
    }
}
