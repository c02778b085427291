package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.Require;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One quarter of a plan at every scope. The maps are read-only and sorted by id.
 *
 * @param quarter     the quarter
 * @param total       the whole fleet
 * @param regions     per region
 * @param pools       per pool
 * @param dataCenters per data centre
 */
public record QuarterPlan(Quarter quarter, Figures total, Map<RegionId, Figures> regions, Map<PoolId, Figures> pools,
                          Map<DataCenterId, Figures> dataCenters) {

    public QuarterPlan {
        Require.present(quarter, "quarter");
        Require.present(total, "total");
        regions = readOnly(Require.present(regions, "regions"));
        pools = readOnly(Require.present(pools, "pools"));
        dataCenters = readOnly(Require.present(dataCenters, "dataCenters"));
    }

    /** A read-only copy sorted by id; the projection's own maps are read-only and sorted already. */
    private static <K extends Comparable<K>> Map<K, Figures> readOnly(Map<K, Figures> map) {
        if (map instanceof IdMap) {
            return map;
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** The figures of one pool, when the plan has it. */
    public Optional<Figures> pool(PoolId pool) {
        return Optional.ofNullable(pools.get(pool));
    }

    /** The figures of one region, when the plan has it. */
    public Optional<Figures> region(RegionId region) {
        return Optional.ofNullable(regions.get(region));
    }

    /** The figures of one data centre, when the plan has it. */
    public Optional<Figures> dataCenter(DataCenterId dataCenter) {
        return Optional.ofNullable(dataCenters.get(dataCenter));
    }
}
