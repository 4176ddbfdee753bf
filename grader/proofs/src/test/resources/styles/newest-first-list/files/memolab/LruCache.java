// Style "newest-first-list": a correct LRU cache whose list runs from the most recently used
// (just after the head sentinel) to the least recently used (just before the tail sentinel).
// Use pushes at the head, eviction takes from the tail, keys() walks back from the tail.
package memolab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

public final class LruCache<K, V> {

    private static final class Link<K, V> {
        K key;
        V value;
        Link<K, V> newer; // toward the head
        Link<K, V> older; // toward the tail
    }

    private final int capacity;
    private final Map<K, Link<K, V>> links = new HashMap<>();
    private final Link<K, V> head = new Link<>(); // head.older is the most recently used
    private final Link<K, V> tail = new Link<>(); // tail.newer is the least recently used
    private long hits;
    private long misses;
    private long evictions;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        head.older = tail;
        tail.newer = head;
    }

    public V get(K key) {
        Objects.requireNonNull(key, "key");
        Link<K, V> link = links.get(key);
        if (link == null) {
            misses++;
            return null;
        }
        hits++;
        cut(link);
        pushFront(link);
        return link.value;
    }

    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (capacity == 0) {
            return;
        }
        Link<K, V> link = links.get(key);
        if (link == null) {
            if (links.size() == capacity) {
                Link<K, V> oldest = tail.newer;
                cut(oldest);
                links.remove(oldest.key);
                evictions++;
            }
            link = new Link<>();
            link.key = key;
            links.put(key, link);
        } else {
            cut(link);
        }
        link.value = value;
        pushFront(link);
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        V found = get(key);
        if (found != null) {
            return found;
        }
        V made = loader.apply(key);
        if (made != null) {
            put(key, made);
        }
        return made;
    }

    public boolean containsKey(K key) {
        return links.containsKey(Objects.requireNonNull(key, "key"));
    }

    public V remove(K key) {
        Link<K, V> link = links.remove(Objects.requireNonNull(key, "key"));
        if (link == null) {
            return null;
        }
        cut(link);
        return link.value;
    }

    public int size() {
        return links.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Least recently used first: from the tail back toward the head. */
    public List<K> keys() {
        List<K> keys = new ArrayList<>(links.size());
        for (Link<K, V> link = tail.newer; link != head; link = link.newer) {
            keys.add(link.key);
        }
        return keys;
    }

    public CacheStats stats() {
        return new CacheStats(hits, misses, evictions, links.size(), capacity);
    }

    public void clear() {
        links.clear();
        head.older = tail;
        tail.newer = head;
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    private void pushFront(Link<K, V> link) {
        link.newer = head;
        link.older = head.older;
        head.older.newer = link;
        head.older = link;
    }

    private void cut(Link<K, V> link) {
        link.newer.older = link.older;
        link.older.newer = link.newer;
        link.newer = null;
        link.older = null;
    }
}
