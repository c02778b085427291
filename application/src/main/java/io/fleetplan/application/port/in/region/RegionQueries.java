package io.fleetplan.application.port.in.region;

import java.util.List;

/** Reads regions and data centres. Unknown ids fail with {@link io.fleetplan.domain.shared.NotFoundException}. */
public interface RegionQueries {
    List<RegionView> regions();

    RegionView region(String id);

    /** Data centres by id; of one region when {@code region} is not null. */
    List<DataCenterView> dataCenters(String region);

    DataCenterView dataCenter(String id);
}
