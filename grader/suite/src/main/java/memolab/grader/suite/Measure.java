package memolab.grader.suite;

import java.util.Arrays;

/** Small helpers shared by the timing tests: minimums, the log of ratios, and readable durations (the median is {@link memolab.grader.shared.Statistics}). */
final class Measure {

    private Measure() {
    }

    /**
     * With {@code -Dmemolab.timing.log}, prints a timing test's measured ratio to standard
     * error with the limit it must meet, so the timing-reliability benchmark can report the
     * margins of passing runs too, whether the early stop decided ({@code quick}), and how
     * long the measurement took since {@code startNanos}. Off in grading.
     */
    static void log(String measurement, double ratio, String limit, boolean quick, long startNanos) {
        if (Boolean.getBoolean("memolab.timing.log")) {
            System.err.printf(java.util.Locale.ROOT, "memolab.timing\t%s\t%.3f\t%s\t%s\t%.3f%n", measurement, ratio, limit,
                    quick ? "quick" : "full", (System.nanoTime() - startNanos) / 1e9);
        }
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** Nanoseconds as "12.3 µs", "4.56 ms" or "1.20 s". */
    static String duration(double nanos) {
        if (nanos < 1_000) {
            return String.format(java.util.Locale.ROOT, "%.0f ns", nanos);
        } else if (nanos < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f µs", nanos / 1_000);
        } else if (nanos < 1_000_000_000) {
            return String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1_000_000);
        }
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1_000_000_000);
    }
}
