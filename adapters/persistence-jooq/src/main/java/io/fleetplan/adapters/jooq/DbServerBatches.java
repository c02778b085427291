package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.ServerBatchRecord;
import io.fleetplan.application.port.out.ServerBatches;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.shared.BatchId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.SkuId;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.SERVER_BATCH;

/** Server batches with their cumulative pipeline counts. */
final class DbServerBatches implements ServerBatches {
    private final Transactions tx;
    private final Versioned<ServerBatchRecord> rows = new Versioned<>("batch", SERVER_BATCH, SERVER_BATCH.VERSION);

    DbServerBatches(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ServerBatch batch) {
        rows.insert(tx.dsl(), row(batch), key(batch.id()), batch.id());
    }

    @Override
    public Optional<ServerBatch> find(BatchId id) {
        return tx.dsl().selectFrom(SERVER_BATCH).where(key(id)).fetchOptional(DbServerBatches::batch);
    }

    @Override
    public Optional<ServerBatch> lock(BatchId id) {
        return tx.lock(SERVER_BATCH, key(id)).stream().findFirst().map(DbServerBatches::batch);
    }

    @Override
    public long update(ServerBatch batch) {
        return rows.update(tx.dsl(), row(batch), key(batch.id()), batch.id(), batch.version());
    }

    @Override
    public List<ServerBatch> list(Optional<DataCenterId> dataCenter) {
        Condition where = dataCenter.map(d -> SERVER_BATCH.DATA_CENTER_ID.eq(d.value())).orElse(DSL.noCondition());
        return tx.dsl().selectFrom(SERVER_BATCH).where(where).orderBy(SERVER_BATCH.ID).fetch(DbServerBatches::batch);
    }

    private static Condition key(BatchId id) {
        return SERVER_BATCH.ID.eq(id.value());
    }

    private static ServerBatchRecord row(ServerBatch b) {
        ServerBatchRecord row = new ServerBatchRecord();
        row.setId(b.id().value());
        row.setSkuId(b.sku().value());
        row.setDataCenterId(b.dataCenter().value());
        row.setQuantity(b.quantity());
        row.setExpectedDelivery(Values.quarter(b.expectedDelivery()));
        row.setDelivered(b.delivered());
        row.setInstalled(b.installed());
        row.setActivated(b.activated());
        row.setRetired(b.retired());
        return row;
    }

    private static ServerBatch batch(ServerBatchRecord r) {
        return ServerBatch.reconstitute(BatchId.of(r.getId()), SkuId.of(r.getSkuId()),
                DataCenterId.of(r.getDataCenterId()), r.getQuantity(), Values.quarter(r.getExpectedDelivery()),
                r.getDelivered(), r.getInstalled(), r.getActivated(), r.getRetired(), r.getVersion());
    }
}
