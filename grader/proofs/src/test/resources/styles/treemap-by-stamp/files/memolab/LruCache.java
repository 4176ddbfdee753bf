// Style "treemap-by-stamp": each use stamps the entry from a counter; a TreeMap from stamp to key orders recency.
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An LRU cache that orders recency by time stamps instead of links. A counter ticks on
 * every use; the entry keeps the stamp of its last use, and {@code byStamp} maps each held
 * entry's stamp to its key. The smallest stamp is the least recently used entry, so
 * eviction takes {@code byStamp}'s first entry, and {@code keys()} is its values in order.
 *
 * <p>Cost: a HashMap look-up plus one or two operations on a balanced tree (a red-black
 * TreeMap), so O(log size) per call rather than O(1); with a {@code long} counter the stamps
 * never run out.
 */
public final class LruCache<K, V> {

    /** A held value and the stamp of its last use, which is also its key in {@code byStamp}. */
    private static final class Stamped<V> {
        V value;
        long stamp;

        Stamped(V value, long stamp) {
            this.value = value;
            this.stamp = stamp;
        }
    }

    private final int capacity;
    private final Map<K, Stamped<V>> entries = new HashMap<>();
    private final TreeMap<Long, K> byStamp = new TreeMap<>(); // oldest use first
    private long now;
    private long hits;
    private long misses;
    private long evictions;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    public V get(K key) {
        nonNull(key, "key");
        Stamped<V> entry = entries.get(key);
        if (entry == null) {
            misses++;
            return null;
        }
        hits++;
        restamp(key, entry);
        return entry.value;
    }

    public void put(K key, V value) {
        nonNull(key, "key");
        nonNull(value, "value");
        if (capacity == 0) {
            return;
        }
        Stamped<V> entry = entries.get(key);
        if (entry != null) {
            entry.value = value;
            restamp(key, entry);
            return;
        }
        if (entries.size() == capacity) {
            Map.Entry<Long, K> oldest = byStamp.pollFirstEntry();
            entries.remove(oldest.getValue());
            evictions++;
        }
        entry = new Stamped<>(value, ++now);
        entries.put(key, entry);
        byStamp.put(entry.stamp, key);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        nonNull(key, "key");
        nonNull(loader, "loader");
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V computed = loader.apply(key); // nothing half-stored: the loader may call this cache again
        if (computed != null) {
            put(key, computed);
        }
        return computed;
    }

    public boolean containsKey(K key) {
        nonNull(key, "key");
        return entries.containsKey(key);
    }

    public V remove(K key) {
        nonNull(key, "key");
        Stamped<V> entry = entries.remove(key);
        if (entry == null) {
            return null;
        }
        byStamp.remove(entry.stamp);
        return entry.value;
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        return new ArrayList<>(byStamp.values());
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, entries.size(), capacity);
    }

    public void clear() {
        entries.clear();
        byStamp.clear();
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    /** Moves a held entry to the newest end: a new stamp, filed under it instead of the old one. */
    private void restamp(K key, Stamped<V> entry) {
        byStamp.remove(entry.stamp);
        entry.stamp = ++now;
        byStamp.put(entry.stamp, key);
    }

    private static void nonNull(Object o, String what) {
        if (o == null) {
            throw new NullPointerException(what + " must not be null");
        }
    }
}
