package memolab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Corpus variant "linkedhashmap-subclass": correct behaviour, by subclassing LinkedHashMap, which the rules forbid. */
public final class LruCache<K, V> {

    private final int capacity;
    private long hits;
    private long misses;
    private long evictions;
    private final Map<K, V> map = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            boolean full = size() > capacity;
            if (full) {
                evictions++;
            }
            return full;
        }
    };

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    public V get(K key) {
        requireKey(key);
        V value = map.get(key);
        if (value == null) {
            misses++;
        } else {
            hits++;
        }
        return value;
    }

    public void put(K key, V value) {
        requireKey(key);
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (capacity > 0) {
            map.put(key, value);
        }
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
        requireKey(key);
        return map.containsKey(key);
    }

    public V remove(K key) {
        requireKey(key);
        return map.remove(key);
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        return new ArrayList<>(map.keySet());
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, map.size(), capacity);
    }

    public void clear() {
        map.clear();
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    private static void requireKey(Object key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
    }
}
