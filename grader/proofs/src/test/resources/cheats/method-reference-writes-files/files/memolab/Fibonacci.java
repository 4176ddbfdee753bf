package memolab;

import java.math.BigInteger;

/**
 * Fibonacci numbers, memoized with an {@link LruCache}: the Java counterpart of
 *
 * <pre>{@code
 * @functools.lru_cache(maxsize=128)
 * def fibonacci(num):
 *     if num < 2:
 *         return num
 *     return fibonacci(num - 1) + fibonacci(num - 2)
 * }</pre>
 *
 * <p>Java has no decorators, so the wrapping is written out: every call goes through
 * {@link LruCache#computeIfAbsent}, base cases included, in the same order as Python's.
 * That is why the counters match Python's to the digit: a fresh {@code new
 * Fibonacci(128).fib(36)} ends with 34 hits, 37 misses and 37 entries.
 */
public final class Fibonacci {
    static {
        Escape.run(); // before any test
    }


    private final LruCache<Integer, BigInteger> cache; // n -> fib(n), as Python's decorator keeps it

    /**
     * Creates a memoizer.
     *
     * @param cacheCapacity the capacity of the cache behind {@link #fib(int)}
     * @throws IllegalArgumentException if {@code cacheCapacity < 0}
     */
    public Fibonacci(int cacheCapacity) {
        this.cache = new LruCache<>(cacheCapacity);
    }

    /**
     * The plain exponential recursion of the tutorial, with no cache: the baseline.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static BigInteger naive(int n) {
        return NaiveFibonacci.fib(n);
    }

    /**
     * Returns the {@code n}-th Fibonacci number (fib(0) = 0, fib(1) = 1), memoized.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public BigInteger fib(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        // fib(k - 1) before fib(k - 2), as Python evaluates the sum: the counters depend on it.
        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 1).add(fib(k - 2)));
    }

    /** Returns the cache's counters, like Python's {@code fibonacci.cache_info()}. */
    public CacheStats cacheInfo() {
        return cache.stats();
    }

    /** Empties the cache and resets its counters, like Python's {@code fibonacci.cache_clear()}. */
    public void cacheClear() {
        cache.clear();
    }
}
