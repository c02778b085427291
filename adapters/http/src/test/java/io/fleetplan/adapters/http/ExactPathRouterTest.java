package io.fleetplan.adapters.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router answers every request with the route Javalin's own search (each route of the method
 * in the order added: a wildcard, the exact path, or the route's pattern) would have chosen.
 */
class ExactPathRouterTest {

    @Test
    void findsForEveryRouteOfTheApiWhatJavalinsOwnSearchFinds() {
        try (ApiFixture api = ApiFixture.start()) {
            ExactPathRouter router = api.api.router();
            List<ParsedEndpoint> all = router.allHttpHandlers();
            long literal = api.api.routes().stream().filter(r -> !r.path().contains("{")).count();
            assertThat(router.literalPaths()).isEqualTo((int) literal);
            for (Route route : api.api.routes()) {
                String example = route.path().replaceAll("\\{[A-Za-z]+}", "x-1");
                for (String method : List.of(route.method(), "GET", "POST", "PUT", "DELETE")) {
                    HandlerType type = HandlerType.findOrCreate(method);
                    for (String path : List.of(example, example + "/", route.path(), example + "/more", "/api/v1")) {
                        assertThat(router.findFirstHttpHandlerEntry(type, path)).as(method + " " + path)
                                .isSameAs(javalinsSearch(all, type, path));
                    }
                }
            }
        }
    }

    @Test
    void leavesToJavalinALiteralPathThatAnEarlierRouteMatches() {
        Javalin app = Javalin.create(config -> {
            config.unsafe.internalRouter = new ExactPathRouter(config.unsafe);
            config.routes.addHttpHandler(HandlerType.GET, "/things/{id}", ctx -> ctx.result("one"));
            config.routes.addHttpHandler(HandlerType.GET, "/things/new", ctx -> ctx.result("new"));
            config.routes.addHttpHandler(HandlerType.GET, "/other", ctx -> ctx.result("other"));
        });
        ExactPathRouter router = (ExactPathRouter) app.unsafe.internalRouter;
        List<ParsedEndpoint> all = router.allHttpHandlers();

        ParsedEndpoint found = router.findFirstHttpHandlerEntry(HandlerType.GET, "/things/new");
        assertThat(found.endpoint.path).isEqualTo("/things/{id}");
        assertThat(found).isSameAs(javalinsSearch(all, HandlerType.GET, "/things/new"));
        assertThat(router.findFirstHttpHandlerEntry(HandlerType.GET, "/other").endpoint.path).isEqualTo("/other");
        assertThat(router.findFirstHttpHandlerEntry(HandlerType.POST, "/other")).isNull();
        assertThat(router.literalPaths()).isEqualTo(1);
    }

    /** Javalin's search: the first route of the method that is a wildcard, the exact path, or matches it. */
    private static ParsedEndpoint javalinsSearch(List<ParsedEndpoint> all, HandlerType type, String path) {
        return all.stream().filter(p -> p.endpoint.method.equals(type))
                .filter(p -> p.endpoint.path.equals("*") || p.endpoint.path.equals(path) || p.matches(path))
                .findFirst().orElse(null);
    }
}
