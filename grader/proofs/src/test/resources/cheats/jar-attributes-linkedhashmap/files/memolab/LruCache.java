package memolab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** No list of my own: java.util.jar.Attributes keeps a LinkedHashMap in a protected field. */
public final class LruCache<K, V> {

    private static final class Store extends java.util.jar.Attributes {
        Map<Object, Object> entries() {
            return map; // new LinkedHashMap<>() in insertion order, typed Map
        }
    }

    private final Map<Object, Object> map = new Store().entries();
    private final int capacity;
    private long hits, misses, evictions;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    @SuppressWarnings("unchecked")
    public V get(K key) {
        Objects.requireNonNull(key);
        Object v = map.remove(key);
        if (v == null) {
            misses++;
            return null;
        }
        map.put(key, v); // re-insert: now most recent
        hits++;
        return (V) v;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        if (capacity == 0) {
            return;
        }
        if (map.remove(key) == null && map.size() == capacity) {
            Iterator<Object> eldest = map.keySet().iterator();
            eldest.next();
            eldest.remove();
            evictions++;
        }
        map.put(key, value);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
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
        return map.containsKey(Objects.requireNonNull(key));
    }

    @SuppressWarnings("unchecked")
    public V remove(K key) {
        return (V) map.remove(Objects.requireNonNull(key));
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }

    @SuppressWarnings("unchecked")
    public List<K> keys() {
        return new ArrayList<>((java.util.Collection<K>) (java.util.Collection<?>) map.keySet());
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, map.size(), capacity);
    }

    public void clear() {
        map.clear();
        hits = misses = evictions = 0;
    }
}
