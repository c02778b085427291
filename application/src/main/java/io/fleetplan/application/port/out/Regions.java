package io.fleetplan.application.port.out;

import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.RegionId;

import java.util.List;
import java.util.Optional;

/** The regions. */
public interface Regions {
    /** Stores a new region; a {@link io.fleetplan.domain.shared.ConflictException} if the id is taken. */
    void add(Region region);

    Optional<Region> find(RegionId id);

    /** Every region, by id. */
    List<Region> all();
}
