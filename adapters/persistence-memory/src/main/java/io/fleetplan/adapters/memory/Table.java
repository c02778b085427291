package io.fleetplan.adapters.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Rows of one kind, written in place under the store's lock, with the previous value of every row
 * a transaction touches kept so that a rollback puts them back. {@code onChange(old, new)} keeps
 * the table's indexes in step, on writes and on rollback alike.
 */
final class Table<K, V> implements Transactional {
    private final Map<K, V> rows = new HashMap<>();
    private final Map<K, V> before = new HashMap<>();
    private final BiConsumer<V, V> onChange;

    Table(BiConsumer<V, V> onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    Table() {
        this((a, b) -> {
        });
    }

    V get(K key) {
        return rows.get(key);
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    /** Writes a row; a null value removes it. */
    void put(K key, V value) {
        V old = value == null ? rows.remove(key) : rows.put(key, value);
        if (!before.containsKey(key)) {
            before.put(key, old);
        }
        onChange.accept(old, value);
    }

    List<V> values() {
        return new ArrayList<>(rows.values());
    }

    int size() {
        return rows.size();
    }

    @Override
    public void commit() {
        before.clear();
    }

    @Override
    public void rollback() {
        before.forEach((key, previous) -> {
            V current = previous == null ? rows.remove(key) : rows.put(key, previous);
            onChange.accept(current, previous);
        });
        before.clear();
    }
}
