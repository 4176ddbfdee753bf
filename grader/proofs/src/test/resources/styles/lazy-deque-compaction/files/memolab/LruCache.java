// Style "lazy-deque-compaction": recency is a log of (key, stamp) records, stale ones skipped and now and then swept out.
package memolab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An LRU cache without a linked list. Every use of a key appends a record (key, stamp) to
 * the back of a log, and the key's entry remembers the stamp of its latest record. A record
 * whose stamp is no longer its key's latest (the key was used again, removed or evicted) is
 * stale; the live records, read from the front, are the keys least recently used first.
 *
 * <p>Eviction pops records off the front until it meets a live one. So that stale records
 * cannot pile up (a hot key read over and over appends a record each time), the log is
 * rebuilt without them whenever it holds more than {@code 2 * size() + 16} records. At that
 * point more than half the log is stale, and each stale record was made stale by a call
 * since the last rebuild, so the rebuild costs at most two steps per such call: amortised
 * O(1).
 */
public final class LruCache<K, V> {

    /** A key's value and the stamp of its latest record in the log. */
    private static final class Entry<V> {
        V value;
        long stamp;

        Entry(V value) {
            this.value = value;
        }
    }

    /** One use of a key; live only while {@code stamp} is still that key's latest. */
    private record Use<K>(K key, long stamp) {
    }

    private static final int SLACK = 16;

    private final int capacity;
    private final Map<K, Entry<V>> entries = new HashMap<>();
    private ArrayDeque<Use<K>> log = new ArrayDeque<>();
    private long clock; // the last stamp handed out; stamps only grow, so each is used once
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
        checkKey(key);
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            misses++;
            return null;
        }
        hits++;
        use(key, entry);
        return entry.value;
    }

    public void put(K key, V value) {
        checkKey(key);
        if (value == null) {
            throw new NullPointerException("value is null");
        }
        if (capacity == 0) {
            return;
        }
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            if (entries.size() == capacity) {
                evictOldest();
            }
            entry = new Entry<>(value);
            entries.put(key, entry);
        } else {
            entry.value = value;
        }
        use(key, entry);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        checkKey(key);
        if (loader == null) {
            throw new NullPointerException("loader is null");
        }
        V found = get(key);
        if (found != null) {
            return found;
        }
        // The miss is counted and the log is whole: the loader may use this cache freely.
        V loaded = loader.apply(key);
        if (loaded != null) {
            put(key, loaded);
        }
        return loaded;
    }

    public boolean containsKey(K key) {
        checkKey(key);
        return entries.containsKey(key);
    }

    public V remove(K key) {
        checkKey(key);
        Entry<V> entry = entries.remove(key);
        // Its record stays in the log, stale now: eviction or the next rebuild drops it.
        return entry == null ? null : entry.value;
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        List<K> keys = new ArrayList<>(entries.size());
        for (Use<K> use : log) {
            if (isLive(use)) {
                keys.add(use.key());
            }
        }
        return keys;
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, entries.size(), capacity);
    }

    public void clear() {
        entries.clear();
        log = new ArrayDeque<>();
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    /** Makes {@code key} (held, with this entry) the most recently used: a new record at the back. */
    private void use(K key, Entry<V> entry) {
        entry.stamp = ++clock;
        log.addLast(new Use<>(key, entry.stamp));
        if (log.size() > 2L * entries.size() + SLACK) {
            compact();
        }
    }

    /** Evicts the key of the first live record; the stale records before it go too. */
    private void evictOldest() {
        Use<K> oldest = log.pollFirst();
        while (!isLive(oldest)) {
            oldest = log.pollFirst();
        }
        entries.remove(oldest.key());
        evictions++;
    }

    /** Rebuilds the log with its live records only, in the same order. */
    private void compact() {
        ArrayDeque<Use<K>> kept = new ArrayDeque<>(entries.size() + SLACK);
        for (Use<K> use : log) {
            if (isLive(use)) {
                kept.addLast(use);
            }
        }
        log = kept;
    }

    private boolean isLive(Use<K> use) {
        Entry<V> entry = entries.get(use.key());
        return entry != null && entry.stamp == use.stamp();
    }

    private static void checkKey(Object key) {
        if (key == null) {
            throw new NullPointerException("key is null");
        }
    }
}
