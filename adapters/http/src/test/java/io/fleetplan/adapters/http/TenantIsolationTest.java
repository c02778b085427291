package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant token sees and touches only its own tenant's orders; others' orders do not exist for it. */
class TenantIsolationTest {
    private static ApiFixture api;
    private static String acmeOrder;
    private static String globexOrder;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.seedPool(10);
        acmeOrder = api.post("/api/v1/orders", api.acme, order(null, 8)).ok(201).path("id").asText();
        globexOrder = api.post("/api/v1/orders", api.globex, order("globex", 8)).ok(201).path("id").asText();
        api.post("/api/v1/orders", api.operator, order("initech", 8)).ok(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String order(String tenant, long gpus) {
        return "{\"region\":\"cn-hangzhou\",\"acceleratorType\":\"H20\"," + (tenant == null ? ""
                : "\"tenant\":\"" + tenant + "\",") + "\"tier\":\"EXTERNAL_LEASE\",\"gpus\":" + gpus + "}";
    }

    private static List<String> tenants(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(o -> out.add(o.path("tenant").asText()));
        return out;
    }

    @Test
    void aTenantTokenSubmitsForItsOwnTenantAndIsRecordedAsTheActor() {
        JsonNode order = api.get("/api/v1/orders/" + acmeOrder, api.acme).ok(200);
        assertThat(order.path("tenant").asText()).isEqualTo("acme");
        JsonNode events = api.get("/api/v1/events?type=ORDER_SUBMITTED", api.viewer).ok(200);
        List<String> actors = new ArrayList<>();
        events.path("items").forEach(e -> actors.add(e.path("actor").asText() + "/" + e.path("role").asText()));
        assertThat(actors).contains("acme-portal/tenant", "globex-portal/tenant", "operator/operator");
    }

    @Test
    void aTenantTokenCannotSubmitForAnotherTenant() {
        assertThat(api.post("/api/v1/orders", api.acme, order("globex", 8)).problem(403).path("code").asText())
                .isEqualTo("tenant-mismatch");
    }

    @Test
    void anotherTenantsOrderIsNotFoundRatherThanForbidden() {
        JsonNode hidden = api.get("/api/v1/orders/" + globexOrder, api.acme).problem(404);
        JsonNode absent = api.get("/api/v1/orders/o-does-not-exist", api.acme).problem(404);
        assertThat(hidden.path("code").asText()).isEqualTo(absent.path("code").asText()).isEqualTo("order-not-found");
        api.post("/api/v1/orders/" + globexOrder + "/cancel", api.acme, null).problem(404);
        api.post("/api/v1/orders/" + globexOrder + "/release", api.acme, null).problem(404);
        assertThat(api.get("/api/v1/orders/" + globexOrder, api.globex).ok(200).path("status").asText())
                .isEqualTo("ALLOCATED");
    }

    @Test
    void listsShowATenantOnlyItsOwnOrders() {
        assertThat(tenants(api.get("/api/v1/orders", api.acme).ok(200))).containsOnly("acme");
        assertThat(tenants(api.get("/api/v1/orders", api.globex).ok(200))).containsOnly("globex");
        assertThat(tenants(api.get("/api/v1/orders?tenant=globex", api.acme).ok(200))).isEmpty();
        assertThat(tenants(api.get("/api/v1/orders", api.viewer).ok(200))).contains("acme", "globex", "initech");
    }

    @Test
    void aTenantTokenReachesNothingButOrders() {
        api.get("/api/v1/pools", api.acme).problem(403);
        api.get("/api/v1/pools/cn-hangzhou/H20/backlog", api.acme).problem(403);
        api.get("/api/v1/events", api.acme).problem(403);
        api.get("/api/v1/tokens", api.acme).problem(403);
    }

    @Test
    void aTenantReadsTheEventsOfItsOwnOrdersOnly() {
        JsonNode own = api.get("/api/v1/orders/" + acmeOrder + "/events", api.acme).ok(200);
        List<String> types = new ArrayList<>();
        own.path("items").forEach(e -> {
            assertThat(e.path("subject").asText()).isEqualTo(acmeOrder);
            types.add(e.path("type").asText());
        });
        assertThat(types).containsExactly("ORDER_SUBMITTED", "ORDER_ALLOCATED");
        JsonNode first = api.get("/api/v1/orders/" + acmeOrder + "/events?limit=1", api.acme).ok(200);
        assertThat(first.path("items")).hasSize(1);
        JsonNode rest = api.get("/api/v1/orders/" + acmeOrder + "/events?limit=1&cursor="
                + first.path("nextCursor").asText(), api.acme).ok(200);
        assertThat(rest.path("items").get(0).path("type").asText()).isEqualTo("ORDER_ALLOCATED");

        JsonNode hidden = api.get("/api/v1/orders/" + globexOrder + "/events", api.acme).problem(404);
        JsonNode absent = api.get("/api/v1/orders/o-does-not-exist/events", api.acme).problem(404);
        assertThat(hidden.path("code").asText()).isEqualTo(absent.path("code").asText()).isEqualTo("order-not-found");
        assertThat(api.get("/api/v1/orders/" + globexOrder + "/events", api.globex).ok(200).path("items"))
                .isNotEmpty();
        api.get("/api/v1/events?subject=" + acmeOrder, api.acme).problem(403);
    }

    @Test
    void aTenantDoesNotLearnTheNameOfAnotherTenantsTokenFromItsOrdersEvents() {
        try (ApiFixture own = ApiFixture.start()) {
            own.seedPool(2);
            String globex = own.post("/api/v1/orders", own.globex, order("globex", 16)).ok(201).path("id").asText();
            String waiting = own.post("/api/v1/orders", own.acme, order(null, 8)).ok(201).path("id").asText();
            own.post("/api/v1/orders/" + globex + "/release", own.globex, null).ok(200);

            List<String> seenByAcme = new ArrayList<>();
            own.get("/api/v1/orders/" + waiting + "/events", own.acme).ok(200).path("items").forEach(e ->
                    seenByAcme.add(e.path("type").asText() + " " + e.path("actor").asText() + "/"
                            + e.path("role").asText()));
            assertThat(seenByAcme).containsExactly("ORDER_SUBMITTED acme-portal/tenant",
                    "ORDER_QUEUED acme-portal/tenant", "ORDER_ALLOCATED " + EventRoutes.ANOTHER_TOKEN + "/tenant");
            JsonNode seenByStaff = own.get("/api/v1/orders/" + waiting + "/events?type=ORDER_ALLOCATED", own.viewer)
                    .ok(200);
            assertThat(seenByStaff.path("items").get(0).path("actor").asText()).isEqualTo("globex-portal");
        }
    }

    @Test
    void aTenantMayReleaseItsOwnOrder() {
        String id = api.post("/api/v1/orders", api.acme, order("acme", 8)).ok(201).path("id").asText();
        assertThat(api.post("/api/v1/orders/" + id + "/release", api.acme, null).ok(200).path("status").asText())
                .isEqualTo("RELEASED");
    }
}
