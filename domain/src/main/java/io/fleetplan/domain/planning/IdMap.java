package io.fleetplan.domain.planning;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A read-only map over ids in ascending order, held as two arrays: the keys, shared by every
 * quarter of a plan, and the values. The projection builds one per scope and quarter without the
 * cost of a tree; {@link QuarterPlan} keeps it as it is, since nothing can change it. Equal to any
 * map with the same entries, like the sorted maps it stands for.
 */
final class IdMap<K extends Comparable<K>, V> extends AbstractMap<K, V> {

    /** Ids in strictly ascending order, checked once and shared by the maps built on them. */
    static final class Keys<K extends Comparable<K>> {
        private final Object[] ids;

        Keys(List<K> ascending) {
            this.ids = ascending.toArray();
            for (int i = 1; i < ids.length; i++) {
                if (key(i - 1).compareTo(key(i)) >= 0) {
                    throw new IllegalArgumentException("ids must be strictly ascending: " + ids[i - 1] + ", " + ids[i]);
                }
            }
        }

        int size() {
            return ids.length;
        }

        @SuppressWarnings("unchecked")
        K key(int i) {
            return (K) ids[i];
        }

        @SuppressWarnings("unchecked")
        int indexOf(Object id) {
            if (id == null || ids.length == 0 || id.getClass() != ids[0].getClass()) {
                return -1;
            }
            return Arrays.binarySearch(ids, id, (a, b) -> ((K) a).compareTo((K) b));
        }
    }

    private final Keys<K> keys;
    private final Object[] values;

    /** A map of {@code keys} to {@code values} (one each, not null), which the caller hands over and no longer touches. */
    IdMap(Keys<K> keys, Object[] values) {
        if (values.length != keys.size()) {
            throw new IllegalArgumentException(values.length + " values for " + keys.size() + " ids");
        }
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException("a value is missing");
            }
        }
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return keys.indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(keys.key(i), (V) values[i]);
        }
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(keys.key(i), (V) values[i]);
                    }
                };
            }
        };
    }
}
