// Style "assert-invariant-walk": the reference's design (HashMap + doubly linked list with two
// sentinels), but every structural change ends with assert checkInvariants(), which walks
// the WHOLE list each time: O(size) per call whenever assertions are enabled (java -ea).
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

public final class LruCache<K, V> {

    private static final class Node<K, V> {
        final K key;
        V value;
        Node<K, V> prev;
        Node<K, V> next;

        Node(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    private final int capacity;
    private final Map<K, Node<K, V>> map = new HashMap<>();
    private final Node<K, V> head = new Node<>(null, null); // head.next: least recently used
    private final Node<K, V> tail = new Node<>(null, null); // tail.prev: most recently used
    private long hits;
    private long misses;
    private long evictions;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        head.next = tail;
        tail.prev = head;
        assert checkInvariants();
    }

    public V get(K key) {
        Objects.requireNonNull(key, "key must not be null (get)");
        Node<K, V> node = map.get(key);
        if (node == null) {
            misses++;
            return null;
        }
        hits++;
        unlink(node);
        linkLast(node);
        assert checkInvariants();
        return node.value;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key, "key must not be null (put)");
        Objects.requireNonNull(value, "value must not be null (put)");
        if (capacity == 0) {
            return;
        }
        Node<K, V> node = map.get(key);
        if (node != null) {
            node.value = value;
            unlink(node);
        } else {
            if (map.size() == capacity) {
                Node<K, V> eldest = head.next;
                unlink(eldest);
                map.remove(eldest.key);
                evictions++;
            }
            node = new Node<>(key, value);
            map.put(key, node);
        }
        linkLast(node);
        assert checkInvariants();
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key must not be null (computeIfAbsent)");
        Objects.requireNonNull(loader, "loader must not be null (computeIfAbsent)");
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V value = loader.apply(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    public boolean containsKey(K key) {
        return map.containsKey(Objects.requireNonNull(key, "key must not be null (containsKey)"));
    }

    public V remove(K key) {
        Node<K, V> node = map.remove(Objects.requireNonNull(key, "key must not be null (remove)"));
        if (node == null) {
            return null;
        }
        unlink(node);
        assert checkInvariants();
        return node.value;
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        List<K> keys = new ArrayList<>(map.size());
        for (Node<K, V> node = head.next; node != tail; node = node.next) {
            keys.add(node.key);
        }
        return keys;
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, map.size(), capacity);
    }

    public void clear() {
        map.clear();
        head.next = tail;
        tail.prev = head;
        hits = 0;
        misses = 0;
        evictions = 0;
        assert checkInvariants();
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
        node.prev = null;
        node.next = null;
    }

    /** Walks the whole list: prev/next symmetry, each node the map's, count equals the map's size. */
    private boolean checkInvariants() {
        int count = 0;
        for (Node<K, V> node = head.next; node != tail; node = node.next) {
            if (node.prev.next != node || node.next.prev != node) {
                throw new AssertionError("prev/next not symmetric at key " + node.key);
            }
            if (map.get(node.key) != node) {
                throw new AssertionError("node for key " + node.key + " is not the map's");
            }
            count++;
        }
        if (count != map.size() || count > capacity) {
            throw new AssertionError("list has " + count + " nodes, map has " + map.size() + ", capacity " + capacity);
        }
        return true;
    }
}
