package io.fleetplan.domain.region;

import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.RegionId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static io.fleetplan.domain.shared.Refusals.assertRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DataCenterTest {

    private static Power kw(String kilowatts) {
        return Power.ofKilowatts(new BigDecimal(kilowatts));
    }

    /** A 100 kW site that racks 50 servers a week, its registration event already handed over. */
    private static DataCenter hangzhouA() {
        DataCenter dc = DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "Hangzhou A",
                Power.ofKilowatts(100), 50);
        dc.pullEvents();
        return dc;
    }

    @Test
    void registersWithNoLoadAndRecordsIt() {
        DataCenter dc = DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "Hangzhou A",
                kw("1500.5"), 50);

        assertThat(dc.powerInUse()).isEqualTo(Power.ZERO);
        assertThat(dc.headroom()).isEqualTo(kw("1500.5"));
        assertThat(dc.version()).isZero();
        assertThat(dc.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.DATA_CENTER_REGISTERED);
            assertThat(e.subject()).isEqualTo("hz-a");
            assertThat(e.details()).contains(entry("region", "cn-hangzhou"), entry("powerCapacityKw", "1500.5"),
                    entry("throughputPerWeek", "50"));
        });
        assertThat(dc.pullEvents()).isEmpty();
    }

    @Test
    void refusesASiteWithoutPower() {
        assertInvalidValue(() -> DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "A",
                Power.ZERO, 50), "powerCapacity");
        assertInvalidValue(() -> DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "A",
                null, 50), "powerCapacity");
    }

    @Test
    void refusesANegativeThroughputButAcceptsNone() {
        assertInvalidValue(() -> DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "A",
                Power.ofKilowatts(1), -1), "throughputPerWeek");
        assertThat(DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "A",
                Power.ofKilowatts(1), 0).throughputPerWeek()).isZero();
    }

    @Test
    void refusesABlankOrOverlongName() {
        assertInvalidValue(() -> DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "  ",
                Power.ofKilowatts(1), 1), "name");
        assertInvalidValue(() -> DataCenter.register(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"),
                "x".repeat(201), Power.ofKilowatts(1), 1), "name");
    }

    @Test
    void installsLoadUpToExactlyItsCapacity() {
        DataCenter dc = hangzhouA();

        dc.installLoad(kw("60.5"), "b-1", 5);
        dc.installLoad(kw("39.5"), "b-2", 4);

        assertThat(dc.powerInUse()).isEqualTo(Power.ofKilowatts(100));
        assertThat(dc.headroom()).isEqualTo(Power.ZERO);
    }

    @Test
    void rejectsInstallWhenPowerWouldExceedCapacity() {
        DataCenter dc = hangzhouA();
        dc.installLoad(Power.ofKilowatts(90), "b-1", 9);

        assertRuleViolation(() -> dc.installLoad(kw("10.001"), "b-2", 1), "power-capacity-exceeded");

        assertThat(dc.powerInUse()).isEqualTo(Power.ofKilowatts(90));
        assertThat(dc.headroom()).isEqualTo(Power.ofKilowatts(10));
    }

    @Test
    void rejectsAnInstallLargerThanTheWholeSite() {
        DataCenter dc = hangzhouA();

        assertRuleViolation(() -> dc.installLoad(Power.ofKilowatts(101), "b-1", 10), "power-capacity-exceeded");

        assertThat(dc.powerInUse()).isEqualTo(Power.ZERO);
    }

    @Test
    void removingLoadGivesPowerBack() {
        DataCenter dc = hangzhouA();
        dc.installLoad(Power.ofKilowatts(90), "b-1", 9);

        dc.removeLoad(Power.ofKilowatts(30));

        assertThat(dc.powerInUse()).isEqualTo(Power.ofKilowatts(60));
        assertThat(dc.headroom()).isEqualTo(Power.ofKilowatts(40));
        dc.installLoad(Power.ofKilowatts(40), "b-2", 4);
        assertThat(dc.headroom()).isEqualTo(Power.ZERO);
    }

    @Test
    void removingMoreLoadThanIsDrawnIsNeverRefusedAndLeavesNone() {
        DataCenter dc = hangzhouA();
        dc.installLoad(Power.ofKilowatts(10), "b-1", 1);

        dc.removeLoad(Power.ofKilowatts(25));

        assertThat(dc.powerInUse()).isEqualTo(Power.ZERO);
        assertThat(dc.headroom()).isEqualTo(Power.ofKilowatts(100));
    }

    @Test
    void changesCapacityAndThroughputAndRecordsWhy() {
        DataCenter dc = hangzhouA();
        dc.installLoad(Power.ofKilowatts(80), "b-1", 8);

        dc.change(Power.ofMegawatts(new BigDecimal("1.2")), 70, "second hall energised");

        assertThat(dc.powerCapacity()).isEqualTo(Power.ofKilowatts(1200));
        assertThat(dc.throughputPerWeek()).isEqualTo(70);
        assertThat(dc.headroom()).isEqualTo(Power.ofKilowatts(1120));
        assertThat(dc.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.DATA_CENTER_CHANGED);
            assertThat(e.reason()).isEqualTo("second hall energised");
            assertThat(e.details()).containsExactly(entry("powerCapacityKw", "1200"), entry("throughputPerWeek", "70"));
        });
    }

    @Test
    void allowsCapacityToDropToExactlyTheLoad() {
        DataCenter dc = hangzhouA();
        dc.installLoad(Power.ofKilowatts(80), "b-1", 8);

        dc.change(Power.ofKilowatts(80), 50, "feed derated");

        assertThat(dc.headroom()).isEqualTo(Power.ZERO);
    }

    @Test
    void refusesCapacityBelowTheLoadInUseAndChangesNothing() {
        DataCenter dc = hangzhouA();
        dc.installLoad(Power.ofKilowatts(80), "b-1", 8);

        assertRuleViolation(() -> dc.change(kw("79.999"), 10, "feed derated"), "power-capacity-below-load");

        assertThat(dc.powerCapacity()).isEqualTo(Power.ofKilowatts(100));
        assertThat(dc.throughputPerWeek()).isEqualTo(50);
        assertThat(dc.pullEvents()).isEmpty();
    }

    @Test
    void refusesAChangeToNoPowerOrNegativeThroughputAndChangesNothing() {
        DataCenter dc = hangzhouA();

        assertInvalidValue(() -> dc.change(Power.ZERO, 10, "decommissioned"), "powerCapacity");
        assertInvalidValue(() -> dc.change(Power.ofKilowatts(200), -1, "strike"), "throughputPerWeek");

        assertThat(dc.powerCapacity()).isEqualTo(Power.ofKilowatts(100));
        assertThat(dc.throughputPerWeek()).isEqualTo(50);
        assertThat(dc.pullEvents()).isEmpty();
    }

    @Test
    void reconstitutesTheStoredLoadAndVersionWithoutRecordingAnything() {
        DataCenter dc = DataCenter.reconstitute(DataCenterId.of("hz-a"), RegionId.of("cn-hangzhou"), "Hangzhou A",
                Power.ofKilowatts(100), 50, Power.ofKilowatts(70), 7);

        assertThat(dc.version()).isEqualTo(7);
        assertThat(dc.headroom()).isEqualTo(Power.ofKilowatts(30));
        assertThat(dc.pullEvents()).isEmpty();
        assertRuleViolation(() -> dc.installLoad(Power.ofKilowatts(31), "b-9", 3), "power-capacity-exceeded");
    }

    @Test
    void registersRegionsAndRecordsIt() {
        Region region = Region.register(RegionId.of("cn-hangzhou"), "China (Hangzhou)");

        assertThat(region.id()).isEqualTo(RegionId.of("cn-hangzhou"));
        assertThat(region.name()).isEqualTo("China (Hangzhou)");
        assertThat(region.pullEvents()).extracting(DomainEvent::type).containsExactly(EventType.REGION_REGISTERED);
        assertInvalidValue(() -> Region.register(RegionId.of("cn-hangzhou"), ""), "name");
        assertInvalidValue(() -> Region.register(null, "x"), "regionId");
    }
}
