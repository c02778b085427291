package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.ServerSkuRecord;
import io.fleetplan.application.port.out.ServerSkus;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.SkuId;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.SERVER_SKU;

/** Server SKUs, one row each, the unit cost as amount and currency. */
final class DbServerSkus implements ServerSkus {
    private final Transactions tx;
    private final Versioned<ServerSkuRecord> rows = new Versioned<>("sku", SERVER_SKU, SERVER_SKU.VERSION);

    DbServerSkus(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ServerSku sku) {
        ServerSkuRecord row = new ServerSkuRecord();
        row.setId(sku.id().value());
        row.setName(sku.name());
        row.setAcceleratorTypeId(sku.accelerator().value());
        row.setAcceleratorsPerServer(sku.acceleratorsPerServer());
        row.setPowerPerServerW(sku.powerPerServer().watts());
        row.setUnitCost(sku.unitCost().amount());
        row.setUnitCostCurrency(sku.unitCost().currency().getCurrencyCode());
        rows.insert(tx.dsl(), row, SERVER_SKU.ID.eq(sku.id().value()), sku.id());
    }

    @Override
    public Optional<ServerSku> find(SkuId id) {
        return tx.dsl().selectFrom(SERVER_SKU).where(SERVER_SKU.ID.eq(id.value())).fetchOptional(DbServerSkus::sku);
    }

    @Override
    public List<ServerSku> all() {
        return tx.dsl().selectFrom(SERVER_SKU).orderBy(SERVER_SKU.ID).fetch(DbServerSkus::sku);
    }

    private static ServerSku sku(ServerSkuRecord r) {
        return ServerSku.reconstitute(SkuId.of(r.getId()), r.getName(), AcceleratorTypeId.of(r.getAcceleratorTypeId()),
                r.getAcceleratorsPerServer(), new Power(r.getPowerPerServerW()),
                Values.money(r.getUnitCost(), r.getUnitCostCurrency()), r.getVersion());
    }
}
