package memolab;

import java.math.BigInteger;

/** fib(n) remembered in an LRU cache, one entry per n. */
public final class Fibonacci {

    private final LruCache<Integer, BigInteger> memo;

    public Fibonacci(int cacheCapacity) {
        memo = new LruCache<>(cacheCapacity);
    }

    public static BigInteger naive(int n) {
        return NaiveFibonacci.fib(n);
    }

    public BigInteger fib(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("fib is defined for n >= 0 only, not " + n);
        }
        BigInteger known = memo.get(n);
        if (known != null) {
            return known;
        }
        BigInteger result = n <= 1 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
        memo.put(n, result);
        return result;
    }

    public CacheStats cacheInfo() {
        return memo.stats();
    }

    public void cacheClear() {
        memo.clear();
    }
}
