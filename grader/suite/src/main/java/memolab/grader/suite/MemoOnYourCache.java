package memolab.grader.suite;

import java.math.BigInteger;
import memolab.CacheStats;
import memolab.LruCache;

/**
 * The counters a faithful memoizer gets from the student's own {@code LruCache}: every call
 * fib(k), base cases included, goes through {@code computeIfAbsent} once, fib(k - 1) before
 * fib(k - 2), as Python's decorator does. With a correct cache these are Python's figures;
 * with a cache that evicts or counts differently, they are what that cache gives a correct
 * memoizer. So the memoization categories judge the memoizer, and a cache bug costs points
 * only in the cache's own categories.
 */
final class MemoOnYourCache {

    private final LruCache<Integer, BigInteger> cache;

    MemoOnYourCache(int capacity) {
        this.cache = new LruCache<>(capacity);
    }

    BigInteger fib(int n) {
        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 1).add(fib(k - 2)));
    }

    void clear() {
        cache.clear();
    }

    CacheStats stats() {
        return cache.stats();
    }

    /**
     * The counters after {@code fib(n)} on a fresh memoizer of that capacity.
     *
     * @throws CacheFailure if the student's cache throws or answers wrong under this memoizer
     */
    static CacheStats afterFreshCall(int capacity, int n) {
        MemoOnYourCache memo = new MemoOnYourCache(capacity);
        BigInteger value;
        try {
            value = memo.fib(n);
        } catch (RuntimeException | StackOverflowError e) {
            throw new CacheFailure("your LruCache throws " + e + " when a memoizer uses it (fib(" + n + ") through "
                    + "computeIfAbsent, capacity " + capacity + ")", e);
        }
        if (!value.equals(PlainValues.fib(n))) {
            throw new CacheFailure("your LruCache gives a memoizer a wrong value: fib(" + n + ") through computeIfAbsent, "
                    + "capacity " + capacity + ", came out as " + value, null);
        }
        return memo.stats();
    }

    /** The student's cache fails a correct memoizer: the memoization cannot be judged on it. */
    static final class CacheFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CacheFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
