package memolab;

import java.util.function.Function;

/** A function memoized in an LruCache: a reusable stand-in for Python's @lru_cache decorator. */
final class Memo<K, V> {
    private final LruCache<K, V> cache;
    private final Function<K, V> body;

    Memo(int capacity, Function<K, V> body) {
        this.cache = new LruCache<>(capacity);
        this.body = body;
    }

    V apply(K key) {
        return cache.computeIfAbsent(key, body);
    }

    CacheStats info() {
        return cache.stats();
    }

    void clear() {
        cache.clear();
    }
}
