package memolab;

import java.math.BigInteger;

/** Corpus variant "memo-swaps-call-order": computes fib(k - 2) before fib(k - 1): right values, but not the tutorial's call order. */
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
        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 2).add(fib(k - 1)));
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        cache.clear();
    }
}
