package io.fleetplan.domain.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.fleetplan.domain.shared.Refusals.assertInvalidValue;
import static org.assertj.core.api.Assertions.assertThat;

class PowerTest {

    private static Power kw(String kilowatts) {
        return Power.ofKilowatts(new BigDecimal(kilowatts));
    }

    @Test
    void convertsKilowattsToWholeWatts() {
        assertThat(kw("10.2").watts()).isEqualTo(10_200);
        assertThat(kw("0.001").watts()).isEqualTo(1);
        assertThat(kw("12.345").watts()).isEqualTo(12_345);
        assertThat(Power.ofKilowatts(40).watts()).isEqualTo(40_000);
    }

    @Test
    void convertsMegawattsToWholeWatts() {
        assertThat(Power.ofMegawatts(new BigDecimal("1.5")).watts()).isEqualTo(1_500_000);
        assertThat(Power.ofMegawatts(new BigDecimal("0.000001")).watts()).isEqualTo(1);
        assertThat(Power.ofMegawatts(new BigDecimal("120")).watts()).isEqualTo(120_000_000);
    }

    @Test
    void rejectsPowerFinerThanOneWatt() {
        assertInvalidValue(() -> kw("0.0005"), "power");
        assertInvalidValue(() -> kw("10.2001"), "power");
        assertInvalidValue(() -> Power.ofMegawatts(new BigDecimal("0.0000001")), "power");
    }

    @Test
    void rejectsNegativeOrMissingPower() {
        assertInvalidValue(() -> new Power(-1), "power");
        assertInvalidValue(() -> kw("-0.001"), "power");
        assertInvalidValue(() -> Power.ofKilowatts(-1), "power");
        assertInvalidValue(() -> Power.ofKilowatts((BigDecimal) null), "power");
        assertInvalidValue(() -> Power.ofMegawatts(null), "power");
    }

    @Test
    void readsBackInKilowattsWithoutTrailingZeros() {
        assertThat(kw("10.200").kilowatts()).isEqualByComparingTo("10.2");
        assertThat(Power.ofMegawatts(new BigDecimal("1.5")).kilowatts().toPlainString()).isEqualTo("1500");
        assertThat(new Power(1).kilowatts().toPlainString()).isEqualTo("0.001");
        assertThat(Power.ofMegawatts(new BigDecimal("1.5"))).hasToString("1500 kW");
        assertThat(Power.ZERO).hasToString("0 kW");
    }

    @Test
    void equalPowersAreEqualWhateverTheUnitTheyWereGivenIn() {
        assertThat(Power.ofMegawatts(new BigDecimal("2"))).isEqualTo(Power.ofKilowatts(2000)).isEqualTo(kw("2000.000"));
    }

    @Test
    void addsSubtractsAndMultipliesExactly() {
        assertThat(kw("10.2").plus(kw("0.8"))).isEqualTo(Power.ofKilowatts(11));
        assertThat(kw("10.2").minus(kw("0.2"))).isEqualTo(Power.ofKilowatts(10));
        assertThat(kw("10.2").times(1000)).isEqualTo(Power.ofKilowatts(10_200));
    }

    @Test
    void refusesToSubtractMoreThanThereIs() {
        assertInvalidValue(() -> kw("1").minus(kw("2")), "power");
    }

    @Test
    void countsHowManyWholeLoadsFit() {
        assertThat(Power.ofKilowatts(100).fits(kw("10.2"))).isEqualTo(9);
        assertThat(kw("102").fits(kw("10.2"))).isEqualTo(10);
        assertThat(kw("101.999").fits(kw("10.2"))).isEqualTo(9);
        assertThat(Power.ZERO.fits(kw("10.2"))).isZero();
    }

    @Test
    void refusesToFitLoadsOfNoPower() {
        assertInvalidValue(() -> Power.ofKilowatts(100).fits(Power.ZERO), "power");
    }

    @Test
    void headroomIsWhatIsLeftAndNeverBelowZero() {
        assertThat(Power.ofKilowatts(100).headroomAfter(kw("30.5"))).isEqualTo(kw("69.5"));
        assertThat(Power.ofKilowatts(100).headroomAfter(Power.ofKilowatts(100))).isEqualTo(Power.ZERO);
        assertThat(Power.ofKilowatts(100).headroomAfter(Power.ofKilowatts(150))).isEqualTo(Power.ZERO);
    }

    @Test
    void comparesByWatts() {
        assertThat(kw("10.001")).isGreaterThan(kw("10"));
        assertThat(Power.ZERO.isZero()).isTrue();
        assertThat(new Power(1).isZero()).isFalse();
    }
}
