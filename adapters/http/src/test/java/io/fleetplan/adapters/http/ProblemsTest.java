package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetplan.application.port.in.region.RegionQueries;
import io.fleetplan.application.port.in.region.RegionView;
import io.fleetplan.application.port.in.region.DataCenterView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the one exception mapper answers what goes wrong: every error an RFC 9457 problem. */
class ProblemsTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.seedPool(2);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void malformedJsonIsA400NeverA500() {
        for (String body : List.of("{", "{\"id\":", "[1,2", "nul", "{\"id\":\"x\"} trailing", "\"just a string\"",
                "[]", "42", "null", "{\"id\":\"x\",\"id\":\"y\",\"name\":\"n\"}")) {
            var answer = api.post("/api/v1/regions", api.operator, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            answer.problem(400);
        }
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamedInTheViolations() {
        assertThat(api.post("/api/v1/regions", api.operator, "{\"id\":\"eu-west-1\",\"name\":\"x\",\"owner\":\"me\"}")
                .violationPaths()).containsExactly("owner");
        assertThat(api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                + "\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":\"eight\"}").violationPaths())
                .containsExactly("gpus");
        assertThat(api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                + "\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":8.5}").violationPaths())
                .containsExactly("gpus");
        assertThat(api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                + "\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":99999999999999999999999}")
                .violationPaths()).containsExactly("gpus");
        assertThat(api.post("/api/v1/regions", api.operator, "{\"id\":[\"eu-west-1\"],\"name\":\"x\"}")
                .violationPaths()).containsExactly("id");
        assertThat(api.post("/api/v1/commitments", api.planner, "{\"id\":\"c\",\"name\":\"x\",\"total\":1e999999999,"
                + "\"currency\":\"USD\",\"start\":\"2025Q1\",\"end\":\"2026Q1\"}").violationPaths())
                .containsExactly("total");
        assertThat(api.post("/api/v1/regions", api.operator, "{\"id\":\"eu-west-3\",\"name\":123}").violationPaths())
                .containsExactly("name");
        assertThat(api.put("/api/v1/pools/cn-hangzhou/H20/policy", api.operator,
                "{\"queueing\":\"STRICT_FIFO\",\"preemption\":1}").violationPaths()).containsExactly("preemption");
        assertThat(api.put("/api/v1/pools/cn-hangzhou/H20/policy", api.operator,
                "{\"queueing\":\"STRICT_FIFO\",\"preemption\":\"true\"}").violationPaths())
                .containsExactly("preemption");
        assertThat(api.post("/api/v1/regions", api.operator, "{\"id\":null,\"name\":\"x\"}").violationPaths())
                .containsExactly("id");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        var answer = api.send("POST", "/api/v1/regions", api.operator, "id=eu-west-1",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(answer.problem(415).path("code").asText()).isEqualTo("unsupported-media-type");
        api.send("POST", "/api/v1/regions", api.operator, "{}", Map.of("Content-Type", "text/plain")).problem(415);
        api.send("POST", "/api/v1/regions", api.operator, "{}",
                Map.of("Content-Type", "application/json; charset=latin1")).problem(415);
        api.send("POST", "/api/v1/regions", api.operator, "{\"id\":\"eu-west-1\",\"name\":\"Ireland\"}",
                Map.of("Content-Type", "application/json; charset=UTF-8")).ok(201);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"id\":\"eu-west-2\",\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertThat(api.post("/api/v1/regions", api.operator, huge).problem(413).path("code").asText())
                .isEqualTo("body-too-large");
        api.get("/api/v1/regions/eu-west-2", api.viewer).problem(404);
    }

    @Test
    void responsesDoNotAdvertiseTheServerSoftware() {
        assertThat(api.get("/api/v1/regions", api.viewer).header("Server")).isEmpty();
        assertThat(api.get("/nothing", null).header("Server")).isEmpty();
    }

    @Test
    void aMissingBodyIs400() {
        assertThat(api.post("/api/v1/regions", api.operator, null).problem(400).path("code").asText())
                .isEqualTo("body-required");
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        assertThat(api.get("/api/v1/nothing-here", api.viewer).problem(404).path("code").asText())
                .isEqualTo("route-not-found");
        assertThat(api.get("/nothing", null).problem(404)).isNotNull();
        var wrongMethod = api.send("DELETE", "/api/v1/regions", api.operator, null, Map.of());
        assertThat(wrongMethod.problem(405).path("code").asText()).isEqualTo("method-not-allowed");
    }

    @Test
    void oddPathsAndParametersAreClientErrorsNeverServerErrors() {
        for (String path : List.of("/api/v1/orders/%ZZ", "/api/v1/orders/%00", "/api/v1/orders/..%2F..%2Fetc",
                "/api/v1/orders/" + "o".repeat(5000), "/api/v1/orders?limit=abc", "/api/v1/orders?limit=-1",
                "/api/v1/orders?from=2026-13-01T00:00:00Z", "/api/v1/orders?cursor=bm9wZQ",
                "/api/v1/events?cursor=bm9wZQ", "/api/v1/events?from=x", "/api/v1/pools/cn-hangzhou/H20/backlog?limit=x",
                "/api/v1/commitments/c/status?asOf=2026Q9", "/api/v1//regions", "/api/v1/regions/%20")) {
            var answer = api.rawGet(path, api.viewer);
            assertThat(answer.status()).as(path + " " + answer.body()).isBetween(400, 499);
            assertThat(answer.isProblem()).as(path + " " + answer.body()).isTrue();
        }
    }

    @Test
    void businessRulesAre422AndConflicts409() {
        JsonNode rule = api.post("/api/v1/batches/b-1/installations", api.operator, "{\"servers\":5000}").problem(
                api.post("/api/v1/batches/b-1/installations", api.operator, "{\"servers\":5000}").status());
        assertThat(rule.path("status").asInt()).isIn(409, 422);
        assertThat(api.post("/api/v1/regions", api.operator, "{\"id\":\"cn-hangzhou\",\"name\":\"again\"}")
                .problem(409).path("code").asText()).isEqualTo("region-exists");
    }

    @Test
    void aStaleIfMatchIs412AndAMalformedOneToo() {
        var dc = api.get("/api/v1/data-centers/hz-1", api.viewer);
        String etag = dc.header("ETag").orElseThrow();
        api.send("PUT", "/api/v1/data-centers/hz-1", api.operator, "{\"powerCapacityKw\":20000,\"throughputPerWeek\":1}",
                Map.of("If-Match", "\"999\"")).problem(412);
        api.send("PUT", "/api/v1/data-centers/hz-1", api.operator, "{\"powerCapacityKw\":20000,\"throughputPerWeek\":1}",
                Map.of("If-Match", "W/\"whatever\"")).problem(412);
        assertThat(api.get("/api/v1/data-centers/hz-1", api.viewer).header("ETag")).contains(etag);
        api.send("PUT", "/api/v1/data-centers/hz-1", api.operator, "{\"powerCapacityKw\":20000,\"throughputPerWeek\":1}",
                Map.of("If-Match", "*")).ok(200);
    }

    @Test
    void anUnexpectedFaultIsA500WithACorrelationIdAndNoInternalText() {
        RegionQueries broken = new RegionQueries() {
            public List<RegionView> regions() {
                throw new IllegalStateException("connection pool exhausted at jdbc:secret-host");
            }

            public RegionView region(String id) {
                throw new NullPointerException("internal detail");
            }

            public List<DataCenterView> dataCenters(String region) {
                throw new NoClassDefFoundError("io/fleetplan/SecretInternalClass");
            }

            public DataCenterView dataCenter(String id) {
                throw new IllegalStateException("x");
            }
        };
        try (ApiFixture faulty = ApiFixture.start(e -> new Endpoints(e.registerRegion(), e.registerDataCenter(),
                e.changeDataCenter(), broken, e.registerAcceleratorType(), e.registerServerSku(),
                e.orderServerBatch(), e.advancePipeline(), e.fleetQueries(), e.submitOrder(), e.cancelOrder(),
                e.releaseOrder(), e.setReservation(), e.setPoolPolicy(), e.orderQueries(), e.createCommitment(),
                e.addTranche(), e.recordSpend(), e.amendCommitment(), e.capexQueries(), e.listEvents(),
                e.manageTokens(), e.manageScenarios(), e.runPlans()))) {
            var answer = faulty.get("/api/v1/regions", faulty.viewer);
            JsonNode problem = answer.problem(500);
            assertThat(problem.path("correlationId").asText()).isNotBlank();
            assertThat(answer.header("X-Correlation-Id")).contains(problem.path("correlationId").asText());
            assertThat(answer.body()).doesNotContain("secret-host").doesNotContain("IllegalState")
                    .doesNotContain("connection pool");
            assertThat(faulty.get("/api/v1/regions/cn-x", faulty.viewer).problem(500).path("detail").asText())
                    .doesNotContain("internal detail");
            var error = faulty.get("/api/v1/data-centers", faulty.viewer);
            assertThat(error.problem(500).path("correlationId").asText()).isNotBlank();
            assertThat(error.body()).doesNotContain("Secret");
            JsonNode health = faulty.get("/health", null).problem(503);
            assertThat(health.path("detail").asText()).doesNotContain("secret-host");
        }
    }
}
