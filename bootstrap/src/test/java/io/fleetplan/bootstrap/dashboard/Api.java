package io.fleetplan.bootstrap.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The public API as the tests read it: the figures the dashboard must show. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String secret;

    Api(String base, String secret) {
        this.base = base;
        this.secret = secret;
    }

    Api as(String otherSecret) {
        return new Api(base, otherSecret);
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    JsonNode post(String path, String body, int expected, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request, expected);
    }

    /** Every item of a paged list, following nextCursor. */
    List<JsonNode> all(String path, Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("limit", "200");
            if (cursor != null) {
                q.put("cursor", cursor);
            }
            JsonNode listing = get(path + "?" + q.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
            listing.get("items").forEach(items::add);
            JsonNode next = listing.get("nextCursor");
            if (next == null || next.isNull()) {
                return items;
            }
            cursor = next.asText();
        }
        throw new IllegalStateException("more than 100 pages of " + path);
    }

    /** Whether the planning operations are served (scenarios or plans in the OpenAPI document). */
    boolean plans() {
        JsonNode paths = get("/api/v1/openapi.json").get("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        return names.stream().anyMatch(p -> p.startsWith("/api/v1/scenarios") || p.startsWith("/api/v1/plans"));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError("expected " + expected + " from " + response.request().uri() + " but got "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
