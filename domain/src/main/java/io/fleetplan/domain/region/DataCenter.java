package io.fleetplan.domain.region;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.RuleViolationException;

/**
 * A site in a region. Its power capacity (IT load) bounds how many servers can be racked and
 * powered; its deployment throughput (servers a week) bounds how fast they can be. It keeps the
 * load of the servers installed in it, so that installation is checked and serialised here.
 */
public final class DataCenter extends AggregateRoot {
    private final DataCenterId id;
    private final RegionId region;
    private final String name;
    private Power powerCapacity;
    private long throughputPerWeek;
    private Power powerInUse;

    private DataCenter(DataCenterId id, RegionId region, String name, Power powerCapacity, long throughputPerWeek,
                       Power powerInUse, long version) {
        super(version);
        this.id = Require.present(id, "dataCenterId");
        this.region = Require.present(region, "regionId");
        this.name = Require.text(name, "name", 200);
        this.powerCapacity = checkCapacity(powerCapacity);
        this.throughputPerWeek = Require.notNegative(throughputPerWeek, "throughputPerWeek");
        this.powerInUse = Require.present(powerInUse, "powerInUse");
    }

    private static Power checkCapacity(Power capacity) {
        Require.present(capacity, "powerCapacity");
        if (capacity.isZero()) {
            throw new InvalidValueException("powerCapacity", "power capacity must be positive");
        }
        return capacity;
    }

    public static DataCenter register(DataCenterId id, RegionId region, String name, Power powerCapacity,
                                      long throughputPerWeek) {
        DataCenter dc = new DataCenter(id, region, name, powerCapacity, throughputPerWeek, Power.ZERO, 0);
        dc.record(DomainEvent.of(EventType.DATA_CENTER_REGISTERED, id, "", "region", region, "name", name,
                "powerCapacityKw", powerCapacity.kilowatts().toPlainString(), "throughputPerWeek", throughputPerWeek));
        return dc;
    }

    public static DataCenter reconstitute(DataCenterId id, RegionId region, String name, Power powerCapacity,
                                          long throughputPerWeek, Power powerInUse, long version) {
        return new DataCenter(id, region, name, powerCapacity, throughputPerWeek, powerInUse, version);
    }

    /**
     * Takes power for servers being racked. Refused when the installed load would exceed the
     * site's capacity.
     */
    public void installLoad(Power load, String batch, long servers) {
        Power after = powerInUse.plus(load);
        if (after.compareTo(powerCapacity) > 0) {
            throw new RuleViolationException("power-capacity-exceeded", "installing " + servers + " servers of batch "
                    + batch + " needs " + load + " but data centre " + id + " has " + headroom() + " of "
                    + powerCapacity + " free");
        }
        powerInUse = after;
    }

    /** Gives back the power of servers taken out of the racks. Never refused: it is a fact. */
    public void removeLoad(Power load) {
        powerInUse = load.compareTo(powerInUse) >= 0 ? Power.ZERO : powerInUse.minus(load);
    }

    /** Changes the site's power capacity or deployment throughput; capacity cannot drop below the load in use. */
    public void change(Power newCapacity, long newThroughputPerWeek, String reason) {
        checkCapacity(newCapacity);
        Require.notNegative(newThroughputPerWeek, "throughputPerWeek");
        if (newCapacity.compareTo(powerInUse) < 0) {
            throw new RuleViolationException("power-capacity-below-load", "data centre " + id + " draws " + powerInUse
                    + "; its capacity cannot be set to " + newCapacity);
        }
        this.powerCapacity = newCapacity;
        this.throughputPerWeek = newThroughputPerWeek;
        record(DomainEvent.of(EventType.DATA_CENTER_CHANGED, id, reason, "powerCapacityKw",
                newCapacity.kilowatts().toPlainString(), "throughputPerWeek", newThroughputPerWeek));
    }

    public Power headroom() {
        return powerCapacity.headroomAfter(powerInUse);
    }

    public DataCenterId id() {
        return id;
    }

    public RegionId region() {
        return region;
    }

    public String name() {
        return name;
    }

    public Power powerCapacity() {
        return powerCapacity;
    }

    public long throughputPerWeek() {
        return throughputPerWeek;
    }

    public Power powerInUse() {
        return powerInUse;
    }
}
