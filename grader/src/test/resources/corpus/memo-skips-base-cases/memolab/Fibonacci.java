package memolab;

import java.math.BigInteger;

/** Corpus variant "memo-skips-base-cases": returns fib(0) and fib(1) without going through the cache, unlike Python's decorator. */
public final class Fibonacci {

    private final LruCache<Integer, BigInteger> cache;

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
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        return cache.computeIfAbsent(n, k -> fib(k - 1).add(fib(k - 2)));
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        cache.clear();
    }
}
