// Style "get-then-put-memo": the decorator written out by hand: one get; on a miss compute
// fib(n - 1) + fib(n - 2) (n itself below 2) and put it. No computeIfAbsent.
package memolab;

import java.math.BigInteger;

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
        BigInteger hit = cache.get(n);
        if (hit != null) {
            return hit;
        }
        BigInteger v = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
        cache.put(n, v);
        return v;
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        cache.clear();
    }
}
