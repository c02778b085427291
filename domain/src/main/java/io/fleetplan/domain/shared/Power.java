package io.fleetplan.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Electrical power, held in whole watts so that sums and comparisons are exact. */
public record Power(long watts) implements Comparable<Power> {
    public static final Power ZERO = new Power(0);

    public Power {
        Require.notNegative(watts, "power");
    }

    /** Kilowatts with at most three decimals (one watt). */
    public static Power ofKilowatts(BigDecimal kilowatts) {
        Require.present(kilowatts, "power");
        try {
            return new Power(kilowatts.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidValueException("power", "power " + kilowatts.toPlainString() + " kW is finer than one watt");
        }
    }

    public static Power ofKilowatts(long kilowatts) {
        return new Power(Math.multiplyExact(kilowatts, 1000L));
    }

    public static Power ofMegawatts(BigDecimal megawatts) {
        return ofKilowatts(Require.present(megawatts, "power").movePointRight(3));
    }

    public BigDecimal kilowatts() {
        return BigDecimal.valueOf(watts, 3).stripTrailingZeros();
    }

    public Power plus(Power other) {
        return new Power(Math.addExact(watts, other.watts));
    }

    public Power minus(Power other) {
        return new Power(watts - other.watts);
    }

    /** What is left of this after {@code used}, never below zero. */
    public Power headroomAfter(Power used) {
        return new Power(Math.max(0, watts - used.watts));
    }

    public Power times(long count) {
        return new Power(Math.multiplyExact(watts, count));
    }

    /** How many whole loads of {@code each} fit in this power. */
    public long fits(Power each) {
        if (each.watts <= 0) {
            throw new InvalidValueException("power", "a load per unit must be positive");
        }
        return watts / each.watts;
    }

    public boolean isZero() {
        return watts == 0;
    }

    @Override
    public int compareTo(Power other) {
        return Long.compare(watts, other.watts);
    }

    @Override
    public String toString() {
        return kilowatts().toPlainString() + " kW";
    }
}
