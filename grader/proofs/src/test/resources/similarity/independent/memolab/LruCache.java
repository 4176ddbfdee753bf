package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** An LRU cache whose recency list lives in arrays: slot numbers instead of node objects. */
public final class LruCache<K, V> {

    private static final int NONE = -1;

    private final int limit;
    private final HashMap<K, Integer> slotOf = new HashMap<>();
    private final Object[] slotKeys;
    private final Object[] slotValues;
    private final int[] older;
    private final int[] newer;
    private int oldest = NONE;
    private int newest = NONE;
    private int freeSlots;
    private int[] free;
    private long hitCount;
    private long missCount;
    private long evictCount;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        limit = capacity;
        slotKeys = new Object[capacity];
        slotValues = new Object[capacity];
        older = new int[capacity];
        newer = new int[capacity];
        free = new int[capacity];
        resetSlots();
    }

    private void resetSlots() {
        for (int s = 0; s < limit; s++) {
            free[s] = limit - 1 - s;
            slotKeys[s] = null;
            slotValues[s] = null;
        }
        freeSlots = limit;
        oldest = NONE;
        newest = NONE;
    }

    public V get(K key) {
        Objects.requireNonNull(key, "key");
        Integer slot = slotOf.get(key);
        if (slot == null) {
            missCount++;
            return null;
        }
        hitCount++;
        touch(slot);
        return value(slot);
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Integer slot = slotOf.get(key);
        if (slot != null) {
            slotValues[slot] = value;
            touch(slot);
            return;
        }
        if (limit == 0) {
            return;
        }
        if (freeSlots == 0) {
            int victim = oldest;
            detach(victim);
            slotOf.remove(slotKeys[victim]);
            free[freeSlots++] = victim;
            evictCount++;
        }
        int fresh = free[--freeSlots];
        slotKeys[fresh] = key;
        slotValues[fresh] = value;
        attachNewest(fresh);
        slotOf.put(key, fresh);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        V known = get(key);
        if (known == null) {
            known = loader.apply(key);
            if (known != null) {
                put(key, known);
            }
        }
        return known;
    }

    public boolean containsKey(K key) {
        Objects.requireNonNull(key, "key");
        return slotOf.containsKey(key);
    }

    public V remove(K key) {
        Objects.requireNonNull(key, "key");
        Integer slot = slotOf.remove(key);
        if (slot == null) {
            return null;
        }
        V old = value(slot);
        detach(slot);
        slotKeys[slot] = null;
        slotValues[slot] = null;
        free[freeSlots++] = slot;
        return old;
    }

    public int size() {
        return slotOf.size();
    }

    public int capacity() {
        return limit;
    }

    @SuppressWarnings("unchecked")
    public List<K> keys() {
        List<K> result = new ArrayList<>(slotOf.size());
        for (int s = oldest; s != NONE; s = newer[s]) {
            result.add((K) slotKeys[s]);
        }
        return result;
    }

    public CacheStats stats() {
        return new CacheStats(hitCount, missCount, evictCount, slotOf.size(), limit);
    }

    public void clear() {
        slotOf.clear();
        resetSlots();
        hitCount = 0;
        missCount = 0;
        evictCount = 0;
    }

    @SuppressWarnings("unchecked")
    private V value(int slot) {
        return (V) slotValues[slot];
    }

    private void touch(int slot) {
        if (slot != newest) {
            detach(slot);
            attachNewest(slot);
        }
    }

    private void detach(int slot) {
        int before = older[slot];
        int after = newer[slot];
        if (before == NONE) {
            oldest = after;
        } else {
            newer[before] = after;
        }
        if (after == NONE) {
            newest = before;
        } else {
            older[after] = before;
        }
    }

    private void attachNewest(int slot) {
        older[slot] = newest;
        newer[slot] = NONE;
        if (newest == NONE) {
            oldest = slot;
        } else {
            newer[newest] = slot;
        }
        newest = slot;
    }
}
