package io.fleetplan.adapters.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document is valid 3.1 and describes exactly the routes the server registered. */
class OpenApiTest {
    private static ApiFixture api;
    private static OpenAPI document;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        var answer = api.get("/api/v1/openapi.json", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(answer.body(), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        document = result.getOpenAPI();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void isAnOpenApi31Document() {
        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
        assertThat(document.getInfo().getTitle()).isEqualTo("Fleetplan API");
        assertThat(document.getComponents().getSecuritySchemes()).containsKey("bearerAuth");
    }

    @Test
    void documentsExactlyTheRegisteredRoutes() {
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> documented.add(method.name() + " " + path)));
        Set<String> registered = new TreeSet<>(api.api.registeredRoutes());
        assertThat(documented).isEqualTo(registered);
        assertThat(registered).hasSize(api.api.routes().size());
    }

    @Test
    void everyOperationDocumentsItsProblemsAndItsBody() {
        for (Map.Entry<String, PathItem> entry : document.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().readOperationsMap().entrySet()) {
                String name = op.getKey() + " " + entry.getKey();
                Set<String> statuses = op.getValue().getResponses().keySet();
                assertThat(statuses).as(name).contains("500");
                assertThat(op.getValue().getOperationId()).as(name).isNotBlank();
                boolean isPublic = op.getValue().getSecurity() != null && op.getValue().getSecurity().isEmpty();
                if (!isPublic) {
                    assertThat(statuses).as(name).contains("401", "403");
                }
                if (op.getKey() == PathItem.HttpMethod.PUT) {
                    assertThat(op.getValue().getRequestBody()).as(name).isNotNull();
                    assertThat(statuses).as(name).contains("400", "412", "413", "415");
                }
                if (entry.getKey().contains("{")) {
                    assertThat(op.getValue().getParameters()).as(name).isNotEmpty();
                    assertThat(statuses).as(name).contains("404");
                }
            }
        }
    }

    @Test
    void requestSchemasCarryTheCommandsConstraints() {
        Schema<?> order = document.getComponents().getSchemas().get("OrderRequest");
        assertThat(order.getRequired()).contains("region", "acceleratorType", "tier", "gpus").doesNotContain("tenant");
        assertThat(((Schema<?>) order.getProperties().get("tier")).getPattern()).contains("INTERNAL_TRAINING");
        assertThat(((Schema<?>) order.getProperties().get("gpus")).getMaximum()).isEqualByComparingTo("1000000000");
        Schema<?> region = document.getComponents().getSchemas().get("RegisterRegionCommand");
        assertThat(region.getRequired()).containsExactlyInAnyOrder("id", "name");
        Operation list = document.getPaths().get("/api/v1/orders").getGet();
        assertThat(list.getParameters()).extracting("name")
                .contains("region", "acceleratorType", "tier", "status", "tenant", "from", "to", "limit", "cursor");
        Operation submit = document.getPaths().get("/api/v1/orders").getPost();
        assertThat(submit.getParameters()).extracting("name").contains("Idempotency-Key");
        assertThat(document.getPaths().get("/api/v1/data-centers/{id}").getPut().getParameters()).extracting("name")
                .contains("If-Match");
    }
}
