package io.fleetplan.adapters.memory;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.EventLog;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.DomainEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The event log as a list; a rollback drops what the transaction appended. */
final class MemoryEventLog implements EventLog, Transactional {
    private final List<StoredEvent> events = new ArrayList<>();
    private final MemoryUnitOfWork unitOfWork;
    private int committed;

    MemoryEventLog(MemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void append(List<DomainEvent> toAppend, Actor actor, Instant at) {
        unitOfWork.requireTransaction();
        for (DomainEvent event : toAppend) {
            events.add(new StoredEvent(events.size() + 1L, at, actor, event));
        }
    }

    @Override
    public List<StoredEvent> list(EventFilter filter, long afterSequence, int limit) {
        unitOfWork.requireTransaction();
        List<StoredEvent> out = new ArrayList<>();
        for (int i = (int) Math.max(0, Math.min(afterSequence, events.size())); i < events.size() && out.size() < limit; i++) {
            StoredEvent e = events.get(i);
            if (filter.subject().map(s -> s.equals(e.event().subject())).orElse(true)
                    && filter.type().map(t -> t == e.event().type()).orElse(true)
                    && filter.from().map(t -> !e.at().isBefore(t)).orElse(true)
                    && filter.to().map(t -> e.at().isBefore(t)).orElse(true)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void commit() {
        committed = events.size();
    }

    @Override
    public void rollback() {
        events.subList(committed, events.size()).clear();
    }
}
