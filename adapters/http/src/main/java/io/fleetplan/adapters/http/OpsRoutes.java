package io.fleetplan.adapters.http;

import java.util.List;
import java.util.function.Supplier;

import static io.fleetplan.adapters.http.Route.Response.one;
import static io.fleetplan.adapters.http.Route.Response.text;

/** Health, metrics and the OpenAPI document: public, for probes, scrapers and client generators. */
final class OpsRoutes {
    private static final String TAG = "operations";

    private OpsRoutes() {
    }

    /** Whether the service can serve: {@code UP} when a read through the store succeeds. */
    record Health(String status, String store) {
    }

    static List<Route> routes(Endpoints e, Metrics metrics, Supplier<String> openApi) {
        return List.of(
                Route.get("/health").id("health", "Whether the service and its store answer").tag(TAG)
                        .access(Access.PUBLIC).returns(one(200, Health.class)).errors(503)
                        .handle(call -> {
                            try {
                                e.regionQueries().regions();
                            } catch (RuntimeException failure) {
                                throw new StoreUnavailable(failure);
                            }
                            return Reply.ok(new Health("UP", "UP"));
                        }),
                Route.get("/metrics").id("metrics", "Request and pool metrics in the Prometheus text format").tag(TAG)
                        .access(Access.PUBLIC).returns(text(Metrics.CONTENT_TYPE))
                        .handle(call -> Reply.ok(metrics.render(e.orderQueries().pools()))),
                Route.get("/api/v1/openapi.json").id("openApi", "This API's OpenAPI 3.1 document").tag(TAG)
                        .access(Access.PUBLIC).returns(text("application/json"))
                        .handle(call -> Reply.ok(openApi.get())));
    }

    /** The store did not answer a health read: 503, with the cause logged under a correlation id. */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super("store unavailable", cause);
        }
    }
}
