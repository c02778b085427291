package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * If-Match on a commitment's tranches and spend is checked in the change's own transaction: a stale
 * version is refused (412) with nothing changed, and of several changes sent with the same version
 * exactly one is made.
 */
class CapexPreconditionsTest {
    private static final String ONE = "/api/v1/commitments/c-1";
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.start();
        api.post("/api/v1/commitments", api.planner, "{\"id\":\"c-1\",\"name\":\"programme\",\"total\":1000000,"
                + "\"currency\":\"USD\",\"start\":\"2025Q1\",\"end\":\"2027Q4\"}").ok(201);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String etag() {
        return api.get(ONE, api.viewer).header("ETag").orElseThrow();
    }

    @Test
    void aStaleIfMatchOnATrancheOrSpendIsRefusedAndChangesNothing() {
        String stale = etag();
        api.send("POST", ONE + "/tranches", api.planner, "{\"quarter\":\"2025Q1\",\"amount\":100}",
                Map.of("If-Match", stale)).ok(201);
        JsonNode before = api.get(ONE, api.viewer).ok(200);
        int events = api.events().size();

        assertThat(api.send("POST", ONE + "/tranches", api.planner, "{\"quarter\":\"2025Q2\",\"amount\":100}",
                Map.of("If-Match", stale)).problem(412).path("code").asText()).isEqualTo("stale-version");
        assertThat(api.send("POST", ONE + "/spend", api.planner,
                "{\"quarter\":\"2025Q1\",\"amount\":50,\"category\":\"SERVERS\"}", Map.of("If-Match", stale))
                .problem(412).path("code").asText()).isEqualTo("stale-version");

        assertThat(api.get(ONE, api.viewer).ok(200)).isEqualTo(before);
        assertThat(api.events()).hasSize(events);
        JsonNode spent = api.send("POST", ONE + "/spend", api.planner,
                "{\"quarter\":\"2025Q1\",\"amount\":50,\"category\":\"SERVERS\"}", Map.of("If-Match", etag())).ok(201);
        assertThat(spent.path("version").asLong()).isEqualTo(before.path("version").asLong() + 1);
        assertThat(spent.path("spends")).hasSize(1);
    }

    @Test
    void ofChangesSentConcurrentlyWithTheSameVersionExactlyOneIsMade() throws Exception {
        String version = etag();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String path = i % 2 == 0 ? ONE + "/tranches" : ONE + "/spend";
                String body = i % 2 == 0 ? "{\"quarter\":\"2025Q" + (i / 2 + 1) + "\",\"amount\":10}"
                        : "{\"quarter\":\"2025Q1\",\"amount\":10,\"category\":\"OTHER\"}";
                sent.add(pool.submit(() -> api.send("POST", path, api.planner, body, Map.of("If-Match", version))
                        .status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 412);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode now = api.get(ONE, api.viewer).ok(200);
        assertThat(now.path("tranches").size() + now.path("spends").size()).isEqualTo(1);
    }
}
