package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A map of at most {@code capacity} entries that, when full, evicts the least recently
 * used entry: the structure behind Python's {@code functools.lru_cache}.
 *
 * <p>Every operation runs in expected constant time, except {@link #keys()}, which copies
 * the keys in time proportional to {@link #size()}, and {@link #clear()}, whose
 * {@code HashMap.clear()} walks the map's whole table. Not thread-safe, like
 * {@link java.util.HashMap}. {@code null} keys and values are rejected, so a {@code null}
 * from {@link #get(Object)} always means "absent".
 *
 * <h2>How it works</h2>
 *
 * <p>A {@link HashMap} finds a key's node in constant time; the nodes also form a doubly
 * linked list in recency order, least recently used first. Using an entry moves its node
 * to the back; eviction unlinks the front.
 *
 * <p>The list has two sentinels, {@code head} before the first node and {@code tail}
 * after the last. With them every real node has a real {@code prev} and {@code next}, so
 * linking and unlinking never test for {@code null} or special-case an empty list, the
 * usual source of bugs in hand-written lists. The price is two nodes that hold no entry.
 *
 * <h2>Invariants</h2>
 *
 * <ol>
 *   <li>{@code map.size() == size <= capacity}.</li>
 *   <li>Walking from {@code head} by {@code next} reaches {@code tail} after exactly
 *       {@code size} real nodes, and each node's {@code next.prev} is the node itself.</li>
 *   <li>Every node in the list is the map's node for its key, and no other.</li>
 * </ol>
 *
 * <p>Every method that changes the structure ends with {@code assert checkInvariants();}:
 * with assertions enabled ({@code java -ea}; Maven Surefire enables them) a broken invariant
 * stops the program right where it was broken, with a message that names it; without them the
 * check costs nothing, not even the call.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class LruCache<K, V> {

    /** A list node: one entry of the cache, or one of the two sentinels. */
    private static final class Node<K, V> {
        final K key;     // null only in the sentinels
        V value;         // null only in the sentinels
        Node<K, V> prev; // the entry used just before this one, or head
        Node<K, V> next; // the entry used just after this one, or tail

        Node(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    private static final int FULL_CHECK_LIMIT = 64; // above this size, checkInvariants skips its O(size) walk

    private final int capacity;                  // the bound on size; fixed
    private final Map<K, Node<K, V>> map;        // key -> its node in the list
    private final Node<K, V> head;               // sentinel; head.next is the least recently used
    private final Node<K, V> tail;               // sentinel; tail.prev is the most recently used
    private long hits;                           // look-ups that found their key
    private long misses;                         // look-ups that did not
    private long evictions;                      // entries removed to make room

    /**
     * Creates an empty cache.
     *
     * @param capacity the most entries the cache may hold; 0 makes a cache that stores
     *                 nothing (Python's {@code maxsize=0})
     * @throws IllegalArgumentException if {@code capacity < 0}
     */
    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.map = new HashMap<>();
        this.head = new Node<>(null, null);
        this.tail = new Node<>(null, null);
        resetList();
        assert checkInvariants();
    }

    /**
     * Looks a key up. A hit makes the entry the most recently used and counts one hit; a
     * miss counts one miss.
     *
     * @return the value, or {@code null} if the key is absent
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public V get(K key) {
        requireKey(key, "get");
        Node<K, V> node = map.get(key);
        if (node == null) {
            misses++;
            return null;
        }
        hits++;
        moveToBack(node);
        assert checkInvariants();
        return node.value;
    }

    /**
     * Stores a value. A present key gets the new value and becomes the most recently used;
     * nothing is evicted. An absent key, when the cache is full, first evicts the least
     * recently used entry, then is added as the most recently used. Counts no hit or miss.
     *
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}
     */
    public void put(K key, V value) {
        requireKey(key, "put");
        Objects.requireNonNull(value, "value must not be null (put)");
        if (capacity == 0) {
            return;
        }
        Node<K, V> node = map.get(key);
        if (node != null) {
            node.value = value;
            moveToBack(node);
        } else {
            if (map.size() == capacity) {
                evictFirst();
            }
            node = new Node<>(key, value);
            map.put(key, node);
            linkLast(node);
        }
        assert checkInvariants();
    }

    /**
     * Returns the cached value for {@code key}, computing and storing it on a miss: the
     * memoization step that Python's decorator performs on every call.
     *
     * <p>Exactly one look-up is counted. On a miss, {@code loader} runs while no change to
     * the cache is under way, so it may itself call this cache (a recursive function
     * memoizes its own sub-calls this way). Its result is then {@code put}; if the loader
     * already stored the key, that {@code put} replaces the value. A loader that returns
     * {@code null} stores nothing; one that throws stores nothing and its exception
     * propagates.
     *
     * @return the cached or computed value ({@code null} only if the loader returned it)
     * @throws NullPointerException if {@code key} or {@code loader} is {@code null}
     */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        requireKey(key, "computeIfAbsent");
        Objects.requireNonNull(loader, "loader must not be null (computeIfAbsent)");
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        // Unlike HashMap.computeIfAbsent, nothing is half-inserted while the loader runs:
        // that is what makes recursive memoization safe here.
        V value = loader.apply(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    /**
     * Tells whether a key is present, without counting a look-up or changing recency.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public boolean containsKey(K key) {
        requireKey(key, "containsKey");
        return map.containsKey(key);
    }

    /**
     * Removes a key. Counts nothing.
     *
     * @return the removed value, or {@code null} if the key was absent
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public V remove(K key) {
        requireKey(key, "remove");
        Node<K, V> node = map.remove(key);
        if (node == null) {
            return null;
        }
        unlink(node);
        assert checkInvariants();
        return node.value;
    }

    /** Returns the number of entries held now. */
    public int size() {
        return map.size();
    }

    /** Returns the most entries this cache may hold. */
    public int capacity() {
        return capacity;
    }

    /** Returns a snapshot of the keys, least recently used first. */
    public List<K> keys() {
        List<K> keys = new ArrayList<>(map.size());
        for (Node<K, V> node = head.next; node != tail; node = node.next) {
            keys.add(node.key);
        }
        return keys;
    }

    /** Returns the counters and sizes as of now. */
    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, map.size(), capacity);
    }

    /** Removes every entry and resets every counter (Python's {@code cache_clear()}). */
    public void clear() {
        map.clear();
        resetList();
        hits = 0;
        misses = 0;
        evictions = 0;
        assert checkInvariants();
    }

    // --- link verbs: the only code that touches prev and next ---

    /** Makes the list empty: the two sentinels, linked to each other. */
    private void resetList() {
        head.next = tail;
        tail.prev = head;
    }

    private void linkLast(Node<K, V> node) {
        node.prev = tail.prev;
        node.next = tail;
        tail.prev.next = node;
        tail.prev = node;
    }

    private void unlink(Node<K, V> node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
        node.prev = null; // a removed node must not keep the list alive or be walked again
        node.next = null;
    }

    private void moveToBack(Node<K, V> node) {
        unlink(node);
        linkLast(node);
    }

    private void evictFirst() {
        Node<K, V> eldest = head.next;
        unlink(eldest);
        map.remove(eldest.key);
        evictions++;
    }

    private static void requireKey(Object key, String method) {
        if (key == null) {
            throw new NullPointerException("key must not be null (" + method + ")");
        }
    }

    /**
     * Checks the invariants in the class comment; called as {@code assert checkInvariants();},
     * so it runs only with assertions enabled.
     *
     * <p>The walk over the whole list costs O(size), so it runs only while the cache is
     * small (as in every example and random-sequence test); a large cache gets the O(1)
     * checks around the list's ends. That keeps every operation O(1) even under {@code -ea}.
     *
     * @return {@code true}, so that it can stand in an {@code assert}
     * @throws AssertionError naming the first invariant that does not hold, and where
     */
    private boolean checkInvariants() {
        if (map.size() > capacity) {
            throw new AssertionError("invariant 1: size " + map.size() + " exceeds capacity " + capacity);
        }
        if (head.next.prev != head || tail.prev.next != tail) {
            throw new AssertionError("invariant 2: a sentinel's neighbour does not link back to it");
        }
        if (map.size() > FULL_CHECK_LIMIT) {
            return true;
        }
        int count = 0;
        for (Node<K, V> node = head.next; node != tail; node = node.next) {
            if (node.next.prev != node) {
                throw new AssertionError("invariant 2: the node after key " + node.key + " does not link back to it");
            }
            if (map.get(node.key) != node) {
                throw new AssertionError("invariant 3: the list's node for key " + node.key + " is not the map's node");
            }
            if (++count > map.size()) {
                throw new AssertionError("invariant 2: the list is longer than the map's " + map.size() + " entries (a cycle?)");
            }
        }
        if (count != map.size()) {
            throw new AssertionError("invariant 2: the list has " + count + " nodes, the map " + map.size());
        }
        return true;
    }

    @SuppressWarnings({"deprecation", "removal"})
    @Override
    protected void finalize() {
        System.out.println("finalized");
    }
}
