package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Require;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Year-over-year demand growth, such as {@code 0.34} for +34%. A plan grows demand by the
 * equivalent quarterly rate {@code g = (1 + yoy)^(1/4) - 1}, taken as the square root of the square
 * root with {@link #PRECISION} (20 significant digits): +34% a year is +7.59...% a quarter.
 *
 * <p>Demand {@code k} quarters out is {@code round(current x (1 + g)^k)}, half-up to whole GPUs,
 * from the exact factor: whole years use {@code (1 + yoy)^(k/4)} exactly, the remaining quarters
 * the root, so four quarters compound back to exactly {@code 1 + yoy} and rounded values are never
 * compounded.
 *
 * @param yoy the growth as a fraction: {@code 0.34} is +34%; at least {@code -1} (demand gone)
 */
public record YoyGrowth(BigDecimal yoy) {
    /** The precision of the growth arithmetic: 20 significant digits, half-even. */
    public static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /** No growth: demand stays at its current level. */
    public static final YoyGrowth NONE = new YoyGrowth(BigDecimal.ZERO);

    public YoyGrowth {
        Require.present(yoy, "yoyGrowth");
        if (yoy.compareTo(BigDecimal.ONE.negate()) < 0) {
            throw new InvalidValueException("yoyGrowth", "year-over-year growth " + yoy.toPlainString()
                    + " is below -100%: demand cannot fall below zero");
        }
        yoy = yoy.stripTrailingZeros();
    }

    /** Parses a fraction such as {@code "0.34"}. */
    public static YoyGrowth of(String yoy) {
        Require.present(yoy, "yoyGrowth");
        try {
            return new YoyGrowth(new BigDecimal(yoy.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("yoyGrowth", "year-over-year growth '" + yoy + "' is not a decimal number");
        }
    }

    /** Growth in percent, such as {@code 34} for +34%. */
    public static YoyGrowth ofPercent(BigDecimal percent) {
        return new YoyGrowth(Require.present(percent, "yoyGrowth").movePointLeft(2));
    }

    /** {@code (1 + yoy)^(1/4)}: one quarter's growth factor. */
    public BigDecimal quarterlyFactor() {
        BigDecimal base = BigDecimal.ONE.add(yoy);
        return base.sqrt(PRECISION).sqrt(PRECISION);
    }

    /** {@code (1 + yoy)^(1/4) - 1}: the quarterly growth rate, 0.0759... for +34% a year. */
    public BigDecimal quarterlyRate() {
        return quarterlyFactor().subtract(BigDecimal.ONE, PRECISION);
    }

    /** {@code (1 + g)^quarters}, from whole years exactly and the root for the rest. */
    public BigDecimal factorAfter(int quarters) {
        if (quarters < 0) {
            throw new InvalidValueException("quarters", "quarters must not be negative, was " + quarters);
        }
        BigDecimal years = BigDecimal.ONE.add(yoy).pow(quarters / 4, PRECISION);
        int rest = quarters % 4;
        return rest == 0 ? years : years.multiply(quarterlyFactor().pow(rest, PRECISION), PRECISION);
    }

    /** {@code factorAfter(k)} for k = 0..count-1, taking the roots once. */
    BigDecimal[] factors(int count) {
        BigDecimal[] out = new BigDecimal[count];
        BigDecimal base = BigDecimal.ONE.add(yoy);
        BigDecimal root = quarterlyFactor();
        BigDecimal[] rest = {BigDecimal.ONE, root, root.pow(2, PRECISION), root.pow(3, PRECISION)};
        BigDecimal years = BigDecimal.ONE;
        for (int k = 0; k < count; k++) {
            if (k > 0 && k % 4 == 0) {
                years = base.pow(k / 4, PRECISION);
            }
            out[k] = k % 4 == 0 ? years : years.multiply(rest[k % 4], PRECISION);
        }
        return out;
    }

    /** {@code round(current x (1 + g)^quarters)}, half-up to whole GPUs. */
    public long project(long current, int quarters) {
        Require.notNegative(current, "current");
        return project(current, factorAfter(quarters));
    }

    static long project(long current, BigDecimal factor) {
        return BigDecimal.valueOf(current).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    @Override
    public String toString() {
        return yoy.movePointRight(2).stripTrailingZeros().toPlainString() + "% YoY";
    }
}
