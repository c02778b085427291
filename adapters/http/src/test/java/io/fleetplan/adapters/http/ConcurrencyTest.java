package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sixteen clients at once over real HTTP: the pool never over-allocates, and a retried key creates one order. */
class ConcurrencyTest {
    private static final int CLIENTS = 16;
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.seedPool(8);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<JsonNode> allOrders() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/orders?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor),
                    api.viewer).ok(200);
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    @Test
    void concurrentSubmissionsAndReleasesNeverOverAllocateThePool() throws Exception {
        long seed = Long.getLong("concurrency.seed", System.nanoTime());
        String[] tiers = {"INTERNAL_TRAINING", "MODEL_PLATFORM", "EXTERNAL_LEASE"};
        List<String> problems = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                SplittableRandom random = new SplittableRandom(seed + c);
                String tenant = "tenant-" + c;
                clients.add(pool.submit(() -> {
                    start.await();
                    List<String> held = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        var submitted = api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\","
                                + "\"acceleratorType\":\"H20\",\"tenant\":\"" + tenant + "\",\"tier\":\""
                                + tiers[random.nextInt(tiers.length)] + "\",\"gpus\":" + (1 + random.nextInt(24)) + "}");
                        if (submitted.status() != 201) {
                            problems.add("submit " + submitted.status() + " " + submitted.body());
                            continue;
                        }
                        held.add(submitted.tree().path("id").asText());
                        if (random.nextInt(3) > 0 && !held.isEmpty()) {
                            String id = held.remove(random.nextInt(held.size()));
                            String action = random.nextBoolean() ? "release" : "cancel";
                            var done = api.post("/api/v1/orders/" + id + "/" + action, api.operator, null);
                            // a release of an order still (or again, after preemption) pending is refused: 422
                            if (done.status() != 200 && done.status() != 422) {
                                problems.add(action + " " + done.status() + " " + done.body());
                            }
                        }
                        JsonNode figures = api.get("/api/v1/pools/cn-hangzhou/H20", api.viewer).ok(200);
                        if (figures.path("allocated").asLong() > figures.path("capacity").asLong()) {
                            problems.add("over-allocated: " + figures);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(problems).as("concurrency seed %d", seed).isEmpty();

        JsonNode figures = api.get("/api/v1/pools/cn-hangzhou/H20", api.viewer).ok(200);
        long allocated = 0;
        long pending = 0;
        for (JsonNode order : allOrders()) {
            if (order.path("status").asText().equals("ALLOCATED")) {
                allocated += order.path("gpus").asLong();
            } else if (order.path("status").asText().equals("PENDING")) {
                pending += order.path("gpus").asLong();
            }
        }
        assertThat(figures.path("capacity").asLong()).isEqualTo(64);
        assertThat(figures.path("allocated").asLong()).as("seed %d", seed)
                .isEqualTo(allocated).isLessThanOrEqualTo(64);
        assertThat(figures.path("backlogGpus").asLong()).as("seed %d", seed).isEqualTo(pending);
    }

    @Test
    void concurrentRetriesOfOneKeyCreateExactlyOneOrder() throws Exception {
        String body = "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\",\"tier\":\"MODEL_PLATFORM\",\"gpus\":4}";
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5; i++) {
                        var answer = api.send("POST", "/api/v1/orders", api.globex, body,
                                Map.of("Idempotency-Key", "globex-retry-1"));
                        statuses.add(answer.status());
                        ids.add(answer.tree().path("id").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSize(CLIENTS * 5).containsOnly(201);
        assertThat(ids).hasSize(1);
        assertThat(api.get("/api/v1/orders", api.globex).ok(200).path("items")).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneKeyRegisterOneRegionAndAnswerAlike() throws Exception {
        String body = "{\"id\":\"eu-central-1\",\"name\":\"Frankfurt\"}";
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        int before = api.events().size();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    start.await();
                    var answer = api.send("POST", "/api/v1/regions", api.operator, body,
                            Map.of("Idempotency-Key", "frankfurt"));
                    statuses.add(answer.status());
                    bodies.add(answer.body());
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201);
        assertThat(bodies).hasSize(1);
        assertThat(api.events().stream().skip(before)
                .filter(e -> e.path("type").asText().equals("REGION_REGISTERED")).count()).isEqualTo(1);
    }
}
