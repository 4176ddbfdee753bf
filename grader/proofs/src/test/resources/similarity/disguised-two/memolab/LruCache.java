package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

public final class LruCache<K, V> {
    private final int capacity;
    private final Map<K, V> table = new HashMap<>();
    private final List<K> queue = new ArrayList<>();
    private long found;
    private long notFound;
    private long dropped;

    public V get(K id) {
        nonNull(id);
        V item = table.get(id);
        if (item == null) {
            notFound++;
            return null;
        }
        found++;
        queue.remove(id);
        queue.add(id);
        return item;
    }

    public V computeIfAbsent(K id, Function<? super K, ? extends V> fn) {
        V cached = get(id);
        if (cached != null) {
            return cached;
        }
        V item = fn.apply(id);
        if (item != null) {
            put(id, item);
        }
        return item;
    }

    public V remove(K id) {
        nonNull(id);
        V item = table.remove(id);
        if (item != null) {
            queue.remove(id);
        }
        return item;
    }

    public int capacity() {
        return capacity;
    }

    public CacheStats stats() {
        return new CacheStats(found, notFound, dropped, table.size(), capacity);
    }

    private static void nonNull(Object id) {
        if (id == null) {
            throw new NullPointerException("id");
        }
    }

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void put(K id, V item) {
        nonNull(id);
        if (item == null) {
            throw new NullPointerException("item");
        }
        if (capacity == 0) {
            return;
        }
        if (table.containsKey(id)) {
            queue.remove(id);
        } else if (table.size() == capacity) {
            table.remove(queue.remove(0));
            dropped++;
        }
        table.put(id, item);
        queue.add(id);
    }

    public boolean containsKey(K id) {
        nonNull(id);
        return table.containsKey(id);
    }

    public int size() {
        return table.size();
    }

    public List<K> keys() {
        return new ArrayList<>(queue);
    }

    public void clear() {
        table.clear();
        queue.clear();
        found = 0;
        notFound = 0;
        dropped = 0;
    }
}
