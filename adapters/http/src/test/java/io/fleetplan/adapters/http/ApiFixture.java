package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.shared.Actor;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running API over a fresh in-memory store, on a free loopback port, with one token per role
 * and two tenant tokens (acme, globex); and a small HTTP client for it.
 */
final class ApiFixture implements AutoCloseable {
    static final String ADMIN = "admin-secret-for-tests-only";
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    final ApplicationServices services;
    final Endpoints endpoints;
    final HttpApi api;
    final HttpClient client;
    final ObjectMapper json = new ObjectMapper();
    final String viewer;
    final String operator;
    final String planner;
    final String acme;
    final String globex;

    private ApiFixture(UnaryOperator<Endpoints> decorate, HttpSettings settings) {
        this(decorate, settings, System::nanoTime);
    }

    private ApiFixture(UnaryOperator<Endpoints> decorate, HttpSettings settings, LongSupplier ticker) {
        Validator validator = VALIDATION.getValidator();
        services = new ApplicationServices(InMemoryStores.create(), Clock.systemUTC(), validator);
        endpoints = decorate.apply(endpoints(services));
        services.access().bootstrapAdmin(Optional.of(ADMIN));
        viewer = token("viewer", "VIEWER", null);
        operator = token("operator", "OPERATOR", null);
        planner = token("planner", "PLANNER", null);
        acme = token("acme-portal", "TENANT", "acme");
        globex = token("globex-portal", "TENANT", "globex");
        api = new HttpApi(endpoints, settings, ticker);
        api.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static ApiFixture start() {
        return new ApiFixture(UnaryOperator.identity(), HttpSettings.defaults());
    }

    static ApiFixture start(UnaryOperator<Endpoints> decorate) {
        return new ApiFixture(decorate, HttpSettings.defaults());
    }

    static ApiFixture start(HttpSettings settings) {
        return new ApiFixture(UnaryOperator.identity(), settings);
    }

    /** With {@code ticker} (nanoseconds) timing the token cache, so that a test can move time on. */
    static ApiFixture start(HttpSettings settings, LongSupplier ticker) {
        return new ApiFixture(UnaryOperator.identity(), settings, ticker);
    }

    static Endpoints endpoints(ApplicationServices s) {
        return new Endpoints(s.regions(), s.regions(), s.regions(), s.regions(), s.fleet(), s.fleet(), s.fleet(),
                s.fleet(), s.fleet(), s.orders(), s.orders(), s.orders(), s.orders(), s.orders(), s.orders(),
                s.capex(), s.capex(), s.capex(), s.capex(), s.capex(), s.events(), s.access(), s.planning(),
                s.planning());
    }

    private String token(String name, String role, String tenant) {
        return services.access().create(Actor.SYSTEM, new ManageTokens.Command(name, role, tenant)).secret();
    }

    String base() {
        return "http://127.0.0.1:" + api.port();
    }

    /** A response as the tests look at it. */
    record Answer(int status, Map<String, List<String>> headers, String body, ObjectMapper json) {
        JsonNode tree() {
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        /** Asserts an RFC 9457 problem of {@code expected} status and returns it. */
        JsonNode problem(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            assertThat(contentType()).as("content type of %s", body).startsWith("application/problem+json");
            JsonNode p = tree();
            assertThat(p.path("status").asInt()).isEqualTo(expected);
            assertThat(p.path("type").asText()).isNotBlank();
            assertThat(p.path("title").asText()).isNotBlank();
            assertThat(p.path("code").asText()).isNotBlank();
            assertThat(p.path("instance").asText()).startsWith("/");
            if (expected == 400) {
                assertThat(p.path("violations").isArray()).as("violations in %s", body).isTrue();
                assertThat(p.path("violations").size()).as("violations in %s", body).isPositive();
            }
            return p;
        }

        /** The paths of the violations of a 400. */
        List<String> violationPaths() {
            JsonNode p = problem(400);
            List<String> paths = new ArrayList<>();
            p.path("violations").forEach(v -> paths.add(v.path("path").asText()));
            return paths;
        }

        JsonNode ok(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return tree();
        }
    }

    Answer send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        all.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET written by hand on a socket, for request targets java.net.URI refuses (such as bad escapes). */
    Answer rawGet(String target, String token) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim(), List.of(head[i].substring(colon + 1).trim()));
            }
            return new Answer(status, headers, response.substring(headerEnd + 4), json);
        } catch (IOException e) {
            throw new AssertionError("GET " + target + " failed", e);
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Answer post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    Answer put(String path, String token, String body) {
        return send("PUT", path, token, body, Map.of());
    }

    /**
     * Region cn-hangzhou with data centre hz-1 (10 000 kW, 500 servers a week), accelerator H20,
     * SKU h20-8 (8 GPUs, 10 kW), batch b-1 of 100 servers with {@code inService} of them in
     * service: pool cn-hangzhou/H20 then holds 8 x inService GPUs.
     */
    void seedPool(long inService) {
        post("/api/v1/regions", ADMIN, "{\"id\":\"cn-hangzhou\",\"name\":\"Hangzhou\"}").ok(201);
        post("/api/v1/accelerator-types", ADMIN, "{\"id\":\"H20\",\"vendor\":\"NVIDIA\",\"memoryGib\":96}").ok(201);
        post("/api/v1/data-centers", ADMIN, "{\"id\":\"hz-1\",\"region\":\"cn-hangzhou\",\"name\":\"Hangzhou 1\","
                + "\"powerCapacityKw\":10000,\"throughputPerWeek\":500}").ok(201);
        post("/api/v1/skus", ADMIN, "{\"id\":\"h20-8\",\"name\":\"H20 x8\",\"acceleratorType\":\"H20\","
                + "\"acceleratorsPerServer\":8,\"powerPerServerKw\":10,\"unitCost\":250000,\"currency\":\"USD\"}")
                .ok(201);
        post("/api/v1/batches", ADMIN, "{\"id\":\"b-1\",\"sku\":\"h20-8\",\"dataCenter\":\"hz-1\",\"quantity\":100,"
                + "\"expectedDelivery\":\"2026Q1\"}").ok(201);
        if (inService > 0) {
            String servers = "{\"servers\":" + inService + "}";
            post("/api/v1/batches/b-1/deliveries", ADMIN, servers).ok(200);
            post("/api/v1/batches/b-1/installations", ADMIN, servers).ok(200);
            post("/api/v1/batches/b-1/activations", ADMIN, servers).ok(200);
        }
    }

    /** Every event in the log, read through the API. */
    List<JsonNode> events() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/events?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN)
                    .ok(200);
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    @Override
    public void close() {
        api.stop();
    }
}
