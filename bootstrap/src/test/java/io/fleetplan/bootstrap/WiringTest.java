package io.fleetplan.bootstrap;

import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The injector builds for every store configuration, and the demo loads into it. */
class WiringTest {

    @Test
    void theInMemoryConfigurationProvidesEveryUseCase() {
        try (Fleetplan fleetplan = Fleetplan.inMemory(Clock.systemUTC())) {
            assertThat(fleetplan.get(SubmitOrder.class)).isNotNull();
            assertThat(fleetplan.get(ManageTokens.class).tokens()).isEmpty();
        }
    }

}
