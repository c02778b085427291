package io.fleetplan.adapters.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hook for a dashboard: a classpath folder served at / beside the API. */
class StaticAssetsTest {
    @Test
    void servesTheConfiguredClasspathFolderAtTheRootWithoutShadowingTheApi() {
        try (ApiFixture api = ApiFixture.start(HttpSettings.defaults().withStaticAssets("/dashboard-for-tests"))) {
            var page = api.get("/index.html", null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("dashboard placeholder");
            assertThat(api.get("/", null).body()).contains("dashboard placeholder");
            api.get("/api/v1/regions", api.viewer).ok(200);
            api.get("/api/v1/regions", null).problem(401);
            api.get("/no-such-file.js", null).problem(404);
        }
    }

    @Test
    void servesNoFilesUnlessConfigured() {
        try (ApiFixture api = ApiFixture.start()) {
            api.get("/index.html", null).problem(404);
        }
    }
}
