package memolab.grader.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The specification of {@code LruCache}, written for clarity, not speed: a list of entries,
 * least recently used first. Every operation is a few lines that can be checked against
 * SPEC.md by eye; the graded tests compare a student's cache with it step by step.
 */
final class ModelLru<K, V> {

    private record Entry<K, V>(K key, V value) {
    }

    private final int capacity;
    private final List<Entry<K, V>> entries = new ArrayList<>(); // least recently used first
    private long hits;
    private long misses;
    private long evictions;

    ModelLru(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    V get(K key) {
        int i = indexOf(key);
        if (i < 0) {
            misses++;
            return null;
        }
        hits++;
        Entry<K, V> entry = entries.remove(i);
        entries.add(entry);
        return entry.value();
    }

    void put(K key, V value) {
        if (capacity == 0) {
            return;
        }
        int i = indexOf(key);
        if (i >= 0) {
            entries.remove(i);
        } else if (entries.size() == capacity) {
            entries.remove(0);
            evictions++;
        }
        entries.add(new Entry<>(key, value));
    }

    V computeIfAbsent(K key, Function<? super K, ? extends V> loader) {
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

    boolean containsKey(K key) {
        return indexOf(key) >= 0;
    }

    V remove(K key) {
        int i = indexOf(key);
        return i < 0 ? null : entries.remove(i).value();
    }

    void clear() {
        entries.clear();
        hits = 0;
        misses = 0;
        evictions = 0;
    }

    int size() {
        return entries.size();
    }

    int capacity() {
        return capacity;
    }

    List<K> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    long evictions() {
        return evictions;
    }

    private int indexOf(K key) {
        for (int i = 0; i < entries.size(); i++) {
            if (Objects.equals(entries.get(i).key(), key)) {
                return i;
            }
        }
        return -1;
    }
}
