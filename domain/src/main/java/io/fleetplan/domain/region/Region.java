package io.fleetplan.domain.region;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.Require;

/** A cloud region such as {@code cn-hangzhou}: the unit GPU pools are scoped to. */
public final class Region extends AggregateRoot {
    private final RegionId id;
    private final String name;

    private Region(RegionId id, String name, long version) {
        super(version);
        this.id = Require.present(id, "regionId");
        this.name = Require.text(name, "name", 200);
    }

    public static Region register(RegionId id, String name) {
        Region region = new Region(id, name, 0);
        region.record(DomainEvent.of(EventType.REGION_REGISTERED, id, "", "name", name));
        return region;
    }

    public static Region reconstitute(RegionId id, String name, long version) {
        return new Region(id, name, version);
    }

    public RegionId id() {
        return id;
    }

    public String name() {
        return name;
    }
}
