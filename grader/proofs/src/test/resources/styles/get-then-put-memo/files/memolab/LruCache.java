// Style "get-then-put-memo": a correct LRU cache with a static nested Cell class whose links
// are named "before" and "after", two end markers named "oldestEnd" and "newestEnd".
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

public final class LruCache<K, V> {

    static final class Cell<K, V> {
        final K key;
        V value;
        Cell<K, V> before; // used earlier
        Cell<K, V> after;  // used later

        Cell(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    private final int limit;
    private final HashMap<K, Cell<K, V>> cells = new HashMap<>();
    private final Cell<K, V> oldestEnd = new Cell<>(null, null);
    private final Cell<K, V> newestEnd = new Cell<>(null, null);
    private long hitCount;
    private long missCount;
    private long evictionCount;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        limit = capacity;
        join(oldestEnd, newestEnd);
    }

    private static <K, V> void join(Cell<K, V> first, Cell<K, V> second) {
        first.after = second;
        second.before = first;
    }

    private void takeOut(Cell<K, V> cell) {
        join(cell.before, cell.after);
        cell.before = null;
        cell.after = null;
    }

    private void addNewest(Cell<K, V> cell) {
        Cell<K, V> previous = newestEnd.before;
        join(previous, cell);
        join(cell, newestEnd);
    }

    private static void check(Object key, String what) {
        if (key == null) {
            throw new NullPointerException(what + " must not be null");
        }
    }

    public V get(K key) {
        check(key, "key");
        Cell<K, V> cell = cells.get(key);
        if (cell == null) {
            missCount++;
            return null;
        }
        hitCount++;
        takeOut(cell);
        addNewest(cell);
        return cell.value;
    }

    public void put(K key, V value) {
        check(key, "key");
        check(value, "value");
        if (limit == 0) {
            return;
        }
        Cell<K, V> cell = cells.get(key);
        if (cell != null) {
            cell.value = value;
            takeOut(cell);
            addNewest(cell);
            return;
        }
        if (cells.size() == limit) {
            Cell<K, V> oldest = oldestEnd.after;
            takeOut(oldest);
            cells.remove(oldest.key);
            evictionCount++;
        }
        cell = new Cell<>(key, value);
        cells.put(key, cell);
        addNewest(cell);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        check(key, "key");
        check(loader, "loader");
        V value = get(key);
        if (value == null) {
            value = loader.apply(key);
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    public boolean containsKey(K key) {
        check(key, "key");
        return cells.containsKey(key);
    }

    public V remove(K key) {
        check(key, "key");
        Cell<K, V> cell = cells.remove(key);
        if (cell == null) {
            return null;
        }
        takeOut(cell);
        return cell.value;
    }

    public int size() {
        return cells.size();
    }

    public int capacity() {
        return limit;
    }

    public List<K> keys() {
        List<K> keys = new ArrayList<>(cells.size());
        for (Cell<K, V> cell = oldestEnd.after; cell != newestEnd; cell = cell.after) {
            keys.add(cell.key);
        }
        return keys;
    }

    public CacheStats stats() {
        return new CacheStats(hitCount, missCount, evictionCount, cells.size(), limit);
    }

    public void clear() {
        cells.clear();
        join(oldestEnd, newestEnd);
        hitCount = 0;
        missCount = 0;
        evictionCount = 0;
    }
}
