package memolab;

import java.math.BigInteger;

public final class Fibonacci {
    private final Memo<Integer, BigInteger> memo;

    public Fibonacci(int cacheCapacity) {
        this.memo = new Memo<>(cacheCapacity, k -> k < 2 ? BigInteger.valueOf(k) : fib(k - 1).add(fib(k - 2)));
    }

    public static BigInteger naive(int n) { return NaiveFibonacci.fib(n); }

    public BigInteger fib(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
        return memo.apply(n);
    }

    public CacheStats cacheInfo() { return memo.info(); }

    public void cacheClear() { memo.clear(); }
}
