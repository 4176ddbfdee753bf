package memolab;

import java.util.List;
import java.util.function.Function;

/**
 * A map of at most {@code capacity} entries that, when it is full and a new key arrives,
 * evicts the <em>least recently used</em> entry: the cache that Python's
 * {@code @functools.lru_cache(maxsize=...)} keeps behind a decorated function. In this
 * exercise you build it yourself.
 *
 * <p><b>Cost.</b> {@code get}, {@code put}, {@code computeIfAbsent}, {@code containsKey},
 * {@code remove}, {@code size}, {@code capacity} and {@code stats} must run in expected
 * constant time, whatever the capacity. The grader checks it two ways, at capacity 1,000
 * and 100,000 (in final grading also 500 and 250,000): it times {@code get} and
 * {@code put} and expects the same cost per call; and, in final grading, it counts the
 * steps of your code (each call of one of your methods, each turn of one of your loops)
 * that {@code get}, {@code put}, {@code containsKey}, {@code remove},
 * {@code computeIfAbsent}, {@code size} and {@code stats} take, and expects about as many
 * per call at both capacities (at most 2.5 times, and at most 64 more). {@code keys()} may take time proportional to
 * {@code size()}, and {@code clear()} to the capacity ({@code HashMap.clear()} walks its
 * whole table, however few entries it holds).
 *
 * <p><b>Recency.</b> An entry is "used" when it is added, replaced, or found by
 * {@code get} or {@code computeIfAbsent}. {@code containsKey}, {@code keys} and
 * {@code stats} only look: they change no recency and no counter.
 *
 * <p><b>Capacity.</b> Any {@code capacity >= 0}. A capacity of 0 stores nothing (every
 * look-up misses), like Python's {@code maxsize=0}. A negative capacity is rejected.
 *
 * <p><b>Nulls.</b> {@code null} keys and values are rejected with a
 * {@code NullPointerException}, so a {@code null} from {@code get} always means "absent".
 *
 * <p><b>Rules of the exercise.</b> Do not use {@code java.util.LinkedHashMap} or
 * {@code LinkedHashSet} (they would do the whole job), nor a cache library. Any other
 * class of {@code java.util} is fine. Not thread-safe, like {@code java.util.HashMap}.
 *
 * <p><b>Example</b> (capacity 2):
 *
 * <pre>{@code
 * LruCache<Integer, String> cache = new LruCache<>(2);
 * cache.put(1, "a");
 * cache.put(2, "b");
 * cache.get(1);        // "a": a hit, and 1 is now the most recently used
 * cache.put(3, "c");   // full: evicts 2, the least recently used
 * cache.keys();        // [1, 3]  (least recently used first)
 * cache.get(2);        // null: a miss
 * cache.stats();       // CacheStats[hits=1, misses=1, evictions=1, size=2, capacity=2]
 * }</pre>
 *
 * <p>Read first: {@code docs/2-lru-cache.md} (what an LRU cache does) and
 * {@code docs/3-designing-lru-cache.md} (a hash map plus a doubly linked list, and the
 * classic bugs). Run {@code ./mvnw test} to see what the grader expects: every failure says
 * what was expected, what happened, and the smallest example that shows it.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class LruCache<K, V> {

    /**
     * Creates an empty cache.
     *
     * @param capacity the most entries the cache may hold, {@code >= 0}
     * @throws IllegalArgumentException if {@code capacity < 0}; the message names the value,
     *                                  e.g. "capacity must be >= 0, was -1"
     */
    public LruCache(int capacity) {
        throw new UnsupportedOperationException("new LruCache is not written yet: replace this line with your code.");
    }

    /**
     * Looks a key up.
     *
     * <p>Hit: returns the value, makes the entry the most recently used, and counts one
     * hit. Miss: returns {@code null} and counts one miss.
     *
     * @return the value, or {@code null} if the key is absent
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public V get(K key) {
        throw new UnsupportedOperationException("LruCache.get is not written yet: replace this line with your code.");
    }

    /**
     * Stores a value.
     *
     * <p>Key present: the value is replaced and the entry becomes the most recently used;
     * nothing is evicted. Key absent: if {@code size() == capacity()}, the least recently
     * used entry is evicted first (one eviction counted), then the new entry is added as
     * the most recently used. With capacity 0 nothing is stored and nothing is counted.
     * {@code put} counts no hit and no miss.
     *
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}
     */
    public void put(K key, V value) {
        throw new UnsupportedOperationException("LruCache.put is not written yet: replace this line with your code.");
    }

    /**
     * Returns the cached value for {@code key}, computing and storing it on a miss: what
     * Python's decorator does on every call of the function it wraps.
     *
     * <ol>
     *   <li>One look-up, exactly as {@link #get(Object)}: a hit or a miss is counted.</li>
     *   <li>Hit: return the value; {@code loader} is not called.</li>
     *   <li>Miss: call {@code loader.apply(key)}, then {@code put} the result and return
     *       it.</li>
     * </ol>
     *
     * <p>The loader may call this same cache, even {@code computeIfAbsent} itself: a
     * recursive function memoizes its own sub-calls that way, and your cache must stay
     * consistent. (This is where {@code HashMap.computeIfAbsent} throws a
     * {@code ConcurrentModificationException}.) If the loader stored the same key
     * meanwhile, the final {@code put} simply replaces it. A loader that throws stores
     * nothing (the miss still counts) and its exception reaches the caller; a loader that
     * returns {@code null} stores nothing and {@code null} is returned.
     *
     * @return the cached or computed value
     * @throws NullPointerException if {@code key} or {@code loader} is {@code null}
     */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        throw new UnsupportedOperationException("LruCache.computeIfAbsent is not written yet: replace this line with your code.");
    }

    /**
     * Tells whether a key is present: a peek that changes no recency and no counter.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public boolean containsKey(K key) {
        throw new UnsupportedOperationException("LruCache.containsKey is not written yet: replace this line with your code.");
    }

    /**
     * Removes a key and its value. Counts nothing.
     *
     * @return the removed value, or {@code null} if the key was absent
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public V remove(K key) {
        throw new UnsupportedOperationException("LruCache.remove is not written yet: replace this line with your code.");
    }

    /** Returns the number of entries held now, between 0 and {@code capacity()}. */
    public int size() {
        throw new UnsupportedOperationException("LruCache.size is not written yet: replace this line with your code.");
    }

    /** Returns the capacity given to the constructor. */
    public int capacity() {
        throw new UnsupportedOperationException("LruCache.capacity is not written yet: replace this line with your code.");
    }

    /**
     * Returns a snapshot of the keys, least recently used first (so the next key to be
     * evicted comes first). Changing the returned list must not change the cache.
     */
    public List<K> keys() {
        throw new UnsupportedOperationException("LruCache.keys is not written yet: replace this line with your code.");
    }

    /**
     * Returns the counters and sizes as of now: hits, misses and evictions since creation
     * or the last {@link #clear()}, the current size and the capacity.
     */
    public CacheStats stats() {
        throw new UnsupportedOperationException("LruCache.stats is not written yet: replace this line with your code.");
    }

    /**
     * Removes every entry and resets hits, misses and evictions to 0, like Python's
     * {@code cache_clear()}. The capacity stays.
     */
    public void clear() {
        throw new UnsupportedOperationException("LruCache.clear is not written yet: replace this line with your code.");
    }
}
