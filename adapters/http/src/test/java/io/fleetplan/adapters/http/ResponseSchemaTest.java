package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server answers matches what the document says it answers: every JSON response of a
 * walk through the API is checked against the schema the OpenAPI document gives for its route and
 * status (types, required and unknown fields, patterns), problems included.
 */
class ResponseSchemaTest {
    private static ApiFixture api;
    private static JsonNode document;
    private static String orderId;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.seedPool(4);
        orderId = api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                + "\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":8}").ok(201).path("id").asText();
        api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                + "\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":64}").ok(201);
        api.post("/api/v1/commitments", api.planner, "{\"id\":\"c-1\",\"name\":\"programme\",\"total\":1000000,"
                + "\"currency\":\"USD\",\"start\":\"2025Q1\",\"end\":\"2027Q4\"}").ok(201);
        api.post("/api/v1/commitments/c-1/spend", api.planner,
                "{\"quarter\":\"2025Q3\",\"amount\":10,\"category\":\"SERVERS\",\"batch\":\"b-1\"}").ok(201);
        document = api.get("/api/v1/openapi.json", null).tree();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private record Call(String method, String path, String template, String token, String body) {
    }

    private static List<Call> walk() {
        String admin = ApiFixture.ADMIN;
        return List.of(
                new Call("GET", "/api/v1/regions", "/api/v1/regions", api.viewer, null),
                new Call("GET", "/api/v1/regions/cn-hangzhou", "/api/v1/regions/{id}", api.viewer, null),
                new Call("GET", "/api/v1/regions/eu-west-9", "/api/v1/regions/{id}", api.viewer, null),
                new Call("GET", "/api/v1/data-centers", "/api/v1/data-centers", api.viewer, null),
                new Call("GET", "/api/v1/data-centers/hz-1", "/api/v1/data-centers/{id}", api.viewer, null),
                new Call("PUT", "/api/v1/data-centers/hz-1", "/api/v1/data-centers/{id}", admin,
                        "{\"powerCapacityKw\":20000,\"throughputPerWeek\":800}"),
                new Call("GET", "/api/v1/accelerator-types", "/api/v1/accelerator-types", api.viewer, null),
                new Call("GET", "/api/v1/skus", "/api/v1/skus", api.viewer, null),
                new Call("GET", "/api/v1/batches", "/api/v1/batches", api.viewer, null),
                new Call("GET", "/api/v1/batches/b-1", "/api/v1/batches/{id}", api.viewer, null),
                new Call("POST", "/api/v1/batches/b-1/deliveries", "/api/v1/batches/{id}/deliveries", admin,
                        "{\"servers\":2}"),
                new Call("GET", "/api/v1/pools", "/api/v1/pools", api.viewer, null),
                new Call("GET", "/api/v1/pools/cn-hangzhou/H20", "/api/v1/pools/{region}/{acceleratorType}",
                        api.viewer, null),
                new Call("PUT", "/api/v1/pools/cn-hangzhou/H20/policy", "/api/v1/pools/{region}/{acceleratorType}/policy",
                        admin, "{\"queueing\":\"BEST_EFFORT_FIFO\",\"preemption\":true}"),
                new Call("GET", "/api/v1/pools/cn-hangzhou/H20/backlog?limit=1",
                        "/api/v1/pools/{region}/{acceleratorType}/backlog", api.viewer, null),
                new Call("POST", "/api/v1/orders", "/api/v1/orders", admin, "{\"region\":\"cn-hangzhou\","
                        + "\"acceleratorType\":\"H20\",\"tenant\":\"acme\",\"tier\":\"MODEL_PLATFORM\",\"gpus\":0}"),
                new Call("GET", "/api/v1/orders?limit=1", "/api/v1/orders", api.viewer, null),
                new Call("GET", "/api/v1/orders/" + orderId, "/api/v1/orders/{id}", api.viewer, null),
                new Call("POST", "/api/v1/orders/" + orderId + "/release", "/api/v1/orders/{id}/release", admin, null),
                new Call("POST", "/api/v1/orders/" + orderId + "/release", "/api/v1/orders/{id}/release", admin, null),
                new Call("GET", "/api/v1/commitments", "/api/v1/commitments", api.viewer, null),
                new Call("GET", "/api/v1/commitments/c-1", "/api/v1/commitments/{id}", api.viewer, null),
                new Call("POST", "/api/v1/commitments/c-1/amendments", "/api/v1/commitments/{id}/amendments", admin,
                        "{\"newTotal\":2000000,\"reason\":\"more\"}"),
                new Call("GET", "/api/v1/commitments/c-1/status?asOf=2025Q4", "/api/v1/commitments/{id}/status",
                        api.viewer, null),
                new Call("GET", "/api/v1/events?limit=3", "/api/v1/events", api.viewer, null),
                new Call("GET", "/api/v1/orders/" + orderId + "/events", "/api/v1/orders/{id}/events", api.acme,
                        null),
                new Call("GET", "/api/v1/orders/" + orderId + "/events", "/api/v1/orders/{id}/events", api.globex,
                        null),
                new Call("GET", "/api/v1/me", "/api/v1/me", api.viewer, null),
                new Call("GET", "/api/v1/me", "/api/v1/me", api.acme, null),
                new Call("GET", "/api/v1/me", "/api/v1/me", null, null),
                new Call("GET", "/api/v1/tokens", "/api/v1/tokens", admin, null),
                new Call("POST", "/api/v1/tokens", "/api/v1/tokens", admin, "{\"name\":\"t1\",\"role\":\"VIEWER\"}"),
                new Call("POST", "/api/v1/tokens/t1/revoke", "/api/v1/tokens/{name}/revoke", admin, null),
                new Call("GET", "/api/v1/tokens", "/api/v1/tokens", api.viewer, null),
                new Call("GET", "/api/v1/tokens", "/api/v1/tokens", null, null),
                new Call("GET", "/health", "/health", null, null),
                new Call("POST", "/api/v1/scenarios", "/api/v1/scenarios", admin,
                        "{\"name\":\"s-1\",\"horizonQuarters\":6,\"growthYoy\":0.34,\"leadTimeQuarters\":1,"
                                + "\"pools\":[{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                                + "\"internalSeries\":[8,16,24]}]}"),
                new Call("POST", "/api/v1/scenarios", "/api/v1/scenarios", admin,
                        "{\"name\":\"s-2\",\"horizonQuarters\":0,\"leadTimeQuarters\":1}"),
                new Call("PUT", "/api/v1/scenarios/s-1", "/api/v1/scenarios/{name}", admin,
                        "{\"horizonQuarters\":8,\"growthYoy\":0.34,\"leadTimeQuarters\":1}"),
                new Call("GET", "/api/v1/scenarios", "/api/v1/scenarios", api.viewer, null),
                new Call("GET", "/api/v1/scenarios/s-1", "/api/v1/scenarios/{name}", api.viewer, null),
                new Call("POST", "/api/v1/scenarios/s-1/plan-of-record", "/api/v1/scenarios/{name}/plan-of-record",
                        admin, null),
                new Call("GET", "/api/v1/plans/s-1", "/api/v1/plans/{name}", api.viewer, null),
                new Call("POST", "/api/v1/plans", "/api/v1/plans", api.viewer,
                        "{\"name\":\"x\",\"horizonQuarters\":4,\"leadTimeQuarters\":1}"),
                new Call("GET", "/api/v1/comparisons?scenario=s-1", "/api/v1/comparisons", api.viewer, null),
                new Call("POST", "/api/v1/plans/s-1/solve", "/api/v1/plans/{name}/solve", api.viewer,
                        "{\"lever\":\"POWER\",\"clearBy\":\"2027Q4\"}"),
                new Call("GET", "/api/v1/growth-presets", "/api/v1/growth-presets", api.viewer, null),
                new Call("POST", "/api/v1/scenarios", "/api/v1/scenarios", admin,
                        "{\"name\":\"s-3\",\"horizonQuarters\":4,\"leadTimeQuarters\":1}"),
                new Call("DELETE", "/api/v1/scenarios/s-3", "/api/v1/scenarios/{name}", admin, null));
    }

    @Test
    void everyResponseMatchesTheSchemaTheDocumentGivesForItsRouteAndStatus() {
        List<String> errors = new ArrayList<>();
        Set<Integer> statuses = new HashSet<>();
        for (Call call : walk()) {
            var answer = api.send(call.method(), call.path(), call.token(), call.body(), Map.of());
            statuses.add(answer.status());
            JsonNode operation = document.path("paths").path(call.template()).path(call.method().toLowerCase());
            assertThat(operation.isMissingNode()).as(call.template()).isFalse();
            JsonNode response = resolve(operation.path("responses").path(Integer.toString(answer.status())));
            String where = call.method() + " " + call.path() + " -> " + answer.status();
            if (response.isMissingNode()) {
                errors.add(where + ": status not documented");
                continue;
            }
            String mediaType = answer.contentType().split(";")[0].trim();
            JsonNode schema = response.path("content").path(mediaType).path("schema");
            if (schema.isMissingNode()) {
                errors.add(where + ": media type " + mediaType + " not documented");
                continue;
            }
            check(schema, answer.tree(), where + " $", errors);
        }
        assertThat(errors).isEmpty();
        assertThat(statuses).contains(200, 201, 400, 401, 403, 404, 422);
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            int matching = 0;
            List<String> last = new ArrayList<>();
            for (JsonNode alternative : schema.get("oneOf")) {
                List<String> attempt = new ArrayList<>();
                check(alternative, value, path, attempt);
                if (attempt.isEmpty()) {
                    matching++;
                } else {
                    last = attempt;
                }
            }
            if (matching != 1) {
                errors.add(path + ": matches " + matching + " alternatives of oneOf" + (matching == 0 ? " " + last : ""));
            }
            return;
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.get("type").isArray()) {
                schema.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(schema.get("type").asText());
            }
            if (types.stream().noneMatch(t -> matches(t, value))) {
                errors.add(path + ": " + value.getNodeType() + " is not " + types);
                return;
            }
        }
        if (value.isTextual() && schema.has("pattern") && !value.asText().matches(schema.get("pattern").asText())) {
            errors.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    errors.add(path + ": required " + r.asText() + " is missing");
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey(), errors);
                } else if (schema.path("additionalProperties").isObject()) {
                    check(schema.get("additionalProperties"), field.getValue(), path + "." + field.getKey(), errors);
                } else if (properties.size() > 0 || schema.path("additionalProperties").isBoolean()) {
                    errors.add(path + ": " + field.getKey() + " is not documented");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(schema.get("items"), item, path + "[" + i++ + "]", errors);
            }
        }
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
