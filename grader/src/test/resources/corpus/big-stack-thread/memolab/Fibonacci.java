package memolab;

import java.math.BigInteger;

/** Corpus variant "big-stack-thread": runs deep recursions (n > 500) in a new thread with a large stack, which the rules forbid. */
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
        if (n <= 500) {
            return memo(n);
        }
        BigInteger[] result = new BigInteger[1];
        Thread worker = new Thread(null, () -> result[0] = memo(n), "fib", 1L << 26);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result[0];
    }

    private BigInteger memo(int n) {
        return cache.computeIfAbsent(n, k -> k < 2 ? BigInteger.valueOf(k) : memo(k - 1).add(memo(k - 2)));
    }

    public CacheStats cacheInfo() {
        return cache.stats();
    }

    public void cacheClear() {
        cache.clear();
    }
}
