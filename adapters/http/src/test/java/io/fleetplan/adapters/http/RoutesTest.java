package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetplan.domain.shared.Quarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route's success path and its validation failure (400 with the offending fields), as a
 * narrative over one world: a region, its data centre and a batch going into service, a pool
 * taking orders, a capex commitment being spent. The last test checks that every route of the
 * table was exercised both ways.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutesTest {
    private static ApiFixture api;
    private static final Set<String> succeeded = new HashSet<>();
    private static final Set<String> refused = new HashSet<>();

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode ok(String operation, ApiFixture.Answer answer, int status) {
        JsonNode body = answer.ok(status);
        succeeded.add(operation);
        return body;
    }

    private static void invalid(String operation, ApiFixture.Answer answer, String... paths) {
        assertThat(answer.violationPaths()).as(operation).contains(paths);
        refused.add(operation);
    }

    @Test
    @Order(1)
    void regionsAndDataCentres() {
        JsonNode region = ok("registerRegion", api.post("/api/v1/regions", api.operator,
                "{\"id\":\"cn-hangzhou\",\"name\":\"Hangzhou\"}"), 201);
        assertThat(region.path("id").asText()).isEqualTo("cn-hangzhou");
        invalid("registerRegion", api.post("/api/v1/regions", api.operator, "{\"id\":\"Hangzhou!\",\"name\":\"\"}"),
                "id", "name");

        assertThat(ok("listRegions", api.get("/api/v1/regions", api.viewer), 200).path("items")).hasSize(1);
        ok("getRegion", api.get("/api/v1/regions/cn-hangzhou", api.viewer), 200);
        invalid("getRegion", api.get("/api/v1/regions/NOT_A_REGION", api.viewer), "regionId");
        assertThat(api.get("/api/v1/regions/eu-north-9", api.viewer).problem(404).path("code").asText())
                .isEqualTo("region-not-found");

        var created = api.post("/api/v1/data-centers", api.operator, "{\"id\":\"hz-1\",\"region\":\"cn-hangzhou\","
                + "\"name\":\"Hangzhou 1\",\"powerCapacityKw\":10000,\"throughputPerWeek\":500}");
        ok("registerDataCenter", created, 201);
        assertThat(created.header("Location")).contains("/api/v1/data-centers/hz-1");
        invalid("registerDataCenter", api.post("/api/v1/data-centers", api.operator,
                        "{\"id\":\"hz-2\",\"region\":\"cn-hangzhou\",\"name\":\"x\",\"powerCapacityKw\":-5,"
                                + "\"throughputPerWeek\":-1}"),
                "powerCapacityKw", "throughputPerWeek");
        // a missing integer is reported as missing, never taken as 0
        invalid("registerDataCenter", api.post("/api/v1/data-centers", api.operator,
                        "{\"id\":\"hz-2\",\"region\":\"cn-hangzhou\",\"name\":\"x\",\"powerCapacityKw\":5}"),
                "throughputPerWeek");
        assertThat(api.post("/api/v1/data-centers", api.operator, "{\"id\":\"hz-1\",\"region\":\"cn-hangzhou\","
                + "\"name\":\"again\",\"powerCapacityKw\":1,\"throughputPerWeek\":1}").problem(409).path("code")
                .asText()).isEqualTo("data-center-exists");

        ok("listDataCenters", api.get("/api/v1/data-centers?region=cn-hangzhou", api.viewer), 200);
        invalid("listDataCenters", api.get("/api/v1/data-centers?region=Nowhere", api.viewer), "regionId");
        var dc = api.get("/api/v1/data-centers/hz-1", api.viewer);
        ok("getDataCenter", dc, 200);
        String etag = dc.header("ETag").orElseThrow();
        invalid("getDataCenter", api.get("/api/v1/data-centers/HZ_1!", api.viewer), "dataCenterId");

        var changed = api.send("PUT", "/api/v1/data-centers/hz-1", api.operator,
                "{\"powerCapacityKw\":12000,\"throughputPerWeek\":600,\"reason\":\"new substation\"}",
                Map.of("If-Match", etag));
        assertThat(ok("changeDataCenter", changed, 200).path("powerCapacityKw").decimalValue()).isEqualByComparingTo("12000");
        assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(api.send("PUT", "/api/v1/data-centers/hz-1", api.operator,
                "{\"powerCapacityKw\":13000,\"throughputPerWeek\":600}", Map.of("If-Match", etag))
                .problem(412).path("code").asText()).isEqualTo("stale-version");
        invalid("changeDataCenter", api.put("/api/v1/data-centers/hz-1", api.operator,
                "{\"powerCapacityKw\":0,\"throughputPerWeek\":-1}"), "powerCapacityKw", "throughputPerWeek");
    }

    @Test
    @Order(2)
    void fleetAndThePipeline() {
        ok("registerAcceleratorType", api.post("/api/v1/accelerator-types", api.operator,
                "{\"id\":\"H20\",\"vendor\":\"NVIDIA\",\"memoryGib\":96}"), 201);
        invalid("registerAcceleratorType", api.post("/api/v1/accelerator-types", api.operator,
                "{\"id\":\"h20\",\"vendor\":\"NVIDIA\",\"memoryGib\":0}"), "id", "memoryGib");
        ok("listAcceleratorTypes", api.get("/api/v1/accelerator-types", api.viewer), 200);

        ok("registerSku", api.post("/api/v1/skus", api.operator, "{\"id\":\"h20-8\",\"name\":\"H20 x8\","
                + "\"acceleratorType\":\"H20\",\"acceleratorsPerServer\":8,\"powerPerServerKw\":10,"
                + "\"unitCost\":250000.00,\"currency\":\"USD\"}"), 201);
        invalid("registerSku", api.post("/api/v1/skus", api.operator, "{\"id\":\"h20-16\",\"name\":\"H20 x16\","
                + "\"acceleratorType\":\"H20\",\"acceleratorsPerServer\":0,\"powerPerServerKw\":10,"
                + "\"unitCost\":1,\"currency\":\"usd\"}"), "acceleratorsPerServer", "currency");
        JsonNode skus = ok("listSkus", api.get("/api/v1/skus", api.viewer), 200);
        assertThat(skus.path("items").get(0).path("unitCost").path("amount").asText()).isEqualTo("250000.00");

        ok("orderBatch", api.post("/api/v1/batches", api.operator, "{\"id\":\"b-1\",\"sku\":\"h20-8\","
                + "\"dataCenter\":\"hz-1\",\"quantity\":100,\"expectedDelivery\":\"2026Q1\"}"), 201);
        invalid("orderBatch", api.post("/api/v1/batches", api.operator, "{\"sku\":\"h20-8\","
                + "\"dataCenter\":\"hz-1\",\"quantity\":0,\"expectedDelivery\":\"2026-01\"}"), "quantity",
                "expectedDelivery");
        ok("listBatches", api.get("/api/v1/batches?dataCenter=hz-1", api.viewer), 200);
        invalid("listBatches", api.get("/api/v1/batches?dataCenter=HZ_1!", api.viewer), "dataCenterId");
        ok("getBatch", api.get("/api/v1/batches/b-1", api.viewer), 200);
        invalid("getBatch", api.get("/api/v1/batches/-bad-", api.viewer), "batchId");

        for (String step : new String[]{"deliveries:recordDelivery", "installations:recordInstallation",
                "activations:recordActivation"}) {
            String[] s = step.split(":");
            ok(s[1], api.post("/api/v1/batches/b-1/" + s[0], api.operator, "{\"servers\":20}"), 200);
            invalid(s[1], api.post("/api/v1/batches/b-1/" + s[0], api.operator, "{\"servers\":0}"), "servers");
        }
        JsonNode retired = ok("recordRetirement", api.post("/api/v1/batches/b-1/retirements", api.operator,
                "{\"servers\":5,\"reason\":\"failed burn-in\"}"), 200);
        assertThat(retired.path("retired").asLong()).isEqualTo(5);
        invalid("recordRetirement", api.post("/api/v1/batches/b-1/retirements", api.operator, "{\"reason\":\"x\"}"),
                "servers");
        assertThat(api.post("/api/v1/batches/b-1/installations", api.operator, "{\"servers\":5000}").status())
                .isIn(400, 422);
    }

    @Test
    @Order(3)
    void poolsAndOrders() {
        JsonNode pools = ok("listPools", api.get("/api/v1/pools", api.viewer), 200);
        assertThat(pools.path("items")).hasSize(1);
        var pool = api.get("/api/v1/pools/cn-hangzhou/H20", api.viewer);
        assertThat(ok("getPool", pool, 200).path("capacity").asLong()).isEqualTo(120);
        invalid("getPool", api.get("/api/v1/pools/Nowhere/H20", api.viewer), "regionId");
        String etag = pool.header("ETag").orElseThrow();
        assertThat(api.send("GET", "/api/v1/pools/cn-hangzhou/H20", api.viewer, null, Map.of("If-None-Match", etag))
                .status()).isEqualTo(304);

        var reserved = api.send("PUT", "/api/v1/pools/cn-hangzhou/H20/reservations/INTERNAL_TRAINING", api.operator,
                "{\"gpus\":16,\"reason\":\"training run\"}", Map.of("If-Match", etag));
        assertThat(ok("setReservation", reserved, 200).path("reserved").path("INTERNAL_TRAINING").asLong())
                .isEqualTo(16);
        invalid("setReservation", api.put("/api/v1/pools/cn-hangzhou/H20/reservations/NOBODY", api.operator,
                "{\"gpus\":-1}"), "gpus", "tier");
        assertThat(api.send("PUT", "/api/v1/pools/cn-hangzhou/H20/reservations/INTERNAL_TRAINING", api.operator,
                "{\"gpus\":8}", Map.of("If-Match", etag)).problem(412).path("code").asText()).isEqualTo("stale-version");

        ok("setPoolPolicy", api.put("/api/v1/pools/cn-hangzhou/H20/policy", api.operator,
                "{\"queueing\":\"STRICT_FIFO\",\"preemption\":true}"), 200);
        invalid("setPoolPolicy", api.put("/api/v1/pools/cn-hangzhou/H20/policy", api.operator,
                "{\"queueing\":\"LIFO\",\"preemption\":false}"), "queueing");
        invalid("setPoolPolicy", api.put("/api/v1/pools/cn-hangzhou/H20/policy", api.operator,
                "{\"queueing\":\"STRICT_FIFO\"}"), "preemption");

        var submitted = api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":"
                + "\"H20\",\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":64}");
        JsonNode order = ok("submitOrder", submitted, 201);
        assertThat(order.path("status").asText()).isEqualTo("ALLOCATED");
        String id = order.path("id").asText();
        assertThat(submitted.header("Location")).contains("/api/v1/orders/" + id);
        invalid("submitOrder", api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\","
                + "\"acceleratorType\":\"H20\",\"tier\":\"GOLD\",\"gpus\":0}"), "tenant", "tier", "gpus");
        JsonNode queued = api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":"
                + "\"H20\",\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":64}").ok(201);
        assertThat(queued.path("status").asText()).isEqualTo("PENDING");

        ok("getBacklog", api.get("/api/v1/pools/cn-hangzhou/H20/backlog?limit=10", api.viewer), 200);
        invalid("getBacklog", api.get("/api/v1/pools/cn-hangzhou/H20/backlog?limit=0", api.viewer), "limit");

        JsonNode page = ok("listOrders", api.get("/api/v1/orders?tenant=acme&limit=1", api.viewer), 200);
        assertThat(page.path("items")).hasSize(1);
        JsonNode next = api.get("/api/v1/orders?tenant=acme&limit=1&cursor=" + page.path("nextCursor").asText(),
                api.viewer).ok(200);
        assertThat(next.path("items").get(0).path("id").asText()).isNotEqualTo(page.path("items").get(0).path("id").asText());
        invalid("listOrders", api.get("/api/v1/orders?status=LOST&limit=5000&from=yesterday", api.viewer), "from");
        invalid("listOrders", api.get("/api/v1/orders?status=LOST&limit=5000", api.viewer), "status", "limit");

        ok("getOrder", api.get("/api/v1/orders/" + id, api.viewer), 200);
        JsonNode history = ok("listOrderEvents", api.get("/api/v1/orders/" + id + "/events", api.viewer), 200);
        assertThat(history.path("items").get(0).path("type").asText()).isEqualTo("ORDER_SUBMITTED");
        history.path("items").forEach(e -> assertThat(e.path("subject").asText()).isEqualTo(id));
        invalid("listOrderEvents", api.get("/api/v1/orders/" + id + "/events?type=allocated&limit=0", api.viewer),
                "type", "limit");
        invalid("getOrder", api.get("/api/v1/orders/bad%20id", api.viewer), "orderId");

        JsonNode released = ok("releaseOrder", api.post("/api/v1/orders/" + id + "/release", api.operator, null), 200);
        assertThat(released.path("status").asText()).isEqualTo("RELEASED");
        invalid("releaseOrder", api.post("/api/v1/orders/bad%20id/release", api.operator, null), "orderId");
        assertThat(api.post("/api/v1/orders/" + id + "/release", api.operator, null).problem(422)).isNotNull();

        JsonNode cancelled = ok("cancelOrder", api.post("/api/v1/orders/" + queued.path("id").asText() + "/cancel",
                api.operator, "{\"reason\":\"no longer needed\"}"), 200);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        invalid("cancelOrder", api.post("/api/v1/orders/" + id + "/cancel", api.operator,
                "{\"reason\":\"" + "x".repeat(1001) + "\"}"), "reason");
    }

    @Test
    @Order(4)
    void capexCommitments() {
        var created = api.post("/api/v1/commitments", api.planner, "{\"id\":\"ai-infra-3y\",\"name\":\"AI infra\","
                + "\"total\":52000000000,\"currency\":\"USD\",\"start\":\"2025Q2\",\"end\":\"2028Q1\"}");
        JsonNode commitment = ok("createCommitment", created, 201);
        assertThat(commitment.path("total").path("amount").asText()).isEqualTo("52000000000.00");
        invalid("createCommitment", api.post("/api/v1/commitments", api.planner, "{\"id\":\"Bad Id\",\"name\":\"x\","
                + "\"total\":-1,\"currency\":\"USD\",\"start\":\"2025Q5\",\"end\":\"2028Q1\"}"), "id", "total", "start");
        ok("listCommitments", api.get("/api/v1/commitments", api.viewer), 200);
        var read = api.get("/api/v1/commitments/ai-infra-3y", api.viewer);
        ok("getCommitment", read, 200);
        invalid("getCommitment", api.get("/api/v1/commitments/Bad_Id", api.viewer), "commitmentId");

        ok("addTranche", api.post("/api/v1/commitments/ai-infra-3y/tranches", api.planner,
                "{\"quarter\":\"2025Q3\",\"amount\":4000000000,\"region\":\"cn-hangzhou\"}"), 201);
        invalid("addTranche", api.post("/api/v1/commitments/ai-infra-3y/tranches", api.planner,
                "{\"quarter\":\"Q3\",\"amount\":0.001}"), "quarter", "amount");
        ok("recordSpend", api.post("/api/v1/commitments/ai-infra-3y/spend", api.planner,
                "{\"quarter\":\"2025Q3\",\"amount\":16800000000,\"category\":\"SERVERS\",\"note\":\"first year\"}"), 201);
        invalid("recordSpend", api.post("/api/v1/commitments/ai-infra-3y/spend", api.planner,
                "{\"quarter\":\"2025Q3\",\"amount\":1,\"category\":\"FOOD\"}"), "category");
        assertThat(api.post("/api/v1/commitments/ai-infra-3y/spend", api.planner,
                "{\"quarter\":\"2025Q4\",\"amount\":40000000000,\"category\":\"SERVERS\"}").problem(422)).isNotNull();

        String etag = api.get("/api/v1/commitments/ai-infra-3y", api.viewer).header("ETag").orElseThrow();
        assertThat(api.send("POST", "/api/v1/commitments/ai-infra-3y/tranches", api.planner,
                "{\"quarter\":\"2025Q4\",\"amount\":1}", Map.of("If-Match", "\"1\"")).problem(412).path("code")
                .asText()).isEqualTo("stale-version");
        var amended = api.send("POST", "/api/v1/commitments/ai-infra-3y/amendments", api.planner,
                "{\"newTotal\":60000000000,\"reason\":\"scale capex beyond the commitment\"}", Map.of("If-Match", etag));
        assertThat(ok("amendCommitment", amended, 201).path("total").path("amount").asText())
                .isEqualTo("60000000000.00");
        assertThat(api.send("POST", "/api/v1/commitments/ai-infra-3y/amendments", api.planner,
                "{\"newTotal\":70000000000,\"reason\":\"again\"}", Map.of("If-Match", etag)).problem(412)
                .path("code").asText()).isEqualTo("stale-version");
        invalid("amendCommitment", api.post("/api/v1/commitments/ai-infra-3y/amendments", api.planner,
                "{\"newTotal\":60000000000}"), "reason");

        JsonNode status = ok("getCommitmentStatus", api.get("/api/v1/commitments/ai-infra-3y/status?asOf=2026Q2",
                api.viewer), 200);
        assertThat(status.path("spent").path("amount").asText()).isEqualTo("16800000000.00");
        invalid("getCommitmentStatus", api.get("/api/v1/commitments/ai-infra-3y/status?asOf=2026-06", api.viewer),
                "asOf");
    }

    @Test
    @Order(5)
    void eventsTokensAndOperations() {
        JsonNode events = ok("listEvents", api.get("/api/v1/events?type=ORDER_ALLOCATED&limit=10", api.viewer), 200);
        assertThat(events.path("items").get(0).path("actor").asText()).isEqualTo("operator");
        assertThat(events.path("items").get(0).path("role").asText()).isEqualTo("operator");
        invalid("listEvents", api.get("/api/v1/events?type=allocated&limit=0", api.viewer), "type", "limit");

        JsonNode me = ok("getMe", api.get("/api/v1/me", api.viewer), 200);
        assertThat(me.path("name").asText()).isEqualTo("viewer");
        assertThat(me.path("role").asText()).isEqualTo("VIEWER");
        assertThat(me.path("tenant").isNull()).isTrue();
        JsonNode tenant = api.get("/api/v1/me", api.acme).ok(200);
        assertThat(tenant.path("role").asText()).isEqualTo("TENANT");
        assertThat(tenant.path("tenant").asText()).isEqualTo("acme");
        api.get("/api/v1/me", null).problem(401);
        api.get("/api/v1/me", "fp_no-such-token").problem(401);
        ok("listTokens", api.get("/api/v1/tokens", ApiFixture.ADMIN), 200);
        var createdToken = api.post("/api/v1/tokens", ApiFixture.ADMIN, "{\"name\":\"ci\",\"role\":\"VIEWER\"}");
        JsonNode token = ok("createToken", createdToken, 201);
        assertThat(createdToken.header("Cache-Control")).contains("no-store");
        assertThat(token.path("secret").asText()).isNotBlank();
        assertThat(api.get("/api/v1/tokens", ApiFixture.ADMIN).body()).doesNotContain(token.path("secret").asText());
        invalid("createToken", api.post("/api/v1/tokens", ApiFixture.ADMIN, "{\"name\":\"x y\",\"role\":\"ROOT\"}"),
                "name", "role");
        ok("revokeToken", api.post("/api/v1/tokens/ci/revoke", ApiFixture.ADMIN, null), 200);
        api.post("/api/v1/tokens/nobody/revoke", ApiFixture.ADMIN, null).problem(404);

        assertThat(ok("health", api.get("/health", null), 200).path("status").asText()).isEqualTo("UP");
        var metrics = api.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        succeeded.add("metrics");
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("fleetplan_pool_capacity_gpus{pool=\"cn-hangzhou/H20\"")
                .contains("fleetplan_http_requests_total{method=\"POST\",route=\"/api/v1/orders\",status=\"201\"}")
                .contains("fleetplan_http_request_duration_seconds_bucket");
        ok("openApi", api.get("/api/v1/openapi.json", null), 200);
    }

    @Test
    @Order(5)
    void scenariosPlansAndTheSolver() {
        String scenario = "{\"name\":\"plan of record\",\"horizonQuarters\":8,\"growthYoy\":0.34,"
                + "\"leadTimeQuarters\":1}";
        var created = api.post("/api/v1/scenarios", api.planner, scenario);
        JsonNode saved = ok("createScenario", created, 201);
        assertThat(saved.path("planOfRecord").asBoolean()).isTrue();
        assertThat(created.header("Location")).contains("/api/v1/scenarios/plan%20of%20record");
        invalid("createScenario", api.post("/api/v1/scenarios", api.planner,
                "{\"name\":\"\",\"horizonQuarters\":41,\"leadTimeQuarters\":-1}"), "name", "horizonQuarters",
                "leadTimeQuarters");
        assertThat(api.post("/api/v1/scenarios", api.viewer, scenario).problem(403)).isNotNull();
        assertThat(api.post("/api/v1/scenarios", api.planner, scenario).problem(409)).isNotNull();

        ok("listScenarios", api.get("/api/v1/scenarios", api.viewer), 200);
        var read = api.get("/api/v1/scenarios/plan%20of%20record", api.viewer);
        ok("getScenario", read, 200);
        invalid("getScenario", api.get("/api/v1/scenarios/%25", api.viewer), "name");
        String etag = read.header("ETag").orElseThrow();
        String more = "{\"name\":\"ignored\",\"horizonQuarters\":8,\"growthYoy\":0.34,\"leadTimeQuarters\":1,"
                + "\"powerAdditions\":[{\"dataCenter\":\"hz-1\",\"quarter\":\"2027Q1\",\"megawatts\":5}]}";
        ok("createScenario", api.post("/api/v1/scenarios", api.planner, more.replace("ignored", "more power")), 201);
        JsonNode replaced = ok("replaceScenario", api.send("PUT", "/api/v1/scenarios/plan%20of%20record",
                api.planner, scenario, Map.of("If-Match", etag)), 200);
        assertThat(replaced.path("version").asLong()).isEqualTo(2);
        assertThat(api.send("PUT", "/api/v1/scenarios/plan%20of%20record", api.planner, scenario,
                Map.of("If-Match", etag)).problem(412)).isNotNull();
        invalid("replaceScenario", api.send("PUT", "/api/v1/scenarios/plan%20of%20record", api.planner,
                "{\"name\":\"x\",\"horizonQuarters\":0,\"leadTimeQuarters\":0}", Map.of()), "horizonQuarters");

        JsonNode plan = ok("getPlan", api.get("/api/v1/plans/plan%20of%20record", api.viewer), 200);
        assertThat(plan.path("quarters")).hasSize(8);
        invalid("getPlan", api.get("/api/v1/plans/%25", api.viewer), "name");
        var csv = api.get("/api/v1/plans/plan%20of%20record/csv", api.viewer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("quarter,scope,id,");
        succeeded.add("getPlanCsv");
        invalid("getPlanCsv", api.get("/api/v1/plans/%25/csv", api.viewer), "name");
        JsonNode summary = ok("getPlanSummary", api.get("/api/v1/plans/plan%20of%20record/summary", api.viewer), 200);
        assertThat(summary.path("summary")).isEqualTo(plan.path("summary"));
        assertThat(summary.path("quarters")).hasSize(plan.path("quarters").size());
        assertThat(summary.path("quarters").get(0).path("leasableGpus"))
                .isEqualTo(plan.path("quarters").get(0).path("total").path("leasable"));
        invalid("getPlanSummary", api.get("/api/v1/plans/%25/summary", api.viewer), "name");

        // a scenario may start later than the current quarter, never earlier
        Quarter now = Quarter.current(Clock.systemUTC());
        JsonNode later = ok("createScenario", api.post("/api/v1/scenarios", api.planner, "{\"name\":\"later\","
                + "\"startQuarter\":\"" + now.plus(2) + "\",\"horizonQuarters\":4,\"leadTimeQuarters\":0}"), 201);
        assertThat(later.path("definition").path("startQuarter").asText()).isEqualTo(now.plus(2).toString());
        JsonNode laterPlan = ok("getPlan", api.get("/api/v1/plans/later", api.viewer), 200);
        assertThat(laterPlan.path("start").asText()).isEqualTo(now.plus(2).toString());
        assertThat(laterPlan.path("end").asText()).isEqualTo(now.plus(5).toString());
        assertThat(ok("getPlanSummary", api.get("/api/v1/plans/later/summary", api.viewer), 200).path("start")
                .asText()).isEqualTo(now.plus(2).toString());
        invalid("createScenario", api.post("/api/v1/scenarios", api.planner, "{\"name\":\"past\",\"startQuarter\":\""
                + now.previous() + "\",\"horizonQuarters\":4,\"leadTimeQuarters\":0}"), "startQuarter");
        invalid("createScenario", api.post("/api/v1/scenarios", api.planner, "{\"name\":\"odd\","
                + "\"startQuarter\":\"2027-1\",\"horizonQuarters\":4,\"leadTimeQuarters\":0}"), "startQuarter");
        invalid("projectPlan", api.post("/api/v1/plans", api.viewer, "{\"name\":\"past\",\"startQuarter\":\""
                + now.previous() + "\",\"horizonQuarters\":4,\"leadTimeQuarters\":0}"), "startQuarter");
        api.send("DELETE", "/api/v1/scenarios/later", api.planner, null, Map.of()).ok(200);
        assertThat(api.get("/api/v1/plans/nothing/summary", api.viewer).problem(404)).isNotNull();
        ok("projectPlan", api.post("/api/v1/plans", api.viewer, more), 200);
        invalid("projectPlan", api.post("/api/v1/plans", api.viewer, "{\"name\":\"x\",\"horizonQuarters\":99,"
                + "\"leadTimeQuarters\":0}"), "horizonQuarters");

        JsonNode compared = ok("comparePlans", api.get("/api/v1/comparisons?scenario=more%20power", api.viewer), 200);
        assertThat(compared.path("rows")).hasSize(2);
        invalid("comparePlans", api.get("/api/v1/comparisons?scenario=%25", api.viewer), "name");
        String clearBy = plan.path("quarters").get(7).path("quarter").asText();
        JsonNode solved = ok("solveBacklog", api.post("/api/v1/plans/plan%20of%20record/solve", api.viewer,
                "{\"lever\":\"THROUGHPUT\",\"clearBy\":\"" + clearBy + "\"}"), 200);
        assertThat(solved.path("answer").asText()).isNotBlank();
        invalid("solveBacklog", api.post("/api/v1/plans/plan%20of%20record/solve", api.viewer,
                "{\"lever\":\"MAGIC\",\"clearBy\":\"soon\"}"), "lever", "clearBy");
        ok("listGrowthPresets", api.get("/api/v1/growth-presets", api.viewer), 200);

        ok("setPlanOfRecord", api.post("/api/v1/scenarios/more%20power/plan-of-record", api.planner, null), 200);
        invalid("setPlanOfRecord", api.post("/api/v1/scenarios/%25/plan-of-record", api.planner, null), "name");
        ok("deleteScenario", api.send("DELETE", "/api/v1/scenarios/plan%20of%20record", api.planner, null, Map.of()),
                200);
        invalid("deleteScenario", api.send("DELETE", "/api/v1/scenarios/%25", api.planner, null, Map.of()), "name");
        assertThat(api.send("DELETE", "/api/v1/scenarios/more%20power", api.planner, null, Map.of()).problem(422))
                .isNotNull();
    }

    @Test
    @Order(6)
    void everyRouteWasExercisedBothWays() {
        Set<String> all = new HashSet<>();
        Set<String> withInput = new HashSet<>();
        for (Route route : api.api.routes()) {
            all.add(route.operationId());
            if (route.body().isPresent() || !route.params().isEmpty()) {
                withInput.add(route.operationId());
            }
        }
        // revoking takes only a token name: any name is well-formed (an unknown one is a 404)
        withInput.remove("revokeToken");
        assertThat(succeeded).containsAll(all);
        assertThat(refused).containsAll(withInput);
    }
}
