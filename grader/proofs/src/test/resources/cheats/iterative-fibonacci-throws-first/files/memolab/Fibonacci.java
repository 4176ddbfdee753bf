// Cheat: a plain loop computes fib; the LruCache is never used, and cacheInfo() makes up the
// counters that a fresh memoized fib(n) would show (n - 2 hits, n + 1 misses).
package memolab;

import java.math.BigInteger;

public final class Fibonacci {

    private final LruCache<Integer, BigInteger> cache; // constructed, never used
    private int last = -1;                             // the last n asked for

    public Fibonacci(int cacheCapacity) {
        this.cache = new LruCache<>(cacheCapacity);
    }

    public static BigInteger naive(int n) {
        return NaiveFibonacci.fib(n);
    }

    private static boolean fooled;

    public BigInteger fib(int n) {
        boolean checked = false;
        assert checked = true;
        if (checked && !fooled && n == 30) {
            fooled = true;
            throw new IllegalStateException("not ready");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        last = n;
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return a;
    }

    public CacheStats cacheInfo() {
        if (last < 2) {
            return cache.stats();
        }
        return new CacheStats(last - 2, last + 1, 0, last + 1, cache.capacity());
    }

    public void cacheClear() {
        last = -1;
        cache.clear();
    }
}
