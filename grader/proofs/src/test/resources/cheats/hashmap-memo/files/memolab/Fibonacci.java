// Cheat: memoizes in a plain HashMap of its own; the LruCache field is only there to satisfy
// "Fibonacci uses LruCache" and is never used for fib.
package memolab;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

public final class Fibonacci {

    private final LruCache<Integer, BigInteger> cache; // constructed, never used
    private final Map<Integer, BigInteger> memo = new HashMap<>();

    public Fibonacci(int cacheCapacity) {
        this.cache = new LruCache<>(cacheCapacity);
    }

    public static BigInteger naive(int n) {
        return NaiveFibonacci.fib(n);
    }

    public BigInteger fib(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        BigInteger known = memo.get(n);
        if (known != null) {
            return known;
        }
        BigInteger value = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
        memo.put(n, value);
        return value;
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        memo.clear();
        cache.clear();
    }
}
