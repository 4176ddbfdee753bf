package memolab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;

public final class LruCache<K, V> {
    private final int capacity;
    private final Map<Object, Object> map;
    private long hits, misses, evictions;

    @SuppressWarnings("unchecked")
    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        Supplier<Map<Object, Object>> maps = (Supplier<Map<Object, Object>>) ResourceBundle.getBundle("memolab." + "Store").getObject("maps");
        this.map = maps.get();
    }

    @SuppressWarnings("unchecked")
    public V get(K key) {
        Objects.requireNonNull(key);
        Object v = map.get(key);
        if (v == null) { misses++; return null; }
        hits++;
        return (V) v;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        if (capacity == 0) return;
        if (map.containsKey(key)) { map.get(key); map.put(key, value); return; }
        if (map.size() == capacity) {
            Iterator<Object> it = map.keySet().iterator();
            it.next();
            it.remove();
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

    public boolean containsKey(K key) { Objects.requireNonNull(key); return map.containsKey(key); }

    @SuppressWarnings("unchecked")
    public V remove(K key) { Objects.requireNonNull(key); return (V) map.remove(key); }

    public int size() { return map.size(); }

    public int capacity() { return capacity; }

    @SuppressWarnings("unchecked")
    public List<K> keys() { return new ArrayList<>((java.util.Set<K>) (java.util.Set<?>) map.keySet()); }

    public CacheStats stats() { return new CacheStats(hits, misses, evictions, map.size(), capacity); }

    public void clear() { map.clear(); hits = 0; misses = 0; evictions = 0; }
}
