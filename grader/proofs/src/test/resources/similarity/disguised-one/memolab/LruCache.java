package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Corpus variant "linear-scan": correct results, but recency is an ArrayList searched on every use: O(n) per call. */
public final class LruCache<K, V> {
    private long evictCount;
    private long missCount;
    private long hitCount;
    private final List<K> recency = new ArrayList<>(); // least recently used first
    private final Map<K, V> store = new HashMap<>();
    private final int capacity;

    private static void checkNotNull(Object k) {
        if (k == null) {
            throw new NullPointerException("k");
        }
    }

    public void clear() {
        store.clear();
        recency.clear();
        hitCount = 0;
        missCount = 0;
        evictCount = 0;
    }

    public CacheStats stats() {
        return new CacheStats(hitCount, missCount, evictCount, store.size(), capacity);
    }

    public List<K> keys() {
        return new ArrayList<>(recency);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return store.size();
    }

    public V remove(K k) {
        checkNotNull(k);
        V v = store.remove(k);
        if (v != null) {
            recency.remove(k);
        }
        return v;
    }

    public boolean containsKey(K k) {
        checkNotNull(k);
        return store.containsKey(k);
    }

    public V computeIfAbsent(K k, Function<? super K, ? extends V> compute) {
        V cached = get(k);
        if (cached != null) {
            return cached;
        }
        V v = compute.apply(k);
        if (v != null) {
            put(k, v);
        }
        return v;
    }

    public void put(K k, V v) {
        checkNotNull(k);
        if (v == null) {
            throw new NullPointerException("v");
        }
        if (capacity == 0) {
            return;
        }
        if (store.containsKey(k)) {
            recency.remove(k);
        } else if (store.size() == capacity) {
            store.remove(recency.remove(0));
            evictCount++;
        }
        store.put(k, v);
        recency.add(k);
    }

    public V get(K k) {
        checkNotNull(k);
        V v = store.get(k);
        if (v == null) {
            missCount++;
            return null;
        }
        hitCount++;
        recency.remove(k);
        recency.add(k);
        return v;
    }

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }
}
