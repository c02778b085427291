package io.fleetplan.adapters.jooq;

import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One transaction in progress on one thread: its connection (as a DSLContext), what the
 * repositories keep for the length of it, and what runs last before it commits.
 */
final class Tx {
    private final DSLContext dsl;
    private final Map<Object, Object> attached = new HashMap<>();
    private final List<Runnable> beforeCommit = new ArrayList<>();

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    DSLContext dsl() {
        return dsl;
    }

    /** What {@code owner} keeps in this transaction, made on first use. */
    @SuppressWarnings("unchecked")
    <T> T attached(Object owner, Function<Tx, T> create) {
        Object value = attached.get(owner);
        if (value == null) {
            value = create.apply(this);
            attached.put(owner, value);
        }
        return (T) value;
    }

    /** Runs {@code action} once, after the work and just before the commit. */
    void onCommit(Runnable action) {
        beforeCommit.add(action);
    }

    void beforeCommit() {
        for (int i = 0; i < beforeCommit.size(); i++) {
            beforeCommit.get(i).run();
        }
        beforeCommit.clear();
    }
}
