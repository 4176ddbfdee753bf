package memolab.grader.suite;

import java.math.BigInteger;
import java.util.function.IntToDoubleFunction;
import memolab.Fibonacci;

/**
 * The memoized side of {@link SpeedupMeter}: {@code applyAsDouble(n)} times {@code fib(n)} on
 * fresh memoizers and returns nanoseconds per call. Loaded by {@link WithoutAssertions}, so
 * it must not use the suite's other classes.
 */
final class MemoRounds implements IntToDoubleFunction {

    /** Memoized calls timed together per round: one alone is too short to time well. */
    private static final int MEMO_BATCH = 20;

    /** The fewest misses any timed memoizer counted for its fib(n); -1 when cacheInfo() failed. */
    private long fewestMisses = Long.MAX_VALUE;

    /**
     * Times {@code fib(n)} on fresh memoizers: nanoseconds per call. With a negative
     * argument, the fewest misses a timed memoizer counted (see {@link SpeedupMeter#measure}).
     */
    @Override
    public double applyAsDouble(int n) {
        if (n < 0) {
            return fewestMisses;
        }
        BigInteger value = new Fibonacci(128).fib(n);
        if (value == null || value.getClass() != BigInteger.class || !value.equals(PlainValues.fib(n))) {
            throw new AssertionError("fib(" + n + ") on a fresh Fibonacci(128) returned " + value + ", expected "
                    + PlainValues.fib(n) + " (a plain BigInteger). Its time cannot count while its value is wrong: "
                    + "see Fibonacci values first.");
        }
        Fibonacci[] fresh = new Fibonacci[MEMO_BATCH];
        for (int i = 0; i < MEMO_BATCH; i++) {
            fresh[i] = new Fibonacci(128);
        }
        long start = System.nanoTime();
        for (Fibonacci memo : fresh) {
            memo.fib(n); // fresh each time: a full computation, not one hit
        }
        double nanos = (double) (System.nanoTime() - start) / MEMO_BATCH;
        for (Fibonacci memo : fresh) {
            try {
                fewestMisses = Math.min(fewestMisses, memo.cacheInfo().misses());
            } catch (RuntimeException e) {
                fewestMisses = -1;
            }
        }
        return nanos;
    }
}
