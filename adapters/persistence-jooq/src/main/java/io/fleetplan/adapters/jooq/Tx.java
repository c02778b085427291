package io.fleetplan.adapters.jooq;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One transaction in progress on one thread: its connection (as a DSLContext) and the writes the
 * repositories hold back in it ({@link Deferred}), written before a read that needs them and,
 * at the latest, just before the commit. A group commit runs several changes in one transaction,
 * each behind a savepoint; {@link #mark} and {@link #restore} keep what is held back in step with
 * the database when one of them is rolled back to its savepoint.
 */
final class Tx {
    /**
     * Writes a repository holds back in the transaction: rows to insert or update in one batch, a
     * locked row's latest state, waiting events.
     */
    interface Deferred {
        /** Writes everything held back and holds nothing afterwards. */
        void flush();

        /** What is held back now, as an unchanging copy for {@link #restore}. */
        Object snapshot();

        /**
         * Holds back exactly what {@code snapshot} held: the transaction was rolled back to the
         * savepoint taken when it was made, so the database is as it was then too.
         */
        void restore(Object snapshot);
    }

    /** Held-back writes kept by key in order of first use; a snapshot is a copy of the map. */
    abstract static class ByKey<K, V> implements Deferred {
        private final Tx owner;
        private LinkedHashMap<K, V> entries = new LinkedHashMap<>();

        ByKey(Tx owner) {
            this.owner = owner;
        }

        /** The transaction the writes are held back in, whose connection writes them. */
        final Tx owner() {
            return owner;
        }

        /** What is held back, to read and change. */
        final Map<K, V> entries() {
            return entries;
        }

        @Override
        public final Object snapshot() {
            return new LinkedHashMap<>(entries);
        }

        @Override
        @SuppressWarnings("unchecked")
        public final void restore(Object snapshot) {
            entries = new LinkedHashMap<>((Map<K, V>) snapshot);
        }
    }

    /** What was held back when a savepoint was taken: the deferred writes then known and their snapshots. */
    static final class Mark {
        private final int known;
        private final Object[] snapshots;

        private Mark(int known, Object[] snapshots) {
            this.known = known;
            this.snapshots = snapshots;
        }
    }

    private final DSLContext dsl;
    private final Connection connection;
    private final Map<Object, Deferred> byOwner = new HashMap<>();
    /** In order of first use, which is the order they are written in at the commit. */
    private final List<Object> owners = new ArrayList<>();

    Tx(DSLContext dsl, Connection connection) {
        this.dsl = dsl;
        this.connection = connection;
    }

    DSLContext dsl() {
        return dsl;
    }

    /** The same connection, for the statements run with plain JDBC ({@link Jdbc}). */
    Connection connection() {
        return connection;
    }

    /** What {@code owner} holds back in this transaction, made on first use. */
    @SuppressWarnings("unchecked")
    <T extends Deferred> T deferred(Object owner, Function<Tx, T> create) {
        Deferred value = byOwner.get(owner);
        if (value == null) {
            value = create.apply(this);
            byOwner.put(owner, value);
            owners.add(owner);
        }
        return (T) value;
    }

    /** Writes everything held back, in order of first use: runs last before the commit. */
    void beforeCommit() {
        for (Object owner : owners) {
            byOwner.get(owner).flush();
        }
    }

    /** Taken with a savepoint. */
    Mark mark() {
        Object[] snapshots = new Object[owners.size()];
        for (int i = 0; i < snapshots.length; i++) {
            snapshots[i] = byOwner.get(owners.get(i)).snapshot();
        }
        return new Mark(owners.size(), snapshots);
    }

    /** After a rollback to the savepoint taken with {@code mark}: holds back what was held back then. */
    void restore(Mark mark) {
        while (owners.size() > mark.known) {
            byOwner.remove(owners.remove(owners.size() - 1));
        }
        for (int i = 0; i < mark.known; i++) {
            byOwner.get(owners.get(i)).restore(mark.snapshots[i]);
        }
    }
}
