import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Chapter 1: the tutorial's timing, in Java: the naive fib(36) against a memoized one,
 * on your machine. Run: java docs/examples/FibTiming.java [n]
 */
public class FibTiming {

    static BigInteger naive(int n) {
        return n < 2 ? BigInteger.valueOf(n) : naive(n - 1).add(naive(n - 2));
    }

    /** A memoizer with an unbounded map: enough to show what caching buys. */
    static final class Memo {
        private final Map<Integer, BigInteger> cache = new HashMap<>();

        BigInteger fib(int n) {
            BigInteger value = cache.get(n);
            if (value == null) {
                value = n < 2 ? BigInteger.valueOf(n) : fib(n - 1).add(fib(n - 2));
                cache.put(n, value);
            }
            return value;
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 36;

        long start = System.nanoTime();
        BigInteger expected = naive(n);
        long naiveNanos = System.nanoTime() - start;

        // A fresh Memo each time, so each run computes fib(n) from scratch; the median of many
        // runs, because one run of a few microseconds is below what a clock measures well.
        long[] memoNanos = new long[10_001];
        for (int i = 0; i < memoNanos.length; i++) {
            start = System.nanoTime();
            BigInteger value = new Memo().fib(n);
            memoNanos[i] = System.nanoTime() - start;
            if (!value.equals(expected)) {
                throw new AssertionError("the memoized fib(" + n + ") is wrong: " + value);
            }
        }
        Arrays.sort(memoNanos);
        long memoMedian = memoNanos[memoNanos.length / 2];
        System.out.printf("on %d cores (%s), %s %s, %s %s: one naive call in a fresh JVM, then memoized calls%n",
                Runtime.getRuntime().availableProcessors(), processor(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.printf("naive    fib(%d) = %s in %,.1f ms%n", n, expected, naiveNanos / 1e6);
        System.out.printf("memoized fib(%d) = %s in %,.1f µs (a fresh cache, median of 10,001 runs)%n",
                n, expected, memoMedian / 1e3);
        System.out.printf("the memoized one is %,.0f times faster%n", (double) naiveNanos / memoMedian);
    }

    /** The processor's model name where the system says it (Linux's /proc/cpuinfo, Windows' variable), else none. */
    static String processor() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
                    .findFirst().orElse("processor not named");
        } catch (IOException | RuntimeException e) {
            String windows = System.getenv("PROCESSOR_IDENTIFIER");
            return windows != null ? windows : "processor not named";
        }
    }
}
