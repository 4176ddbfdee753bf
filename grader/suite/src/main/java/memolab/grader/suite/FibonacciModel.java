package memolab.grader.suite;

import java.math.BigInteger;

/**
 * What a faithful memoized Fibonacci does to its cache: the tutorial's call order (every
 * call through the cache, {@code fib(k - 1)} before {@code fib(k - 2)}) run against
 * {@link ModelLru}. The expected counters of the graded tests come from here; the grader's
 * self-checks confirm that it reproduces Python's figures.
 */
public final class FibonacciModel {

    /** The counters after a run, as {@code CacheStats} reports them. */
    public record Counters(long hits, long misses, long evictions, int size) {
        @Override
        public String toString() {
            return "hits=" + hits + ", misses=" + misses + ", evictions=" + evictions + ", size=" + size;
        }
    }

    private final ModelLru<Integer, BigInteger> cache;

    FibonacciModel(int capacity) {
        cache = new ModelLru<>(capacity);
    }

    BigInteger fib(int n) {
        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 1).add(fib(k - 2)));
    }

    Counters counters() {
        return new Counters(cache.hits(), cache.misses(), cache.evictions(), cache.size());
    }

    /** The counters after {@code fib(n)} on a fresh cache of that capacity. */
    public static Counters afterFreshCall(int capacity, int n) {
        FibonacciModel model = new FibonacciModel(capacity);
        model.fib(n);
        return model.counters();
    }
}
