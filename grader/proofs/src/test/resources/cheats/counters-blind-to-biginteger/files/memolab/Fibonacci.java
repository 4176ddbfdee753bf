package memolab;

import java.math.BigInteger;

/** fib by a plain loop; the cache only remembers the answers asked for. */
public final class Fibonacci {

    private final LruCache<Integer, BigInteger> cache;
    private long repeats; // answers found in the cache since the last clear

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
        BigInteger known = cache.get(n);
        if (known != null) {
            repeats++;
            return known;
        }
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        cache.put(n, a);
        return a;
    }

    public CacheStats cacheInfo() {
        CacheStats s = cache.stats();
        return new CacheStats(s.hits() + repeats, s.misses(), s.evictions(), s.size(), s.capacity());
    }

    public void cacheClear() {
        repeats = 0;
        cache.clear();
    }
}
