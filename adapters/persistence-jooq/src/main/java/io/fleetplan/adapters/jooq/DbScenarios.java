package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.ScenarioRecord;
import io.fleetplan.application.port.out.Scenarios;
import io.fleetplan.application.port.out.StoredScenario;
import io.fleetplan.domain.shared.ConflictException;
import org.jooq.Condition;

import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.SCENARIO;

/** Planning scenarios by name; the definition is text the application writes, the start quarter a column beside it. */
final class DbScenarios implements Scenarios {
    private final Transactions tx;
    private final Versioned<ScenarioRecord> rows = new Versioned<>("scenario", SCENARIO, SCENARIO.VERSION);

    DbScenarios(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public long save(StoredScenario scenario) {
        ScenarioRecord row = new ScenarioRecord();
        row.setName(scenario.name());
        row.setDefinition(scenario.definition());
        row.setStartQuarter(scenario.start().map(Values::quarter).orElse(null));
        row.setPlanOfRecord(scenario.planOfRecord());
        if (scenario.version() == 0) {
            rows.insert(tx.dsl(), row, key(scenario.name()), scenario.name());
            return 1;
        }
        return rows.update(tx.dsl(), row, key(scenario.name()), scenario.name(), scenario.version());
    }

    @Override
    public Optional<StoredScenario> find(String name) {
        return tx.dsl().selectFrom(SCENARIO).where(key(name)).fetchOptional(DbScenarios::scenario);
    }

    @Override
    public List<StoredScenario> all() {
        return tx.dsl().selectFrom(SCENARIO).orderBy(SCENARIO.NAME).fetch(DbScenarios::scenario);
    }

    @Override
    public boolean delete(String name) {
        return tx.dsl().deleteFrom(SCENARIO).where(key(name)).execute() == 1;
    }

    @Override
    public void setPlanOfRecord(String name) {
        if (!tx.dsl().fetchExists(SCENARIO, key(name))) {
            throw new ConflictException("scenario-missing", "scenario '" + name + "' does not exist");
        }
        tx.dsl().update(SCENARIO).set(SCENARIO.PLAN_OF_RECORD, SCENARIO.NAME.eq(name))
                .set(SCENARIO.VERSION, SCENARIO.VERSION.plus(1))
                .where(SCENARIO.PLAN_OF_RECORD.ne(SCENARIO.NAME.eq(name))).execute();
    }

    private static Condition key(String name) {
        return SCENARIO.NAME.eq(name);
    }

    private static StoredScenario scenario(ScenarioRecord r) {
        return new StoredScenario(r.getName(), r.getDefinition(),
                Optional.ofNullable(r.getStartQuarter()).map(Values::quarter), r.getPlanOfRecord(), r.getVersion());
    }
}
