package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Corpus variant "correct-compact": a correct cache written differently from the reference; it must lose no point. */
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
    private final Node<K, V> head = new Node<>(null, null);
    private final Node<K, V> tail = new Node<>(null, null);
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
    }

    public V get(K key) {
        requireKey(key);
        Node<K, V> node = map.get(key);
        if (node == null) {
            misses++;
            return null;
        }
        hits++;
        unlink(node);
        linkLast(node);
        return node.value;
    }

    public void put(K key, V value) {
        requireKey(key);
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (capacity == 0) {
            return;
        }
        Node<K, V> node = map.get(key);
        if (node != null) {
            node.value = value;
            unlink(node);
            linkLast(node);
            return;
        }
        if (map.size() == capacity) {
            evictEldest();
        }
        node = new Node<>(key, value);
        map.put(key, node);
        linkLast(node);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
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
        requireKey(key);
        return map.containsKey(key);
    }

    public V remove(K key) {
        requireKey(key);
        Node<K, V> node = map.remove(key);
        if (node == null) {
            return null;
        }
        unlink(node);
        return node.value;
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }

    public List<K> keys() {
        List<K> keys = new ArrayList<>();
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
    }

    private void evictEldest() {
        Node<K, V> eldest = head.next;
        unlink(eldest);
        map.remove(eldest.key);
        evictions++;
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

    private static void requireKey(Object key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
    }
}
