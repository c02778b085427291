package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.Require;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Named assumptions for a plan. Everything is checked here that can be checked without the
 * baseline; what refers to the baseline (data centres, pools, currency) is checked when a plan is
 * projected, with the same {@link InvalidValueException} naming the field.
 *
 * <p><b>The start quarter.</b> A plan starts at the baseline's quarter (the live state's, normally
 * the current quarter) or later, never earlier: what happened before the live state is history,
 * not a plan, so an earlier start is refused ({@code start}). A later start carries the baseline
 * forward to it with only what is already scheduled: deliveries on order that are due by the start
 * have arrived and wait on site with the inventory, to be brought into service from the start
 * quarter on (nothing is bought or deployed in the quarters between; no activation is scheduled
 * ahead in the live state); tranches released and capex, throughput and power changes effective by
 * the start are in force from the first quarter; demand that grows at a year-over-year rate grows
 * from the baseline's quarter, so the plan's first quarter sees it grown over the quarters
 * between, while an explicit series gives demand from the start quarter itself.
 *
 * @param name             what the planners call it, such as {@code "plan of record"}
 * @param start            the first quarter: the baseline's or later (see above)
 * @param horizonQuarters  how many quarters to project, 1..40
 * @param growth           demand growth for every pool and class not given in {@code pools}
 * @param pools            demand paths for particular pools (pools unique)
 * @param capexChanges     changes to the commitment
 * @param throughputChanges changes to data centres' deployment throughput
 * @param powerAdditions   power added to data centres
 * @param leadTimeQuarters quarters from buying a server to its delivery, 0..40
 * @param usefulLifeYears  straight-line depreciation period of servers bought in the plan, 1..30 (6 by default)
 */
public record Scenario(String name, Quarter start, int horizonQuarters, YoyGrowth growth, List<PoolDemand> pools,
                       List<CapexChange> capexChanges, List<ThroughputChange> throughputChanges,
                       List<PowerAddition> powerAdditions, int leadTimeQuarters, int usefulLifeYears) {

    /** The longest horizon a plan projects. */
    public static final int MAX_HORIZON = 40;
    /** The longest purchase lead time a plan accepts. */
    public static final int MAX_LEAD_TIME = 40;
    /** The useful life of a server unless a scenario says otherwise. */
    public static final int DEFAULT_USEFUL_LIFE_YEARS = 6;

    public Scenario {
        Require.text(name, "name", 200);
        Require.present(start, "start");
        if (horizonQuarters < 1 || horizonQuarters > MAX_HORIZON) {
            throw new InvalidValueException("horizonQuarters", "the horizon must be 1.." + MAX_HORIZON
                    + " quarters, was " + horizonQuarters);
        }
        Require.present(growth, "growth");
        pools = List.copyOf(Require.present(pools, "pools"));
        Set<PoolId> seen = new HashSet<>();
        for (PoolDemand pool : pools) {
            if (!seen.add(pool.pool())) {
                throw new InvalidValueException("pools", "pool " + pool.pool() + " has two demand paths");
            }
        }
        capexChanges = List.copyOf(Require.present(capexChanges, "capexChanges"));
        throughputChanges = List.copyOf(Require.present(throughputChanges, "throughputChanges"));
        powerAdditions = List.copyOf(Require.present(powerAdditions, "powerAdditions"));
        if (leadTimeQuarters < 0 || leadTimeQuarters > MAX_LEAD_TIME) {
            throw new InvalidValueException("leadTimeQuarters", "the purchase lead time must be 0.." + MAX_LEAD_TIME
                    + " quarters, was " + leadTimeQuarters);
        }
        if (usefulLifeYears < 1 || usefulLifeYears > 30) {
            throw new InvalidValueException("usefulLifeYears", "the useful life must be 1..30 years, was "
                    + usefulLifeYears);
        }
    }

    /** A scenario with no growth, no changes, no lead time and the default useful life; refine it with the builder. */
    public static Builder builder(String name, Quarter start, int horizonQuarters) {
        return new Builder(name, start, horizonQuarters);
    }

    /** A builder holding this scenario's assumptions, to derive a variant from it. */
    public Builder toBuilder() {
        Builder b = new Builder(name, start, horizonQuarters).growth(growth).leadTime(leadTimeQuarters)
                .usefulLife(usefulLifeYears);
        pools.forEach(b::pool);
        capexChanges.forEach(b::capex);
        throughputChanges.forEach(b::throughput);
        powerAdditions.forEach(b::power);
        return b;
    }

    /** The last quarter of the horizon. */
    public Quarter end() {
        return start.plus(horizonQuarters - 1);
    }

    /** The quarters of the horizon, in order. */
    public List<Quarter> quarters() {
        return start.through(end());
    }

    /**
     * How one pool's demand moves, internal (served first) and external (third-party leasing)
     * kept apart.
     */
    public record PoolDemand(PoolId pool, DemandPath internal, DemandPath external) {
        public PoolDemand {
            Require.present(pool, "pool");
            Require.present(internal, "internal");
            Require.present(external, "external");
        }

        /** Both classes grow at the same year-over-year rate from their current levels. */
        public static PoolDemand growing(PoolId pool, YoyGrowth growth) {
            return new PoolDemand(pool, new DemandPath.Growth(growth), new DemandPath.Growth(growth));
        }
    }

    /** A demand path: growth from the current level, or an explicit series. */
    public sealed interface DemandPath permits DemandPath.Growth, DemandPath.Series {

        /** Demand grows from the pool's current level at a year-over-year rate. */
        record Growth(YoyGrowth yoy) implements DemandPath {
            public Growth {
                Require.present(yoy, "yoyGrowth");
            }
        }

        /**
         * Demand in GPUs quarter by quarter from the start quarter; after the last value the
         * series holds it.
         */
        record Series(List<Long> gpus) implements DemandPath {
            public Series {
                gpus = List.copyOf(Require.present(gpus, "series"));
                if (gpus.isEmpty()) {
                    throw new InvalidValueException("series", "a demand series needs at least one quarter");
                }
                for (Long value : gpus) {
                    if (value < 0) {
                        throw new InvalidValueException("series", "a demand series must not be negative, had " + value);
                    }
                }
            }

            public static Series of(long... gpus) {
                List<Long> values = new ArrayList<>();
                for (long g : gpus) {
                    values.add(g);
                }
                return new Series(values);
            }
        }
    }

    /**
     * A change to the capex commitment from a quarter on. The commitment in a quarter is the
     * latest {@link Kind#NEW_TOTAL} effective by then (or the baseline's) plus every
     * {@link Kind#ADDITION} effective by then, so additions and new totals do not cancel each other
     * out. Raised money is released at once, tranche schedule or not.
     */
    public record CapexChange(Quarter effective, Kind kind, Money amount) {
        public enum Kind {
            /** The commitment becomes this total: "raise the commitment to 70 billion from 2026Q3". */
            NEW_TOTAL,
            /** The commitment grows by this amount (negative: a cut). */
            ADDITION
        }

        public CapexChange {
            Require.present(effective, "effective");
            Require.present(kind, "kind");
            Require.present(amount, "amount");
            if (kind == Kind.NEW_TOTAL && amount.signum() < 0) {
                throw new InvalidValueException("amount", "a commitment total must not be negative");
            }
        }

        public static CapexChange newTotal(Quarter effective, Money total) {
            return new CapexChange(effective, Kind.NEW_TOTAL, total);
        }

        public static CapexChange addition(Quarter effective, Money amount) {
            return new CapexChange(effective, Kind.ADDITION, amount);
        }
    }

    /**
     * A change to one data centre's deployment throughput from a quarter on: a multiplier of the
     * rate then in force, or a new absolute rate. Changes apply in quarter order, ties in list order.
     * A quarter's throughput is {@code floor(servers a week x 13)}.
     */
    public record ThroughputChange(DataCenterId dataCenter, Quarter effective, Kind kind, BigDecimal value) {
        public enum Kind {
            /** The rate in force is multiplied by the value (not negative). */
            MULTIPLY,
            /** The rate becomes the value, in whole servers a week. */
            SET
        }

        public ThroughputChange {
            Require.present(dataCenter, "dataCenterId");
            Require.present(effective, "effective");
            Require.present(kind, "kind");
            Require.present(value, "value");
            if (value.signum() < 0) {
                throw new InvalidValueException("value", "a throughput change must not be negative, was "
                        + value.toPlainString());
            }
            if (kind == Kind.SET && value.stripTrailingZeros().scale() > 0) {
                throw new InvalidValueException("value", "a throughput is whole servers a week, was "
                        + value.toPlainString());
            }
        }

        public static ThroughputChange multiply(DataCenterId dataCenter, Quarter effective, BigDecimal multiplier) {
            return new ThroughputChange(dataCenter, effective, Kind.MULTIPLY, multiplier);
        }

        public static ThroughputChange set(DataCenterId dataCenter, Quarter effective, long serversPerWeek) {
            return new ThroughputChange(dataCenter, effective, Kind.SET, BigDecimal.valueOf(serversPerWeek));
        }
    }

    /** Power added to a data centre, available from a quarter on. */
    public record PowerAddition(DataCenterId dataCenter, Quarter effective, Power power) {
        public PowerAddition {
            Require.present(dataCenter, "dataCenterId");
            Require.present(effective, "effective");
            Require.present(power, "power");
        }

        public static PowerAddition ofMegawatts(DataCenterId dataCenter, Quarter effective, BigDecimal megawatts) {
            return new PowerAddition(dataCenter, effective, Power.ofMegawatts(megawatts));
        }
    }

    /** Assembles a scenario; {@link #build()} validates it. */
    public static final class Builder {
        private final String name;
        private final Quarter start;
        private final int horizonQuarters;
        private YoyGrowth growth = YoyGrowth.NONE;
        private final List<PoolDemand> pools = new ArrayList<>();
        private final List<CapexChange> capexChanges = new ArrayList<>();
        private final List<ThroughputChange> throughputChanges = new ArrayList<>();
        private final List<PowerAddition> powerAdditions = new ArrayList<>();
        private int leadTimeQuarters;
        private int usefulLifeYears = DEFAULT_USEFUL_LIFE_YEARS;

        private Builder(String name, Quarter start, int horizonQuarters) {
            this.name = name;
            this.start = start;
            this.horizonQuarters = horizonQuarters;
        }

        /** Growth for every pool without its own path. */
        public Builder growth(YoyGrowth growth) {
            this.growth = growth;
            return this;
        }

        /** Growth borrowed from a market benchmark, for every pool without its own path. */
        public Builder growth(GrowthPreset preset) {
            this.growth = Require.present(preset, "preset").growth();
            return this;
        }

        public Builder pool(PoolDemand pool) {
            pools.add(pool);
            return this;
        }

        public Builder capex(CapexChange change) {
            capexChanges.add(change);
            return this;
        }

        public Builder throughput(ThroughputChange change) {
            throughputChanges.add(change);
            return this;
        }

        public Builder power(PowerAddition addition) {
            powerAdditions.add(addition);
            return this;
        }

        public Builder leadTime(int quarters) {
            this.leadTimeQuarters = quarters;
            return this;
        }

        public Builder usefulLife(int years) {
            this.usefulLifeYears = years;
            return this;
        }

        public Scenario build() {
            return new Scenario(name, start, horizonQuarters, growth, pools, capexChanges, throughputChanges,
                    powerAdditions, leadTimeQuarters, usefulLifeYears);
        }
    }
}
