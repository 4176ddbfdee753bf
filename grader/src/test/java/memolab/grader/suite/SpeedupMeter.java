package memolab.grader.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import memolab.Fibonacci;

/**
 * Times {@code Fibonacci.naive(n)} against the memoized {@code fib(n)} on fresh memoizers,
 * side by side in one JVM, and compares the medians as a ratio, as the tutorial compares
 * its two timings.
 */
final class SpeedupMeter {

    /** Memoized calls timed together per round: one alone is too short to time well. */
    private static final int MEMO_BATCH = 20;

    private SpeedupMeter() {
    }

    record Speedup(int n, double naiveNanos, double memoNanos) {
        double ratio() {
            return naiveNanos / memoNanos;
        }
    }

    static Speedup measure(int n, int rounds) {
        for (int i = 0; i < 3; i++) { // warm-up: let the JIT compile both
            Fibonacci.naive(n);
            timeMemo(n);
        }
        double[] naive = new double[rounds];
        double[] memo = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            Fibonacci.naive(n);
            naive[i] = System.nanoTime() - start;
            memo[i] = timeMemo(n);
        }
        return new Speedup(n, Measure.median(naive), Measure.median(memo));
    }

    private static double timeMemo(int n) {
        long start = System.nanoTime();
        for (int i = 0; i < MEMO_BATCH; i++) {
            new Fibonacci(128).fib(n); // fresh each time: a full computation, not one hit
        }
        return (double) (System.nanoTime() - start) / MEMO_BATCH;
    }

    /**
     * Fails unless the memoized {@code fib(n)} is at least {@code factor} times faster.
     *
     * <p>Why this cannot flake for a correct solution: naive recursion makes about
     * 1.6<sup>n</sup> calls, the memoized one 2n cache calls, so at n = 27 the true speedup
     * is in the thousands and the required factor is one or two orders of magnitude below
     * it. A memoizer that does not really cache measures about 1.
     */
    static void assertSpeedup(int n, int rounds, double factor) {
        Speedup speedup = measure(n, rounds);
        assertThat(speedup.ratio())
                .withFailMessage(() -> String.format(Locale.ROOT,
                        "Fibonacci.naive(%d) took %s (median of %d), your fib(%d) on a fresh Fibonacci(128) took %s: "
                                + "only %.1f times faster, expected at least %.0f times. With memoization each fib(k) "
                                + "is computed once, which makes it thousands of times faster. Check that fib stores "
                                + "its results in the cache and finds them there (cacheInfo() should show hits).",
                        n, Measure.duration(speedup.naiveNanos()), rounds, n, Measure.duration(speedup.memoNanos()),
                        speedup.ratio(), factor))
                .isGreaterThanOrEqualTo(factor);
    }
}
