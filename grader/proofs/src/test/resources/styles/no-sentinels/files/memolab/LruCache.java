// Style "no-sentinels": a correct LRU cache whose doubly linked list has no sentinel nodes:
// head and tail are null when the list is empty, and every link step checks for null.
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

public final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, Entry<K, V>> index = new HashMap<>();
    private Entry<K, V> head; // least recently used, or null when empty
    private Entry<K, V> tail; // most recently used, or null when empty
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
        if (key == null) {
            throw new NullPointerException("key is null");
        }
        Entry<K, V> entry = index.get(key);
        if (entry == null) {
            misses++;
            return null;
        }
        hits++;
        detach(entry);
        append(entry);
        return entry.value;
    }

    public void put(K key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException(key == null ? "key is null" : "value is null");
        }
        if (capacity == 0) {
            return;
        }
        Entry<K, V> entry = index.get(key);
        if (entry != null) {
            entry.value = value;
            detach(entry);
            append(entry);
            return;
        }
        if (index.size() == capacity) {
            Entry<K, V> eldest = head;
            detach(eldest);
            index.remove(eldest.key);
            evictions++;
        }
        entry = new Entry<>(key, value);
        index.put(key, entry);
        append(entry);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        if (loader == null) {
            throw new NullPointerException("loader is null");
        }
        V value = get(key); // checks the key, counts the look-up
        if (value == null) {
            value = loader.apply(key); // nothing is half-done here, so the loader may recurse
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    public boolean containsKey(K key) {
        if (key == null) {
            throw new NullPointerException("key is null");
        }
        return index.containsKey(key);
    }

    public V remove(K key) {
        if (key == null) {
            throw new NullPointerException("key is null");
        }
        Entry<K, V> entry = index.remove(key);
        if (entry == null) {
            return null;
        }
        detach(entry);
        return entry.value;
    }

    public int size() {
        return index.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        List<K> keys = new ArrayList<>(index.size());
        for (Entry<K, V> e = head; e != null; e = e.newer) {
            keys.add(e.key);
        }
        return keys;
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, index.size(), capacity);
    }

    public void clear() {
        index.clear();
        head = null;
        tail = null;
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    /** Links {@code e} (not in the list) at the tail. */
    private void append(Entry<K, V> e) {
        e.older = tail;
        e.newer = null;
        if (tail == null) {
            head = e;
        } else {
            tail.newer = e;
        }
        tail = e;
    }

    /** Unlinks {@code e} (in the list), fixing head and tail when it was at an end. */
    private void detach(Entry<K, V> e) {
        if (e.older == null) {
            head = e.newer;
        } else {
            e.older.newer = e.newer;
        }
        if (e.newer == null) {
            tail = e.older;
        } else {
            e.newer.older = e.older;
        }
        e.older = null;
        e.newer = null;
    }
}
