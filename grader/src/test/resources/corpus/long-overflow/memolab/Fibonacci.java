package memolab;

import java.math.BigInteger;

/** Corpus variant "long-overflow": memoizes long values, which overflow after fib(92). */
public final class Fibonacci {

    private final LruCache<Integer, Long> cache;

    public Fibonacci(int cacheCapacity) {
        cache = new LruCache<>(cacheCapacity);
    }

    public static BigInteger naive(int n) {
        return NaiveFibonacci.fib(n);
    }

    public BigInteger fib(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        return BigInteger.valueOf(fibLong(n));
    }

    private long fibLong(int n) {
        return cache.computeIfAbsent(n, k -> k < 2 ? (long) k : fibLong(k - 1) + fibLong(k - 2));
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        cache.clear();
    }
}
