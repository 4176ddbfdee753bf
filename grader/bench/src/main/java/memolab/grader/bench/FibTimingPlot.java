package memolab.grader.bench;

import memolab.grader.shared.Statistics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import memolab.Fibonacci;
import memolab.grader.docs.FibTimingChart;

/**
 * Measures the tutorial's plot: for n = 20 to 40 the naive {@code fib(n)} and the reference's
 * memoized one on a fresh {@code Fibonacci(128)}, in a JVM of its own (the benchmark runner's
 * heap is full of other parts' garbage, and once slowed the first half of a sweep tenfold).
 * After a warm-up it sweeps n = 20..40 several times, timing per n one naive call and the
 * median of 21 memoized ones; each point is the median over the sweeps, so that a slow
 * moment of the shared machine lands in one sweep, not in a row of points. Writes
 * {@code docs/data/fib-timing.csv}, draws {@code docs/images/fib-timing.svg} and updates the
 * sentence of chapter 1 that quotes it. A short run measures n = 20 to 26 into
 * {@code grader/target/bench} and touches no docs.
 */
final class FibTimingPlot {

    private static final int SWEEPS = 5;
    private static final int MEMO_RUNS = 21;

    private FibTimingPlot() {
    }

    /** The measuring JVM: {@code FibTimingPlot <last n> <sweeps>}; prints "n naive-nanos memo-nanos" lines. */
    public static void main(String[] args) {
        int last = Integer.parseInt(args[0]);
        int sweeps = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) { // both paths compiled before the first measurement
            Fibonacci.naive(22);
            new Fibonacci(128).fib(30);
        }
        double[][] naive = new double[last + 1][sweeps];
        double[][] memo = new double[last + 1][sweeps];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int n = 20; n <= last; n++) {
                long t0 = System.nanoTime();
                Fibonacci.naive(n);
                naive[n][sweep] = System.nanoTime() - t0;
                double[] runs = new double[MEMO_RUNS];
                for (int i = 0; i < MEMO_RUNS; i++) {
                    long t1 = System.nanoTime();
                    new Fibonacci(128).fib(n);
                    runs[i] = System.nanoTime() - t1;
                }
                memo[n][sweep] = Statistics.median(runs);
            }
        }
        for (int n = 20; n <= last; n++) {
            System.out.printf(Locale.ROOT, "%d %.0f %.0f%n", n, Statistics.median(naive[n]), Statistics.median(memo[n]));
        }
    }

    static String measureAndDraw(Path repo, boolean smoke) throws Exception {
        int last = smoke ? 26 : 40;
        int sweeps = smoke ? 3 : SWEEPS;
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"), FibTimingPlot.class.getName(),
                String.valueOf(last), String.valueOf(sweeps)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<FibTimingChart.Point> points = new ArrayList<>();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the plot's measuring JVM failed:\n" + output);
        }
        for (String line : output.strip().split("\n")) {
            String[] cells = line.split(" ");
            points.add(new FibTimingChart.Point(Integer.parseInt(cells[0]), Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[2])));
        }
        FibTimingChart.Data data = new FibTimingChart.Data(Machine.describe(), String.format(Locale.ROOT,
                "medians over %d sweeps of n = 20..%d: naive one call, memoized the median of %d calls, each on the "
                        + "exercise's Fibonacci (the reference solution) with a fresh cache of 128 entries", sweeps, last,
                MEMO_RUNS),
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
}
