package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.AcceleratorTypeRecord;
import io.fleetplan.application.port.out.AcceleratorTypes;
import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.shared.AcceleratorTypeId;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.ACCELERATOR_TYPE;

/** Accelerator types, one row each. */
final class DbAcceleratorTypes implements AcceleratorTypes {
    private final Transactions tx;
    private final Versioned<AcceleratorTypeRecord> rows = new Versioned<>("accelerator-type", ACCELERATOR_TYPE,
            ACCELERATOR_TYPE.VERSION);

    DbAcceleratorTypes(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(AcceleratorType type) {
        AcceleratorTypeRecord row = new AcceleratorTypeRecord();
        row.setId(type.id().value());
        row.setVendor(type.vendor());
        row.setMemoryGib(type.memoryGib());
        rows.insert(tx.dsl(), row, ACCELERATOR_TYPE.ID.eq(type.id().value()), type.id());
    }

    @Override
    public Optional<AcceleratorType> find(AcceleratorTypeId id) {
        return tx.dsl().selectFrom(ACCELERATOR_TYPE).where(ACCELERATOR_TYPE.ID.eq(id.value()))
                .fetchOptional(DbAcceleratorTypes::type);
    }

    @Override
    public List<AcceleratorType> all() {
        return tx.dsl().selectFrom(ACCELERATOR_TYPE).orderBy(ACCELERATOR_TYPE.ID).fetch(DbAcceleratorTypes::type);
    }

    private static AcceleratorType type(AcceleratorTypeRecord r) {
        return AcceleratorType.reconstitute(AcceleratorTypeId.of(r.getId()), r.getVendor(), r.getMemoryGib(),
                r.getVersion());
    }
}
