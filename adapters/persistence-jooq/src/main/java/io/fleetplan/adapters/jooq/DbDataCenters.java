package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.DataCenterRecord;
import io.fleetplan.application.port.out.DataCenters;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.RegionId;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.DATA_CENTER;

/** Data centres; {@link #lock} is a row lock that serialises installations at one site. */
final class DbDataCenters implements DataCenters {
    private final Transactions tx;
    private final Versioned<DataCenterRecord> rows = new Versioned<>("data-center", DATA_CENTER, DATA_CENTER.VERSION);

    DbDataCenters(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(DataCenter dc) {
        rows.insert(tx.dsl(), row(dc), key(dc.id()), dc.id());
    }

    @Override
    public Optional<DataCenter> find(DataCenterId id) {
        return tx.dsl().selectFrom(DATA_CENTER).where(key(id)).fetchOptional(DbDataCenters::dataCenter);
    }

    @Override
    public Optional<DataCenter> lock(DataCenterId id) {
        return tx.lock(DATA_CENTER, key(id)).stream().findFirst().map(DbDataCenters::dataCenter);
    }

    @Override
    public long update(DataCenter dc) {
        return rows.update(tx.dsl(), row(dc), key(dc.id()), dc.id(), dc.version());
    }

    @Override
    public List<DataCenter> list(Optional<RegionId> region) {
        Condition where = region.map(r -> DATA_CENTER.REGION_ID.eq(r.value())).orElse(DSL.noCondition());
        return tx.dsl().selectFrom(DATA_CENTER).where(where).orderBy(DATA_CENTER.ID).fetch(DbDataCenters::dataCenter);
    }

    private static Condition key(DataCenterId id) {
        return DATA_CENTER.ID.eq(id.value());
    }

    private static DataCenterRecord row(DataCenter dc) {
        DataCenterRecord row = new DataCenterRecord();
        row.setId(dc.id().value());
        row.setRegionId(dc.region().value());
        row.setName(dc.name());
        row.setPowerCapacityW(dc.powerCapacity().watts());
        row.setThroughputPerWeek(dc.throughputPerWeek());
        row.setPowerInUseW(dc.powerInUse().watts());
        return row;
    }

    private static DataCenter dataCenter(DataCenterRecord r) {
        return DataCenter.reconstitute(DataCenterId.of(r.getId()), RegionId.of(r.getRegionId()), r.getName(),
                new Power(r.getPowerCapacityW()), r.getThroughputPerWeek(), new Power(r.getPowerInUseW()),
                r.getVersion());
    }
}
