package memolab.grader.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import memolab.Fibonacci;
import memolab.grader.docs.FibTimingChart;

/**
 * Measures the tutorial's plot: for n = 20 to 40 the naive {@code fib(n)} (median of 3
 * runs) and the reference's memoized one on a fresh {@code Fibonacci(128)} (median of 201
 * runs), after a warm-up. Writes {@code docs/data/fib-timing.csv}, draws
 * {@code docs/images/fib-timing.svg} and updates the sentence of chapter 1 that quotes it.
 * A short run measures n = 20 to 26 into {@code grader/target/bench} and touches no docs.
 */
final class FibTimingPlot {

    private static final int NAIVE_RUNS = 3;
    private static final int MEMO_RUNS = 201;

    private FibTimingPlot() {
    }

    static String measureAndDraw(Path repo, boolean smoke) throws Exception {
        int last = smoke ? 26 : 40;
        warmUp();
        List<FibTimingChart.Point> points = new ArrayList<>();
        for (int n = 20; n <= last; n++) {
            double[] naive = new double[NAIVE_RUNS];
            for (int i = 0; i < NAIVE_RUNS; i++) {
                long start = System.nanoTime();
                Fibonacci.naive(n);
                naive[i] = System.nanoTime() - start;
            }
            double[] memo = new double[MEMO_RUNS];
            for (int i = 0; i < MEMO_RUNS; i++) {
                long start = System.nanoTime();
                new Fibonacci(128).fib(n);
                memo[i] = System.nanoTime() - start;
            }
            points.add(new FibTimingChart.Point(n, median(naive), median(memo)));
            System.err.printf(Locale.ROOT, "fib(%d): naive %.1f ms, memoized %.1f µs%n", n, median(naive) / 1e6,
                    median(memo) / 1e3);
        }
        FibTimingChart.Data data = new FibTimingChart.Data(Machine.describe(), String.format(Locale.ROOT,
                "medians: naive of %d runs, memoized of %d runs on a fresh Fibonacci(128)", NAIVE_RUNS, MEMO_RUNS),
                points);
        Path csv = smoke ? repo.resolve("grader/target/bench/fib-timing.csv") : repo.resolve(FibTimingChart.CSV);
        Path svg = smoke ? repo.resolve("grader/target/bench/fib-timing.svg") : repo.resolve(FibTimingChart.SVG);
        FibTimingChart.write(csv, svg, data);
        if (!smoke) {
            FibTimingChart.refreshTutorial(repo);
        }
        StringBuilder md = new StringBuilder();
        md.append("The tutorial's plot ([chapter 1](1-memoization.md#what-caching-the-results-buys)), drawn from `")
                .append(FibTimingChart.CSV).append("`:\n\n![Naive and memoized fib(n) time, log scale](images/fib-timing.svg)\n\n");
        md.append(FibTimingChart.summary(data)).append('\n');
        md.append("| n | naive | memoized | naive / memoized |\n|---|---|---|---|\n");
        for (FibTimingChart.Point p : points) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %,.0f |%n", p.n(), FibTimingChart.duration(p.naiveNanos()),
                    FibTimingChart.duration(p.memoNanos()), p.naiveNanos() / p.memoNanos()));
        }
        return md.toString();
    }

    /** Both paths compiled before the first measurement. */
    private static void warmUp() {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000_000L) {
            Fibonacci.naive(20);
            new Fibonacci(128).fib(30);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
