package io.fleetplan.adapters.jooq;

import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.NotFoundException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;
import org.jooq.exception.DataAccessException;

/**
 * Inserting and updating one aggregate row the way the in-memory store does: a new aggregate is
 * stored at version 1 and a duplicate id is a conflict; an update must find the row at the version
 * the aggregate was loaded at, and stores the next one.
 */
final class Versioned<R extends UpdatableRecord<R>> {
    private final String kind;
    private final Table<R> table;
    private final TableField<R, Long> version;

    Versioned(String kind, Table<R> table, TableField<R, Long> version) {
        this.kind = kind;
        this.table = table;
        this.version = version;
    }

    void insert(DSLContext dsl, R row, Condition key, Object id) {
        if (dsl.fetchExists(table, key)) {
            throw ConflictException.alreadyExists(kind, id);
        }
        row.set(version, 1L);
        row.changed(true);
        try {
            dsl.insertInto(table).set(row).execute();
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                ConflictException conflict = ConflictException.alreadyExists(kind, id);
                conflict.initCause(e);
                throw conflict;
            }
            throw e;
        }
    }

    /** Writes the row if it is still at {@code expected}; returns the new version. */
    long update(DSLContext dsl, R row, Condition key, Object id, long expected) {
        long next = expected + 1;
        row.set(version, next);
        row.changed(true);
        int updated = dsl.update(table).set(row).where(key).and(version.eq(expected)).execute();
        return checked(dsl, updated, key, id, expected);
    }

    /** The next version when an update at {@code expected} found its row; otherwise why it did not. */
    long checked(DSLContext dsl, int updated, Condition key, Object id, long expected) {
        if (updated == 1) {
            return expected + 1;
        }
        Record current = dsl.select(version).from(table).where(key).fetchOne();
        if (current == null) {
            throw new NotFoundException(kind, id);
        }
        throw ConflictException.staleVersion(kind, id, expected, current.get(version));
    }
}
