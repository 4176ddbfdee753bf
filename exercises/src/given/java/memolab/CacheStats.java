package memolab;

/**
 * A snapshot of an {@link LruCache}'s counters: the Java counterpart of the
 * {@code CacheInfo(hits, misses, maxsize, currsize)} that Python's
 * {@code functools.lru_cache} reports.
 *
 * <p>This file is given complete: do not edit it. The grader compiles its own copy.
 *
 * @param hits      look-ups that found their key ({@code get}, or {@code computeIfAbsent}
 *                  without calling its loader)
 * @param misses    look-ups that did not find their key
 * @param evictions entries removed to make room for a new one
 * @param size      entries held now
 * @param capacity  the most entries the cache may hold
 */
public record CacheStats(long hits, long misses, long evictions, int size, int capacity) {

    /**
     * The share of look-ups that were hits.
     *
     * @return {@code hits / (hits + misses)}, or {@code 0.0} when there was no look-up yet
     */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0.0 : (double) hits / lookups;
    }
}
