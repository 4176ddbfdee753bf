// Cheat: the iterative-fibonacci cheat, whose cacheInfo() throws on its first call: the memo guard
// asks for it once, and a plain exception there once left the memoization categories standing.
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

    public BigInteger fib(int n) {
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

    private static boolean asked;

    public CacheStats cacheInfo() {
        if (!asked) {
            asked = true;
            throw new IllegalStateException("not now");
        }
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
