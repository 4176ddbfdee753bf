// Style "circular-array-index-map": a circular doubly linked list of int slot indexes in parallel arrays, no node objects.
package memolab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An LRU cache whose recency list lives in arrays. Slot {@code s} holds one entry:
 * {@code keys[s]}, {@code values[s]}, and its neighbours {@code older[s]} and
 * {@code newer[s]}, which are slot numbers too. Slot 0 is the sentinel of a circular list:
 * {@code newer[0]} is the least recently used slot, {@code older[0]} the most recently used,
 * and an empty list is slot 0 linked to itself. A HashMap finds a key's slot.
 *
 * <p>Slots freed by remove are chained through {@code newer[]} on a free list, reused
 * before a slot never used yet ({@code unused}). The arrays start small and double as the
 * cache fills, up to {@code capacity + 1} slots, so a large capacity costs nothing until it
 * is used; growing copies them, an amortised O(1) per entry added.
 */
public final class LruCache<K, V> {

    private static final int SENTINEL = 0;
    private static final int NONE = -1; // the end of the free list
    private static final int FIRST_LENGTH = 16;

    private final int capacity;
    private final Map<K, Integer> slotOf = new HashMap<>();
    private Object[] keys;
    private Object[] values;
    private int[] older;
    private int[] newer;
    private int free = NONE; // first slot of the free list
    private int unused = 1;  // the lowest slot never used since the last clear
    private long hits;
    private long misses;
    private long evictions;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        allocate((int) Math.min(FIRST_LENGTH, capacity + 1L));
    }

    public V get(K key) {
        Integer slot = slotOf.get(requireKey(key));
        if (slot == null) {
            misses++;
            return null;
        }
        hits++;
        unlink(slot);
        linkNewest(slot);
        return valueAt(slot);
    }

    public void put(K key, V value) {
        requireKey(key);
        if (value == null) {
            throw new NullPointerException("value must not be null");
        }
        if (capacity == 0) {
            return;
        }
        Integer slot = slotOf.get(key);
        if (slot != null) {
            values[slot] = value;
            unlink(slot);
            linkNewest(slot);
            return;
        }
        if (slotOf.size() == capacity) {
            evictOldest();
        }
        int s = takeSlot();
        keys[s] = key;
        values[s] = value;
        slotOf.put(key, s);
        linkNewest(s);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        requireKey(key);
        if (loader == null) {
            throw new NullPointerException("loader must not be null");
        }
        V value = get(key);
        if (value == null) {
            // No slot is taken or half-linked here: the loader may use this cache, even recursively.
            value = loader.apply(key);
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    public boolean containsKey(K key) {
        return slotOf.containsKey(requireKey(key));
    }

    public V remove(K key) {
        Integer slot = slotOf.remove(requireKey(key));
        if (slot == null) {
            return null;
        }
        V value = valueAt(slot);
        unlink(slot);
        releaseSlot(slot);
        return value;
    }

    public int size() {
        return slotOf.size();
    }

    public int capacity() {
        return capacity;
    }

    @SuppressWarnings("unchecked")
    public List<K> keys() {
        List<K> list = new ArrayList<>(slotOf.size());
        for (int s = newer[SENTINEL]; s != SENTINEL; s = newer[s]) {
            list.add((K) keys[s]);
        }
        return list;
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, slotOf.size(), capacity);
    }

    public void clear() {
        slotOf.clear();
        Arrays.fill(keys, null);   // let the old keys and values be collected
        Arrays.fill(values, null);
        older[SENTINEL] = SENTINEL;
        newer[SENTINEL] = SENTINEL;
        free = NONE;
        unused = 1;
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    // --- slots and links ---

    private void allocate(int length) {
        keys = new Object[length];
        values = new Object[length];
        older = new int[length];
        newer = new int[length];
        older[SENTINEL] = SENTINEL;
        newer[SENTINEL] = SENTINEL;
    }

    /** A slot for a new entry: a freed one if any, else the next never used, growing the arrays when they are full. */
    private int takeSlot() {
        if (free != NONE) {
            int s = free;
            free = newer[s];
            return s;
        }
        if (unused == keys.length) {
            int length = (int) Math.min(Math.min(capacity + 1L, 2L * keys.length), Integer.MAX_VALUE - 8);
            keys = Arrays.copyOf(keys, length);
            values = Arrays.copyOf(values, length);
            older = Arrays.copyOf(older, length);
            newer = Arrays.copyOf(newer, length);
        }
        return unused++;
    }

    /** Puts an unlinked slot on the free list, dropping its key and value. */
    private void releaseSlot(int s) {
        keys[s] = null;
        values[s] = null;
        older[s] = NONE;
        newer[s] = free;
        free = s;
    }

    /** Links slot {@code s} just before the sentinel: the most recently used. */
    private void linkNewest(int s) {
        int last = older[SENTINEL];
        older[s] = last;
        newer[s] = SENTINEL;
        newer[last] = s;
        older[SENTINEL] = s;
    }

    private void unlink(int s) {
        newer[older[s]] = newer[s];
        older[newer[s]] = older[s];
    }

    private void evictOldest() {
        int s = newer[SENTINEL];
        slotOf.remove(keys[s]);
        unlink(s);
        releaseSlot(s);
        evictions++;
    }

    @SuppressWarnings("unchecked")
    private V valueAt(int s) {
        return (V) values[s];
    }

    private static <T> T requireKey(T key) {
        if (key == null) {
            throw new NullPointerException("key must not be null");
        }
        return key;
    }
}
