package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.RegionRecord;
import io.fleetplan.application.port.out.Regions;
import io.fleetplan.domain.region.Region;
import io.fleetplan.domain.shared.RegionId;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.REGION;

/** Regions, one row each. */
final class DbRegions implements Regions {
    private final Transactions tx;
    private final Versioned<RegionRecord> rows = new Versioned<>("region", REGION, REGION.VERSION);

    DbRegions(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Region region) {
        RegionRecord row = new RegionRecord();
        row.setId(region.id().value());
        row.setName(region.name());
        rows.insert(tx.dsl(), row, REGION.ID.eq(region.id().value()), region.id());
    }

    @Override
    public Optional<Region> find(RegionId id) {
        return tx.dsl().selectFrom(REGION).where(REGION.ID.eq(id.value())).fetchOptional(DbRegions::region);
    }

    @Override
    public List<Region> all() {
        return tx.dsl().selectFrom(REGION).orderBy(REGION.ID).fetch(DbRegions::region);
    }

    private static Region region(RegionRecord r) {
        return Region.reconstitute(RegionId.of(r.getId()), r.getName(), r.getVersion());
    }
}
