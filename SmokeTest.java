package io.fleetplan.adapters.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void servesASeededPool() {
        try (ApiFixture api = ApiFixture.start()) {
            api.seedPool(10);
            var pool = api.get("/api/v1/pools/cn-hangzhou/H20", api.viewer);
            System.out.println(pool.headers() + " " + pool.body());
            assertThat(pool.ok(200).path("capacity").asLong()).isEqualTo(80);
            System.out.println(api.get("/api/v1/nope", api.viewer).body());
            System.out.println(api.post("/api/v1/regions", api.operator, "{bad").body());
            System.out.println(api.post("/api/v1/regions", api.operator, "{\"id\":1,\"name\":\"x\"}").body());
            System.out.println(api.post("/api/v1/regions", api.operator, "{\"idx\":1,\"name\":\"x\"}").body());
            System.out.println(api.post("/api/v1/regions", api.viewer, "{\"idx\":1,\"name\":\"x\"}").body());
            System.out.println(api.get("/api/v1/commitments", null).body());
            System.out.println(api.get("/metrics", null).body());
        }
    }
}
