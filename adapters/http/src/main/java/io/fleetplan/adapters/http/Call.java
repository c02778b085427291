package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.ObjectReader;
import io.fleetplan.application.port.in.access.Principal;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One authorised request as a handler sees it: its path and query parameters, its parsed body,
 * its caller, and the If-Match and Idempotency-Key it carried.
 */
final class Call {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final Context ctx;
    private final Route route;
    private final Optional<Principal> caller;
    private final byte[] body;
    private final ObjectReader reader;
    private final BiConsumer<Route, Object> completeness;

    /** {@code reader} reads the route's body type (any reader of the API's mapping, for a route without a body). */
    Call(Context ctx, Route route, Optional<Principal> caller, byte[] body, ObjectReader reader,
         BiConsumer<Route, Object> completeness) {
        this.ctx = ctx;
        this.route = route;
        this.caller = caller;
        this.body = body;
        this.reader = reader;
        this.completeness = completeness;
    }

    /** The authenticated caller (every route but the public ones has one). */
    Principal caller() {
        return caller.orElseThrow(() -> HttpProblem.unauthorized("this route needs a bearer token"));
    }

    String path(String name) {
        return ctx.pathParam(name);
    }

    /** A query parameter; blank counts as absent. */
    Optional<String> query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Every value of a repeated query parameter, blanks left out. */
    java.util.List<String> queries(String name) {
        return ctx.queryParams(name).stream().filter(v -> !v.isBlank()).toList();
    }

    String queryOrNull(String name) {
        return query(name).orElse(null);
    }

    /** The {@code limit} query parameter: 50 when absent; outside 1..1000 is refused by the query's constraints. */
    int limit() {
        Optional<String> value = query("limit");
        if (value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
    }

    Instant instant(String name) {
        Optional<String> value = query(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value.get().trim());
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    /** The body as {@code type}; a required body that is absent is refused. */
    <T> T body(Class<T> type) throws IOException {
        if (body.length == 0) {
            if (route.body().map(Route.Body::required).orElse(false)) {
                throw new HttpProblem(400, "body-required", "this route needs a JSON body",
                        java.util.List.of(new Problem.Violation("", "a JSON body is required")));
            }
            return null;
        }
        T value = type.cast((reader.getValueType() != null && reader.getValueType().hasRawClass(type)
                ? reader : reader.forType(type)).readValue(body));
        if (value == null) {
            throw new HttpProblem(400, "body-required", "the body must be a JSON object, not null",
                    java.util.List.of(new Problem.Violation("", "must be a JSON object")));
        }
        completeness.accept(route, value);
        return value;
    }

    /** The version If-Match asks for; null when the header is absent or {@code *}. */
    Long expectedVersion() {
        String ifMatch = ctx.header("If-Match");
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.expectedVersion(ifMatch);
    }

    Optional<String> idempotencyKey() {
        return Optional.ofNullable(ctx.header(HttpApi.IDEMPOTENCY_KEY)).filter(k -> !k.isBlank());
    }
}
