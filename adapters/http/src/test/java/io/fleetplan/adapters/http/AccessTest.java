package io.fleetplan.adapters.http;

import io.fleetplan.domain.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route, from the route table: 401 without or with a bad token, 403 for each role it does not admit. */
class AccessTest {
    private static ApiFixture api;
    private static Map<Role, String> tokens;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        tokens = new EnumMap<>(Role.class);
        tokens.put(Role.VIEWER, api.viewer);
        tokens.put(Role.OPERATOR, api.operator);
        tokens.put(Role.PLANNER, api.planner);
        tokens.put(Role.ADMIN, ApiFixture.ADMIN);
        tokens.put(Role.TENANT, api.acme);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String concrete(Route route) {
        return route.path().replaceAll("\\{[A-Za-z]+}", "x1");
    }

    @Test
    void everyProtectedRouteRefusesRequestsWithoutAValidBearerToken() {
        int checked = 0;
        for (Route route : api.api.routes()) {
            if (route.access().isPublic()) {
                continue;
            }
            String body = route.body().isPresent() ? "{}" : null;
            for (String header : new String[]{null, "Bearer not-a-token", "Basic YWRtaW46YWRtaW4=", "Bearer"}) {
                var answer = api.send(route.method(), concrete(route), null, body,
                        header == null ? Map.of() : Map.of("Authorization", header));
                answer.problem(401);
                assertThat(answer.header("WWW-Authenticate")).as(route.operationId()).isPresent();
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(35);
    }

    @Test
    void everyRouteRefusesRolesItDoesNotAdmitWith403() {
        int checked = 0;
        for (Route route : api.api.routes()) {
            for (Role role : Role.values()) {
                if (route.access().allows(role)) {
                    continue;
                }
                String body = route.body().isPresent() ? "{}" : null;
                var answer = api.send(route.method(), concrete(route), tokens.get(role), body, Map.of());
                assertThat(answer.problem(403).path("code").asText()).as(route.operationId() + " as " + role)
                        .isEqualTo("forbidden");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        var created = api.post("/api/v1/tokens", ApiFixture.ADMIN, "{\"name\":\"temp\",\"role\":\"VIEWER\"}").ok(201);
        String secret = created.path("secret").asText();
        api.get("/api/v1/regions", secret).ok(200);
        api.post("/api/v1/tokens/temp/revoke", ApiFixture.ADMIN, null).ok(200);
        api.get("/api/v1/regions", secret).problem(401);
    }

    @Test
    void publicRoutesNeedNoToken() {
        api.get("/health", null).ok(200);
        assertThat(api.get("/metrics", null).status()).isEqualTo(200);
        api.get("/api/v1/openapi.json", null).ok(200);
    }
}
