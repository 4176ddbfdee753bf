// Cheat: fib is the plain exponential recursion and never uses the cache; the shadow copies of
// NaiveFibonacci (slowed down) and CacheStats (hitRate() always 1.0) beside it try to hide that.
package memolab;

import java.math.BigInteger;

public final class Fibonacci {

    private final LruCache<Integer, BigInteger> cache; // created, never used for fib

    public Fibonacci(int cacheCapacity) {
        this.cache = new LruCache<>(cacheCapacity);
    }

    public static BigInteger naive(int n) {
        return NaiveFibonacci.fib(n);
    }

    public BigInteger fib(int n) {
        if (n < 0 || n > 40) { // past 40 the plain recursion would run for ages: fail fast instead
            throw new IllegalArgumentException("n must be 0 to 40, was " + n);
        }
        return n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        cache.clear();
    }
}
