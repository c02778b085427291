package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.EventLogRecord;
import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.EventLog;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.fleetplan.adapters.jooq.schema.Tables.EVENT_COUNTER;
import static io.fleetplan.adapters.jooq.schema.Tables.EVENT_LOG;

/**
 * The append-only event log. Appended events wait in the transaction and are written last, just
 * before it commits, numbered from the event counter under its row lock: sequences are gapless
 * and follow commit order, so a reader that pages by sequence never misses an event, and taking
 * the counter last means it is never held while waiting for another lock. A read in the same
 * transaction writes the waiting events first, so it sees them.
 */
final class DbEventLog implements EventLog {
    private record Appended(DomainEvent event, Actor actor, Instant at) {
    }

    private final Transactions tx;
    /** Takes numbers for the waiting events and returns the last: rendered once, run at every commit. */
    private final String takeSql;
    /** Inserts one event: rendered once, run as a batch at every commit. */
    private final String insertSql;

    DbEventLog(Transactions tx) {
        this.tx = tx;
        this.takeSql = tx.render(DSL.update(EVENT_COUNTER)
                .set(EVENT_COUNTER.LAST_SEQUENCE, EVENT_COUNTER.LAST_SEQUENCE.plus(DSL.param("count", Long.class)))
                .where(EVENT_COUNTER.ID.eq(DSL.inline(1))).returningResult(EVENT_COUNTER.LAST_SEQUENCE));
        this.insertSql = tx.render(DSL.insertInto(EVENT_LOG, EVENT_LOG.SEQUENCE_NO, EVENT_LOG.OCCURRED_AT,
                        EVENT_LOG.ACTOR_NAME, EVENT_LOG.ACTOR_ROLE, EVENT_LOG.EVENT_TYPE, EVENT_LOG.SUBJECT,
                        EVENT_LOG.DETAILS, EVENT_LOG.REASON)
                .values((Long) null, (OffsetDateTime) null, null, null, null, null, null, null));
    }

    /** The events appended in one transaction and not yet written. */
    private final class Waiting implements Tx.Deferred {
        private final Tx owner;
        private final List<Appended> events = new ArrayList<>();

        Waiting(Tx owner) {
            this.owner = owner;
        }

        @Override
        public void flush() {
            write(owner.connection(), events);
        }

        @Override
        public Object snapshot() {
            return List.copyOf(events);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restore(Object snapshot) {
            events.clear();
            events.addAll((List<Appended>) snapshot);
        }
    }

    @Override
    public void append(List<DomainEvent> events, Actor actor, Instant at) {
        List<Appended> list = waiting(tx.tx()).events;
        for (DomainEvent event : events) {
            list.add(new Appended(event, actor, at));
        }
    }

    private Waiting waiting(Tx current) {
        return current.deferred(this, Waiting::new);
    }

    private void write(Connection connection, List<Appended> events) {
        if (events.isEmpty()) {
            return;
        }
        // Taking the numbers and the counter's row lock in one statement: the update waits for the
        // lock and adds to the value committed before it.
        long last = Jdbc.single(connection, takeSql, (long) events.size());
        long sequence = last - events.size();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Appended w : events) {
            rows.add(new Object[] {++sequence, Values.column(w.at()), w.actor().name(), w.actor().role(),
                    w.event().type().name(), w.event().subject(), EventDetails.encode(w.event().details()),
                    w.event().reason()});
        }
        Jdbc.batch(connection, insertSql, rows);
        events.clear();
    }

    @Override
    public List<StoredEvent> list(EventFilter filter, long afterSequence, int limit) {
        Tx current = tx.tx();
        waiting(current).flush();
        Condition where = EVENT_LOG.SEQUENCE_NO.gt(afterSequence);
        if (filter.subject().isPresent()) {
            where = where.and(EVENT_LOG.SUBJECT.eq(filter.subject().get()));
        }
        if (filter.type().isPresent()) {
            where = where.and(EVENT_LOG.EVENT_TYPE.eq(filter.type().get().name()));
        }
        if (filter.from().isPresent()) {
            where = where.and(EVENT_LOG.OCCURRED_AT.ge(Values.column(filter.from().get())));
        }
        if (filter.to().isPresent()) {
            where = where.and(EVENT_LOG.OCCURRED_AT.lt(Values.column(filter.to().get())));
        }
        return current.dsl().selectFrom(EVENT_LOG).where(where).orderBy(EVENT_LOG.SEQUENCE_NO).limit(limit)
                .fetch(DbEventLog::stored);
    }

    private static StoredEvent stored(EventLogRecord r) {
        return new StoredEvent(r.getSequenceNo(), Values.instant(r.getOccurredAt()),
                new Actor(r.getActorName(), r.getActorRole()),
                new DomainEvent(EventType.valueOf(r.getEventType()), r.getSubject(), EventDetails.decode(r.getDetails()),
                        r.getReason()));
    }
}
