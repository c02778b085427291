package io.fleetplan.adapters.memory;

import io.fleetplan.application.port.out.Scenarios;
import io.fleetplan.application.port.out.StoredScenario;
import io.fleetplan.domain.shared.ConflictException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Stored scenarios by name; records are immutable, so they go in and out as they are. */
final class MemoryScenarios implements Scenarios {
    private final Table<String, StoredScenario> table = new Table<>();
    private final MemoryUnitOfWork unitOfWork;

    MemoryScenarios(MemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    Table<String, StoredScenario> table() {
        return table;
    }

    @Override
    public long save(StoredScenario scenario) {
        unitOfWork.requireTransaction();
        StoredScenario stored = table.get(scenario.name());
        long current = stored == null ? 0 : stored.version();
        if (current != scenario.version()) {
            throw scenario.version() == 0 ? ConflictException.alreadyExists("scenario", scenario.name())
                    : ConflictException.staleVersion("scenario", scenario.name(), scenario.version(), current);
        }
        long next = current + 1;
        table.put(scenario.name(), scenario.with(scenario.planOfRecord(), next));
        return next;
    }

    @Override
    public Optional<StoredScenario> find(String name) {
        unitOfWork.requireTransaction();
        return Optional.ofNullable(table.get(name));
    }

    @Override
    public List<StoredScenario> all() {
        unitOfWork.requireTransaction();
        return table.values().stream().sorted(Comparator.comparing(StoredScenario::name)).toList();
    }

    @Override
    public boolean delete(String name) {
        unitOfWork.requireTransaction();
        if (table.get(name) == null) {
            return false;
        }
        table.put(name, null);
        return true;
    }

    @Override
    public void setPlanOfRecord(String name) {
        unitOfWork.requireTransaction();
        for (StoredScenario s : all()) {
            boolean record = s.name().equals(name);
            if (s.planOfRecord() != record) {
                table.put(s.name(), s.with(record, s.version() + 1));
            }
        }
    }
}
