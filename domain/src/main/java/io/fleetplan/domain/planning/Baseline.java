package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.SkuId;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live state a plan starts from, as of its start quarter: the data centres with the servers
 * they host, the pools' current demand and the capital left to spend. A snapshot the application
 * assembles from the fleet, GPU pool and capex aggregates; the planner never reads anything else.
 *
 * @param start       the quarter the state is taken at; a plan starts there or, carried forward, later
 *                    (see {@link Scenario})
 * @param dataCenters every site, with the SKUs it hosts (ids unique)
 * @param demand      the current demand of each pool (pools unique); a pool hosted somewhere but
 *                    missing here has no current demand
 * @param capital     the commitment the servers are bought from; its currency is the plan's
 */
public record Baseline(Quarter start, List<Site> dataCenters, List<PoolLevel> demand, Capital capital) {

    public Baseline {
        Require.present(start, "start");
        dataCenters = List.copyOf(Require.present(dataCenters, "dataCenters"));
        demand = List.copyOf(Require.present(demand, "demand"));
        Require.present(capital, "capital");
        Set<DataCenterId> ids = new HashSet<>();
        Currency currency = capital.commitment().currency();
        for (Site site : dataCenters) {
            if (!ids.add(site.id())) {
                throw new InvalidValueException("dataCenters", "data centre " + site.id() + " is listed twice");
            }
            for (Stock stock : site.skus()) {
                if (!stock.unitCost().currency().equals(currency)) {
                    throw new InvalidValueException("unitCost", "SKU " + stock.sku() + " at " + site.id() + " costs "
                            + stock.unitCost() + " but the commitment is in " + currency.getCurrencyCode());
                }
            }
        }
        Set<PoolId> pools = new HashSet<>();
        for (PoolLevel level : demand) {
            if (!pools.add(level.pool())) {
                throw new InvalidValueException("demand", "pool " + level.pool() + " is listed twice");
            }
        }
    }

    /**
     * A data centre as it stands.
     *
     * @param id             the site
     * @param region         its region: with an accelerator type it names the pool a SKU feeds
     * @param powerCapacity  IT load it can carry
     * @param powerInUse     load drawn now, the in-service servers included; new servers add theirs
     * @param serversPerWeek deployment throughput: servers its crews can rack and bring into service a week
     * @param skus           the server models it hosts (SKU ids unique within the site)
     */
    public record Site(DataCenterId id, RegionId region, Power powerCapacity, Power powerInUse, long serversPerWeek,
                       List<Stock> skus) {
        public Site {
            Require.present(id, "dataCenterId");
            Require.present(region, "regionId");
            Require.present(powerCapacity, "powerCapacity");
            if (powerCapacity.isZero()) {
                throw new InvalidValueException("powerCapacity", "data centre " + id + " needs a positive power capacity");
            }
            Require.present(powerInUse, "powerInUse");
            Require.notNegative(serversPerWeek, "serversPerWeek");
            skus = List.copyOf(Require.present(skus, "skus"));
            Set<SkuId> seen = new HashSet<>();
            for (Stock stock : skus) {
                if (!seen.add(stock.sku())) {
                    throw new InvalidValueException("skus", "SKU " + stock.sku() + " is listed twice at " + id);
                }
            }
        }

        /** The pool a SKU of this site feeds. */
        public PoolId poolOf(Stock stock) {
            return new PoolId(region, stock.accelerator());
        }
    }

    /**
     * One server model at a site and how many of its servers are where.
     *
     * @param sku                   the server model
     * @param accelerator           its accelerator type
     * @param acceleratorsPerServer GPUs a server brings into its pool (positive)
     * @param powerPerServer        load a server draws (positive)
     * @param unitCost              price of one server (positive), in the commitment's currency
     * @param inService             servers serving now
     * @param inventory             servers delivered and not in service: "chips in a warehouse with no power"
     * @param pipeline              servers ordered and not yet delivered, by expected quarter; a delivery
     *                              overdue at the start quarter is expected in the start quarter
     */
    public record Stock(SkuId sku, AcceleratorTypeId accelerator, int acceleratorsPerServer, Power powerPerServer,
                        Money unitCost, long inService, long inventory, List<Delivery> pipeline) {
        public Stock {
            Require.present(sku, "skuId");
            Require.present(accelerator, "acceleratorType");
            Require.positive(acceleratorsPerServer, "acceleratorsPerServer");
            Require.present(powerPerServer, "powerPerServer");
            if (powerPerServer.isZero()) {
                throw new InvalidValueException("powerPerServer", "SKU " + sku + " needs a positive power per server");
            }
            Require.present(unitCost, "unitCost");
            if (!unitCost.isPositive()) {
                throw new InvalidValueException("unitCost", "SKU " + sku + " needs a positive unit cost");
            }
            Require.notNegative(inService, "inService");
            Require.notNegative(inventory, "inventory");
            pipeline = List.copyOf(Require.present(pipeline, "pipeline"));
        }
    }

    /**
     * Servers of one SKU due on site in one quarter.
     *
     * @param due     the quarter they are expected
     * @param servers how many (positive)
     */
    public record Delivery(Quarter due, long servers) {
        public Delivery {
            Require.present(due, "due");
            Require.positive(servers, "servers");
        }
    }

    /**
     * A pool's current demand in GPUs (allocated + backlog), by who asks.
     *
     * @param pool     the pool
     * @param internal GPUs for the internal tiers (internal training and the model platform): served first
     * @param external GPUs for third-party leasing
     */
    public record PoolLevel(PoolId pool, long internal, long external) {
        public PoolLevel {
            Require.present(pool, "pool");
            Require.notNegative(internal, "internal");
            Require.notNegative(external, "external");
        }
    }

    /**
     * The capex commitment servers are bought from.
     *
     * @param commitment the programme's total
     * @param spent      what it has spent before the start quarter (at most the total)
     * @param tranches   its release schedule: when given, money is released tranche by tranche
     *                   (unspent money carries over) and the plan cannot spend ahead of it; when
     *                   empty, all that remains is available from the start
     */
    public record Capital(Money commitment, Money spent, List<Tranche> tranches) {
        public Capital {
            Require.present(commitment, "commitment");
            Require.present(spent, "spent");
            if (commitment.signum() < 0 || spent.signum() < 0) {
                throw new InvalidValueException("commitment", "commitment and spend must not be negative");
            }
            if (spent.isGreaterThan(commitment)) {
                throw new InvalidValueException("spent", "spent " + spent + " exceeds the commitment " + commitment);
            }
            tranches = List.copyOf(Require.present(tranches, "tranches"));
            for (Tranche tranche : tranches) {
                if (!tranche.amount().currency().equals(commitment.currency())) {
                    throw new InvalidValueException("tranches", "tranche " + tranche.quarter() + " is in "
                            + tranche.amount().currency().getCurrencyCode() + ", the commitment in "
                            + commitment.currency().getCurrencyCode());
                }
            }
        }

        /** A commitment with no tranche schedule: what remains is available from the start. */
        public static Capital of(Money commitment, Money spent) {
            return new Capital(commitment, spent, List.of());
        }

        /** What is left to spend. */
        public Money remaining() {
            return commitment.minus(spent);
        }
    }

    /**
     * A planned release of money.
     *
     * @param quarter when it is released
     * @param amount  how much (not negative)
     */
    public record Tranche(Quarter quarter, Money amount) {
        public Tranche {
            Require.present(quarter, "quarter");
            Require.present(amount, "amount");
            if (amount.signum() < 0) {
                throw new InvalidValueException("amount", "a tranche must not be negative");
            }
        }
    }
}
