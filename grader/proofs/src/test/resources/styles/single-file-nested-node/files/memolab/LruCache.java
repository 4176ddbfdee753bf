// Style "single-file-nested-node": a correct LRU cache in one file: a private static nested
// Node, a HashMap from keys to nodes, and a circular doubly linked list with ONE sentinel
// (sentinel.next is the least recently used, sentinel.prev the most recently used).
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

public final class LruCache<K, V> {

    private static final class Node<K, V> {
        K key;
        V value;
        Node<K, V> prev = this; // a lone node is a circle of one
        Node<K, V> next = this;
    }

    private final int capacity;
    private final HashMap<K, Node<K, V>> nodes = new HashMap<>();
    private final Node<K, V> sentinel = new Node<>();
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
        Node<K, V> node = nodes.get(Objects.requireNonNull(key, "key"));
        if (node == null) {
            misses++;
            return null;
        }
        hits++;
        moveToNewest(node);
        return node.value;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (capacity == 0) {
            return;
        }
        Node<K, V> node = nodes.get(key);
        if (node != null) {
            node.value = value;
            moveToNewest(node);
            return;
        }
        if (nodes.size() == capacity) {
            Node<K, V> oldest = sentinel.next;
            unlink(oldest);
            nodes.remove(oldest.key);
            evictions++;
        }
        node = new Node<>();
        node.key = key;
        node.value = value;
        nodes.put(key, node);
        insertBefore(sentinel, node);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        V value = get(key);
        if (value != null) {
            return value;
        }
        value = loader.apply(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    public boolean containsKey(K key) {
        return nodes.containsKey(Objects.requireNonNull(key, "key"));
    }

    public V remove(K key) {
        Node<K, V> node = nodes.remove(Objects.requireNonNull(key, "key"));
        if (node == null) {
            return null;
        }
        unlink(node);
        return node.value;
    }

    public int size() {
        return nodes.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        List<K> keys = new ArrayList<>(nodes.size());
        for (Node<K, V> node = sentinel.next; node != sentinel; node = node.next) {
            keys.add(node.key);
        }
        return keys;
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, nodes.size(), capacity);
    }

    public void clear() {
        nodes.clear();
        sentinel.next = sentinel;
        sentinel.prev = sentinel;
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    private void moveToNewest(Node<K, V> node) {
        unlink(node);
        insertBefore(sentinel, node);
    }

    /** Links {@code node} just before {@code at}; before the sentinel is the newest place. */
    private static <K, V> void insertBefore(Node<K, V> at, Node<K, V> node) {
        node.prev = at.prev;
        node.next = at;
        at.prev.next = node;
        at.prev = node;
    }

    private static <K, V> void unlink(Node<K, V> node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
        node.prev = node;
        node.next = node;
    }
}
