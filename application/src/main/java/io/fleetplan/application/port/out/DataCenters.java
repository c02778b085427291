package io.fleetplan.application.port.out;

import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.RegionId;

import java.util.List;
import java.util.Optional;

/** The data centres. {@link #lock} serialises installations at one site. */
public interface DataCenters {
    void add(DataCenter dataCenter);

    Optional<DataCenter> find(DataCenterId id);

    /** Finds and holds the data centre until the transaction ends. */
    Optional<DataCenter> lock(DataCenterId id);

    /** Stores a changed data centre if it is still at the version it was loaded at; returns the new version. */
    long update(DataCenter dataCenter);

    /** Every data centre, by id, optionally of one region. */
    List<DataCenter> list(Optional<RegionId> region);
}
