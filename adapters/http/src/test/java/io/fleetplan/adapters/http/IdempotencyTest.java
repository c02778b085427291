package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on creating POSTs: a retry repeats the first answer and changes nothing. */
class IdempotencyTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.seedPool(4);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static ApiFixture.Answer post(String path, String token, String body, String key) {
        return api.send("POST", path, token, body, Map.of("Idempotency-Key", key));
    }

    @Test
    void aRetriedOrderSubmissionReturnsTheFirstAnswerAndCreatesOneOrder() {
        String body = "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\",\"tenant\":\"acme\","
                + "\"tier\":\"MODEL_PLATFORM\",\"gpus\":8}";
        int before = api.events().size();
        var first = post("/api/v1/orders", api.operator, body, "order-key-1");
        var again = post("/api/v1/orders", api.operator, body, "order-key-1");
        first.ok(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        String reordered = "{\"gpus\":8,\"tier\":\"MODEL_PLATFORM\",\"tenant\":\"acme\",\"acceleratorType\":\"H20\","
                + "\"region\":\"cn-hangzhou\"}";
        assertThat(post("/api/v1/orders", api.operator, reordered, "order-key-1").body()).isEqualTo(first.body());
        JsonNode orders = api.get("/api/v1/orders?tenant=acme&tier=MODEL_PLATFORM", api.viewer).ok(200);
        assertThat(orders.path("items")).hasSize(1);
        int submitted = (int) api.events().stream().skip(before)
                .filter(e -> e.path("type").asText().equals("ORDER_SUBMITTED")).count();
        assertThat(submitted).isEqualTo(1);
    }

    @Test
    void anOrderKeyIsTheTenantsEvenAcrossTokensBecauseTheApplicationKeepsIt() {
        String body = "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\",\"tenant\":\"acme\","
                + "\"tier\":\"INTERNAL_TRAINING\",\"gpus\":8}";
        JsonNode first = post("/api/v1/orders", api.acme, body, "acme-order-7").ok(201);
        var second = post("/api/v1/orders", api.operator, body, "acme-order-7");
        assertThat(second.ok(201).path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.tree().path("replayed").asBoolean()).isTrue();
        assertThat(second.header("Idempotent-Replayed")).contains("true");
        String other = body.replace("\"gpus\":8", "\"gpus\":16");
        assertThat(post("/api/v1/orders", api.operator, other, "acme-order-7").problem(422).path("code").asText())
                .isEqualTo("idempotency-key-reused");
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        post("/api/v1/regions", api.operator, "{\"id\":\"eu-west-1\",\"name\":\"Ireland\"}", "region-key").ok(201);
        var other = post("/api/v1/regions", api.operator, "{\"id\":\"eu-west-2\",\"name\":\"London\"}", "region-key");
        assertThat(other.problem(422).path("code").asText()).isEqualTo("idempotency-key-reused");
        api.get("/api/v1/regions/eu-west-2", api.viewer).problem(404);
        var sameKeyOtherRoute = post("/api/v1/accelerator-types", api.operator,
                "{\"id\":\"PPU\",\"vendor\":\"T-Head\",\"memoryGib\":96}", "region-key");
        sameKeyOtherRoute.problem(422);
    }

    @Test
    void aRetriedCreationReplaysInsteadOfConflicting() {
        String body = "{\"id\":\"ap-southeast-1\",\"name\":\"Singapore\"}";
        var first = post("/api/v1/regions", api.operator, body, "sg-1");
        var retry = post("/api/v1/regions", api.operator, body, "sg-1");
        assertThat(retry.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.post("/api/v1/regions", api.operator, body).problem(409)).isNotNull();
    }

    @Test
    void keysBelongToTheTokenThatSentThem() {
        String body = "{\"id\":\"ap-northeast-1\",\"name\":\"Tokyo\"}";
        post("/api/v1/regions", api.operator, body, "shared-key").ok(201);
        assertThat(post("/api/v1/regions", ApiFixture.ADMIN, body, "shared-key").problem(409)).isNotNull();
    }

    @Test
    void aFailedAttemptIsNotRememberedSoTheClientMayCorrectAndRetry() {
        post("/api/v1/regions", api.operator, "{\"id\":\"BAD\",\"name\":\"x\"}", "fix-me").problem(400);
        post("/api/v1/regions", api.operator, "{\"id\":\"sa-east-1\",\"name\":\"Sao Paulo\"}", "fix-me").ok(201);
    }

    @Test
    void anOverlongKeyIsRefused() {
        assertThat(post("/api/v1/regions", api.operator, "{\"id\":\"us-east-9\",\"name\":\"x\"}", "k".repeat(201))
                .violationPaths()).containsExactly("Idempotency-Key");
    }
}
