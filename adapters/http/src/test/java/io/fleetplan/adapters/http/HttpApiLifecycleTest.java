package io.fleetplan.adapters.http;

import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.service.ApplicationServices;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting, stopping and restarting the API; the settings it refuses. */
class HttpApiLifecycleTest {
    private static HttpApi api() {
        ApplicationServices services = new ApplicationServices(InMemoryStores.create(), Clock.systemUTC(),
                Validation.buildDefaultValidatorFactory().getValidator());
        return new HttpApi(ApiFixture.endpoints(services), HttpSettings.defaults());
    }

    @Test
    void startsOnAFreePortStopsAndStartsAgain() {
        HttpApi api = api();
        assertThatThrownBy(api::port).isInstanceOf(IllegalStateException.class);
        api.start("127.0.0.1", 0);
        try {
            assertThat(api.port()).isPositive();
            assertThatThrownBy(() -> api.start("127.0.0.1", 0)).isInstanceOf(IllegalStateException.class);
        } finally {
            api.stop();
        }
        api.stop();
        api.start("127.0.0.1", 0);
        api.stop();
    }

    @Test
    void refusesMissingUseCasesAndNonsenseSettings() {
        assertThatThrownBy(() -> new Endpoints(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("registerRegion");
        java.time.Duration hour = java.time.Duration.ofHours(1);
        java.util.Optional<String> none = java.util.Optional.empty();
        assertThatThrownBy(() -> new HttpSettings(0, 1, hour, none, 1, hour))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(1, 0, hour, none, 1, hour))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(1, 1, java.time.Duration.ZERO, none, 1, hour))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(1, 1, hour, none, 0, hour))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(1, 1, hour, none, 1, java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
