package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.capex.AddTranche;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random run of broken requests against every POST and PUT that takes a body: malformed,
 * truncated, oversized, wrong-typed, out-of-bounds and unknown-field bodies, and wrong media types.
 * None may answer 5xx, every refusal must be a problem, and none may change anything: the event
 * log is the same before and after. Replay a failure with {@code -Dfuzz.seed=<seed>}.
 */
class FuzzTest {
    private static final int REQUESTS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiFixture api;
    private static String orderId;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.seedPool(4);
        orderId = api.post("/api/v1/orders", api.operator, "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\","
                + "\"tenant\":\"acme\",\"tier\":\"EXTERNAL_LEASE\",\"gpus\":8}").ok(201).path("id").asText();
        api.post("/api/v1/commitments", api.planner, "{\"id\":\"c-1\",\"name\":\"programme\",\"total\":1000000,"
                + "\"currency\":\"USD\",\"start\":\"2025Q1\",\"end\":\"2027Q4\"}").ok(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A valid request for every POST and PUT with a body: the fuzzer breaks one thing in it. */
    private static Map<String, Object> base(Route route) {
        return switch (route.operationId()) {
            case "registerRegion" -> obj("id", "eu-fuzz-1", "name", "Fuzz");
            case "registerDataCenter" -> obj("id", "fz-1", "region", "cn-hangzhou", "name", "F",
                    "powerCapacityKw", 100, "throughputPerWeek", 1);
            case "changeDataCenter" -> obj("powerCapacityKw", 20000, "throughputPerWeek", 1, "reason", "r");
            case "registerAcceleratorType" -> obj("id", "FZ1", "vendor", "V", "memoryGib", 1);
            case "registerSku" -> obj("id", "fz-sku", "name", "n", "acceleratorType", "H20",
                    "acceleratorsPerServer", 8, "powerPerServerKw", 1.5, "unitCost", 10.25, "currency", "USD");
            case "orderBatch" -> obj("sku", "h20-8", "dataCenter", "hz-1", "quantity", 1, "expectedDelivery", "2026Q1");
            case "recordDelivery", "recordInstallation", "recordActivation", "recordRetirement" ->
                    obj("servers", 1, "reason", "r");
            case "setReservation" -> obj("gpus", 1, "reason", "r");
            case "setPoolPolicy" -> obj("queueing", "STRICT_FIFO", "preemption", true, "reason", "r");
            case "submitOrder" -> obj("region", "cn-hangzhou", "acceleratorType", "H20", "tenant", "acme",
                    "tier", "MODEL_PLATFORM", "gpus", 1);
            case "cancelOrder" -> obj("reason", "r");
            case "createCommitment" -> obj("id", "c-2", "name", "n", "total", 100, "currency", "USD",
                    "start", "2025Q1", "end", "2026Q1");
            case "addTranche" -> obj("quarter", "2025Q3", "amount", 10, "region", "cn-hangzhou");
            case "recordSpend" -> obj("quarter", "2025Q3", "amount", 10, "category", "SERVERS", "note", "n");
            case "amendCommitment" -> obj("newTotal", 2000000, "newEnd", "2028Q1", "reason", "r");
            case "createToken" -> obj("name", "fz", "role", "VIEWER");
            // only fields every mutation breaks: optional fields could stay valid when dropped or bounded
            case "createScenario", "replaceScenario", "projectPlan" -> obj("name", "fz", "horizonQuarters", 4,
                    "leadTimeQuarters", 0);
            case "solveBacklog" -> obj("lever", "POWER", "clearBy", "2027Q4");
            default -> throw new AssertionError("no base request for " + route.operationId());
        };
    }

    private static String path(Route route) {
        return route.path().replace("{name}", "no-such-scenario").replace("{region}", "cn-hangzhou").replace("{acceleratorType}", "H20")
                .replace("{tier}", "MODEL_PLATFORM").replace("{id}", switch (route.tag()) {
                    case "regions" -> "hz-1";
                    case "fleet" -> "b-1";
                    case "orders" -> orderId;
                    case "capex" -> "c-1";
                    default -> "x";
                });
    }

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private record Attempt(String description, String contentType, String body) {
    }

    @Test
    void brokenRequestsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        List<Route> targets = api.api.routes().stream()
                .filter(r -> !r.method().equals("GET") && r.body().isPresent()).toList();
        assertThat(targets).hasSizeGreaterThan(15);
        List<JsonNode> before = api.events();
        JsonNode poolBefore = api.get("/api/v1/pools/cn-hangzhou/H20", api.viewer).ok(200);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int oversized = 0;
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            Route route = targets.get(random.nextInt(targets.size()));
            Attempt attempt = mutate(route, random, oversized < 12);
            if (attempt.description().startsWith("oversized")) {
                oversized++;
            }
            var answer = api.send(route.method(), path(route), ApiFixture.ADMIN, attempt.body(),
                    Map.of("Content-Type", attempt.contentType()));
            statuses.merge(answer.status(), 1, Integer::sum);
            String what = route.operationId() + " " + attempt.description() + " -> " + answer.status() + " "
                    + abbreviate(answer.body()) + " for " + abbreviate(attempt.body());
            if (answer.status() >= 500 || answer.status() < 400) {
                failures.add(what);
            } else if (!answer.isProblem()) {
                failures.add("not a problem: " + what);
            } else {
                JsonNode problem = answer.tree();
                if (problem.path("status").asInt() != answer.status() || problem.path("code").asText().isBlank()
                        || (answer.status() == 400 && problem.path("violations").size() == 0)) {
                    failures.add("incomplete problem: " + what);
                }
            }
        }
        assertThat(failures).as("fuzz seed %d (replay with -Dfuzz.seed=%d)", seed, seed).isEmpty();
        assertThat(statuses).as("statuses of fuzz seed %d", seed).containsKeys(400, 413, 415);
        assertThat(api.events()).as("event log after fuzz seed %d", seed).isEqualTo(before);
        assertThat(api.get("/api/v1/pools/cn-hangzhou/H20", api.viewer).ok(200))
                .as("pool after fuzz seed %d", seed).isEqualTo(poolBefore);
    }

    @Test
    void oddQueriesAndPathSegmentsOnReadsAreNeverServerErrors() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        String[] values = {"", "0", "-1", "1001", "2147483648", "abc", "%25", "2026-01-01T00:00:00Z", "2026-13-45",
                "2026Q5", "cn-hangzhou", "H20", "ALLOCATED", "x".repeat(3000), "bm9wZQ", "MTIz", "%E2%82%AC", "+",
                "null", "[]", "..%2F"};
        String[] names = {"limit", "cursor", "from", "to", "region", "acceleratorType", "tier", "status", "tenant",
                "subject", "type", "asOf", "dataCenter", "unknown"};
        List<Route> reads = api.api.routes().stream().filter(r -> r.method().equals("GET")).toList();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1000 && failures.size() < 20; i++) {
            Route route = reads.get(random.nextInt(reads.size()));
            String path = route.path();
            while (path.contains("{")) {
                int open = path.indexOf('{');
                String segment = random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : "cn-hangzhou";
                path = path.substring(0, open) + (segment.isEmpty() ? "x" : segment) + path.substring(path.indexOf('}') + 1);
            }
            StringBuilder query = new StringBuilder();
            for (int q = random.nextInt(4); q > 0; q--) {
                query.append(query.length() == 0 ? "?" : "&").append(names[random.nextInt(names.length)]).append('=')
                        .append(values[random.nextInt(values.length)]);
            }
            String token = random.nextInt(5) == 0 ? api.acme : ApiFixture.ADMIN;
            var answer = api.rawGet(path + query, token);
            if (answer.status() >= 500 || (answer.status() >= 400 && !answer.isProblem())) {
                failures.add(path + query + " -> " + answer.status() + " " + abbreviate(answer.body()));
            }
        }
        assertThat(failures).as("fuzz seed %d (replay with -Dfuzz.seed=%d)", seed, seed).isEmpty();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static Attempt mutate(Route route, SplittableRandom random, boolean allowOversized) throws Exception {
        Map<String, Object> body = base(route);
        String valid = JSON.writeValueAsString(body);
        int kind = random.nextInt(allowOversized ? 12 : 11);
        switch (kind) {
            case 0 -> {
                int cut = 1 + random.nextInt(valid.length() - 1);
                return new Attempt("truncated at " + cut, "application/json", valid.substring(0, cut));
            }
            case 1 -> {
                Object[] garbage = {"[]", "42", "\"text\"", "true", "null", "{{}}", "{'id':'x'}", "{\"a\":}",
                        "[" .repeat(200) + "]".repeat(200), "{\"x\":" .repeat(100) + "1" + "}".repeat(100),
                        "\u0000\u0001\u0002", "{\"id\":\"\\uZZZZ\"}", "NaN", "{\"gpus\":Infinity}"};
                return new Attempt("garbage", "application/json", (String) garbage[random.nextInt(garbage.length)]);
            }
            case 2 -> {
                body.put("unexpected" + random.nextInt(100), random.nextBoolean() ? 1 : "x");
                return new Attempt("unknown field", "application/json", JSON.writeValueAsString(body));
            }
            case 3, 4 -> {
                String field = pick(body, random);
                body.put(field, wrongType(route, field, random));
                return new Attempt("wrong type for " + field, "application/json", JSON.writeValueAsString(body));
            }
            case 5, 6, 7 -> {
                Map<String, Function<SplittableRandom, Object>> invalid = invalidValues(route);
                if (invalid.isEmpty()) {
                    return new Attempt("no constraints: garbage", "application/json", "[1]");
                }
                List<String> fields = new ArrayList<>(invalid.keySet());
                String field = fields.get(random.nextInt(fields.size()));
                Object value = invalid.get(field).apply(random);
                if (value == MISSING) {
                    body.remove(field);
                } else {
                    body.put(field, value);
                }
                return new Attempt("invalid " + field + "=" + abbreviate(String.valueOf(value)), "application/json",
                        JSON.writeValueAsString(body));
            }
            case 8 -> {
                String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x"};
                return new Attempt("media type", types[random.nextInt(types.length)], valid);
            }
            case 9 -> {
                // each of these breaks every field: a type error for strings and booleans; for numbers
                // too small, too large, overflowing, or with more decimals than any field takes
                String field = pick(body, random);
                String[] bounds = {Long.toString(Long.MIN_VALUE), "9".repeat(30), "1e400", "1.0e-7", "1e308",
                        Integer.toString(Integer.MIN_VALUE), "-1e-400"};
                String bound = bounds[random.nextInt(bounds.length)];
                body.put(field, "@@bound@@");
                return new Attempt("boundary " + field + "=" + bound, "application/json",
                        JSON.writeValueAsString(body).replace("\"@@bound@@\"", bound));
            }
            case 10 -> {
                return new Attempt("empty object", "application/json", route.operationId().equals("cancelOrder")
                        ? "{\"reason\":{}}" : "{}");
            }
            default -> {
                String field = pick(body, random);
                body.put(field, "x".repeat(1024 * 1024 + random.nextInt(4096)));
                return new Attempt("oversized " + field, "application/json", JSON.writeValueAsString(body));
            }
        }
    }

    private static final Object MISSING = new Object();

    private static String pick(Map<String, Object> body, SplittableRandom random) {
        List<String> fields = new ArrayList<>(body.keySet());
        return fields.get(random.nextInt(fields.size()));
    }

    /** A JSON value of another type than the body's field takes (strings are never coerced to numbers, nor back). */
    private static Object wrongType(Route route, String field, SplittableRandom random) {
        Class<?> type = java.util.Arrays.stream(route.body().orElseThrow().type().getRecordComponents())
                .filter(rc -> rc.getName().equals(field)).findFirst().orElseThrow().getType();
        List<Object> options = new ArrayList<>(List.of(List.of(1, 2), Map.of("nested", true)));
        if (type == String.class) {
            options.addAll(List.of(7, 1.5, true));
        } else if (type == Boolean.class) {
            options.addAll(List.of("yes", 1, 0.5));
        } else if (type == Long.class || type == Integer.class) {
            options.addAll(List.of("12", true, 1.5));
        } else {
            options.addAll(List.of("10.5", true));
        }
        return options.get(random.nextInt(options.size()));
    }

    /** For each constrained field of the route's command that the body carries, values that break the constraint. */
    private static Map<String, Function<SplittableRandom, Object>> invalidValues(Route route) {
        Map<String, Function<SplittableRandom, Object>> out = new LinkedHashMap<>();
        Class<? extends Record> command = route.body().flatMap(Route.Body::command).orElseThrow();
        List<String> carried = java.util.Arrays.stream(route.body().get().type().getRecordComponents())
                .map(RecordComponent::getName).toList();
        for (RecordComponent rc : command.getRecordComponents()) {
            if (!carried.contains(rc.getName())) {
                continue;
            }
            List<Function<SplittableRandom, Object>> breakers = new ArrayList<>();
            if (rc.getType().isPrimitive() || has(rc, NotNull.class)) {
                breakers.add(r -> r.nextBoolean() ? null : MISSING);
            }
            if (has(rc, NotBlank.class)) {
                breakers.add(r -> " ".repeat(1 + r.nextInt(3)));
            }
            if (has(rc, Pattern.class)) {
                breakers.add(r -> "!/%" + "x".repeat(r.nextInt(5)));
            }
            Size size = get(rc, Size.class);
            if (size != null && size.max() < 100_000) {
                breakers.add(r -> "y".repeat(size.max() + 1 + r.nextInt(10)));
            }
            if (has(rc, Positive.class)) {
                breakers.add(r -> r.nextBoolean() ? 0 : -1 - r.nextInt(1000));
            }
            if (has(rc, PositiveOrZero.class)) {
                breakers.add(r -> -1 - r.nextInt(1000));
            }
            Max max = get(rc, Max.class);
            if (max != null) {
                breakers.add(r -> max.value() + 1 + r.nextInt(1000));
            }
            Min min = get(rc, Min.class);
            if (min != null) {
                breakers.add(r -> min.value() - 1 - r.nextInt(1000));
            }
            Digits digits = get(rc, Digits.class);
            if (digits != null) {
                breakers.add(r -> new java.math.BigDecimal("1." + "1".repeat(digits.fraction() + 1)));
                breakers.add(r -> new java.math.BigDecimal("1" + "0".repeat(digits.integer())));
            }
            if (!breakers.isEmpty()) {
                out.put(rc.getName(), r -> breakers.get(r.nextInt(breakers.size())).apply(r));
            }
        }
        if (command == ManageTokens.Command.class || command == AddTranche.Command.class) {
            out.remove("tenant");
        }
        return out;
    }

    private static boolean has(RecordComponent rc, Class<? extends Annotation> type) {
        return get(rc, type) != null;
    }

    private static <A extends Annotation> A get(RecordComponent rc, Class<A> type) {
        A found = rc.getAccessor().getAnnotation(type);
        if (found == null) {
            try {
                found = rc.getDeclaringRecord().getDeclaredField(rc.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return found;
    }
}
