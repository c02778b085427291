package io.fleetplan.adapters.memory;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.NotFoundException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A table of one aggregate type: copies go in and copies come out, so no caller ever shares a
 * mutable aggregate with the store; versions are checked on update.
 */
final class Aggregates<K, A extends AggregateRoot> {
    private final String kind;
    private final Table<K, A> table;
    private final Function<A, K> id;
    private final BiFunction<A, Long, A> copyAtVersion;
    private final Comparator<A> order;
    private final MemoryUnitOfWork unitOfWork;

    Aggregates(String kind, Function<A, K> id, BiFunction<A, Long, A> copyAtVersion, Comparator<A> order,
               MemoryUnitOfWork unitOfWork, BiConsumer<A, A> onChange) {
        this.kind = kind;
        this.id = id;
        this.copyAtVersion = copyAtVersion;
        this.order = order;
        this.unitOfWork = unitOfWork;
        this.table = new Table<>(onChange);
    }

    Table<K, A> table() {
        return table;
    }

    void add(A aggregate) {
        unitOfWork.requireTransaction();
        K key = id.apply(aggregate);
        if (table.contains(key)) {
            throw ConflictException.alreadyExists(kind, key);
        }
        table.put(key, copyAtVersion.apply(aggregate, 1L));
    }

    Optional<A> find(K key) {
        unitOfWork.requireTransaction();
        A stored = table.get(key);
        return stored == null ? Optional.empty() : Optional.of(copyAtVersion.apply(stored, stored.version()));
    }

    long update(A aggregate) {
        unitOfWork.requireTransaction();
        K key = id.apply(aggregate);
        A stored = table.get(key);
        if (stored == null) {
            throw new NotFoundException(kind, key);
        }
        if (stored.version() != aggregate.version()) {
            throw ConflictException.staleVersion(kind, key, aggregate.version(), stored.version());
        }
        long next = stored.version() + 1;
        table.put(key, copyAtVersion.apply(aggregate, next));
        return next;
    }

    /** Writes without a version check; for orders, which their pool's lock already serialises. */
    void put(A aggregate) {
        unitOfWork.requireTransaction();
        K key = id.apply(aggregate);
        A stored = table.get(key);
        table.put(key, copyAtVersion.apply(aggregate, stored == null ? 1L : stored.version() + 1));
    }

    A stored(K key) {
        return table.get(key);
    }

    A copy(A stored) {
        return copyAtVersion.apply(stored, stored.version());
    }

    List<A> list(Predicate<A> filter) {
        unitOfWork.requireTransaction();
        return table.values().stream().filter(filter).sorted(order).map(this::copy).toList();
    }
}
