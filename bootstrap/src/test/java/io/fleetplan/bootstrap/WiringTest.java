package io.fleetplan.bootstrap;

import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.capex.CapexQueries;
import io.fleetplan.application.port.in.capex.CommitmentStatusView;
import io.fleetplan.application.port.in.events.ListEvents;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

    @Test
    void theDemoShowsDeploymentBehindOrdersAndTheCapexSeedFigures() {
        try (Fleetplan fleetplan = Fleetplan.inMemory(Clock.systemUTC())) {
            DemoData.load(fleetplan);
            PoolView hangzhou = fleetplan.get(OrderQueries.class).pool("cn-hangzhou", "H20");
            assertThat(hangzhou.backlogGpus()).as("orders outrun deployment").isPositive();
            assertThat(hangzhou.allocated()).isLessThanOrEqualTo(hangzhou.capacity());
            CommitmentStatusView capex = fleetplan.get(CapexQueries.class).status(DemoData.COMMITMENT, DemoData.AS_OF);
            assertThat(capex.percentDeployed()).isEqualByComparingTo(new BigDecimal("32.3"));
            assertThat(capex.remaining().amount()).isEqualByComparingTo(new BigDecimal("35200000000"));
            assertThat(capex.requiredAnnualRunRate().amount()).isEqualByComparingTo(new BigDecimal("17600000000"));
            assertThat(fleetplan.get(ListEvents.class).events(
                    new ListEvents.Query(null, "ORDER_QUEUED", null, null, 10, null)).items()).isNotEmpty();
        }
    }

    @Test
    void mainPrintsThePoolsTheDataCentresAndTheCapexStatus() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Main.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("cn-hangzhou/H20", "hz-a", "32.3%", "2028Q2");
    }
}
