package io.fleetplan.domain.fleet;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.SkuId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ServerSkuTest {

    private static final Power TEN_POINT_TWO_KW = Power.ofKilowatts(new BigDecimal("10.2"));

    private static ServerSku hgxH20() {
        return ServerSku.register(SkuId.of("hgx-h20-8"), "HGX H20 8-GPU", AcceleratorTypeId.of("H20"), 8,
                TEN_POINT_TWO_KW, Money.of("250000", "USD"));
    }

    @Test
    void countsTheAcceleratorsThatServersBring() {
        assertThat(hgxH20().acceleratorsIn(0)).isZero();
        assertThat(hgxH20().acceleratorsIn(1)).isEqualTo(8);
        assertThat(hgxH20().acceleratorsIn(1_250)).isEqualTo(10_000);
    }

    @Test
    void addsUpThePowerServersDrawToTheWatt() {
        assertThat(hgxH20().powerOf(3)).isEqualTo(Power.ofKilowatts(new BigDecimal("30.6")));
        assertThat(hgxH20().powerOf(1_000).watts()).isEqualTo(10_200_000);
        assertThat(hgxH20().powerOf(0)).isEqualTo(Power.ZERO);
    }

    @Test
    void neverWrapsAroundWhenCountsOverflow() {
        assertThatThrownBy(() -> hgxH20().acceleratorsIn(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void registersAndRecordsTheServerModel() {
        ServerSku sku = hgxH20();

        assertThat(sku.accelerator()).isEqualTo(AcceleratorTypeId.of("H20"));
        assertThat(sku.acceleratorsPerServer()).isEqualTo(8);
        assertThat(sku.unitCost()).isEqualTo(Money.of("250000.00", "USD"));
        assertThat(sku.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.SERVER_SKU_REGISTERED);
            assertThat(e.details()).contains(entry("acceleratorType", "H20"), entry("acceleratorsPerServer", "8"),
                    entry("powerPerServerKw", "10.2"), entry("unitCost", "250000.00 USD"));
        });
    }

    @Test
    void refusesAServerWithoutAccelerators() {
        assertInvalidValue(() -> ServerSku.register(SkuId.of("s"), "S", AcceleratorTypeId.of("H20"), 0,
                TEN_POINT_TWO_KW, Money.of("1", "USD")), "acceleratorsPerServer");
    }

    @Test
    void refusesAServerThatDrawsNoPower() {
        assertInvalidValue(() -> ServerSku.register(SkuId.of("s"), "S", AcceleratorTypeId.of("H20"), 8,
                Power.ZERO, Money.of("1", "USD")), "powerPerServer");
    }

    @Test
    void refusesAServerThatCostsNothingOrLess() {
        assertInvalidValue(() -> ServerSku.register(SkuId.of("s"), "S", AcceleratorTypeId.of("H20"), 8,
                TEN_POINT_TWO_KW, Money.of("0", "USD")), "unitCost");
        assertInvalidValue(() -> ServerSku.register(SkuId.of("s"), "S", AcceleratorTypeId.of("H20"), 8,
                TEN_POINT_TWO_KW, Money.of("-1", "USD")), "unitCost");
    }

    @Test
    void registersAcceleratorTypesWithPositiveMemory() {
        AcceleratorType h20 = AcceleratorType.register(AcceleratorTypeId.of("H20"), "NVIDIA", 96);

        assertThat(h20.memoryGib()).isEqualTo(96);
        assertThat(h20.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.ACCELERATOR_TYPE_REGISTERED);
            assertThat(e.details()).containsExactly(entry("vendor", "NVIDIA"), entry("memoryGib", "96"));
        });
        assertInvalidValue(() -> AcceleratorType.register(AcceleratorTypeId.of("H20"), "NVIDIA", 0), "memoryGib");
        assertInvalidValue(() -> AcceleratorType.register(AcceleratorTypeId.of("H20"), " ", 96), "vendor");
    }
}
