package memolab.grader.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks and writes their sections of the performance page. */
final class JmhReports {

    private static final String[] WORKLOADS = {"get-heavy", "mixed", "put-heavy"};
    private static final int[] CAPACITIES = {1_000, 100_000};

    private JmhReports() {
    }

    /** A score and its 99.9 % confidence half-width, as JMH reports it. */
    record Score(double value, double error) {
        static Score of(RunResult run) {
            Result<?> result = run.getPrimaryResult();
            return new Score(result.getScore(), result.getScoreError());
        }
    }

    static String cache(boolean smoke) throws Exception {
        ChainedOptionsBuilder options = base(smoke)
                .include(CacheBenchmark.class.getName() + ".operations")
                .mode(Mode.Throughput).timeUnit(TimeUnit.MICROSECONDS);
        if (smoke) {
            options.param("capacity", "1000").param("workload", "mixed");
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult run : run(options)) {
            var params = run.getParams();
            scores.put(params.getParam("impl") + "/" + params.getParam("capacity") + "/" + params.getParam("workload"),
                    Score.of(run));
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Throughput in million operations per second (a `get` or a `put`), single thread, \
                ± JMH's 99.9 %% confidence interval; %s. Keys follow a Zipf-like law (exponent %.2f) over \
                %d times the capacity, the same sequence for the three caches; the hit ratio is the share of \
                `get`s that found their key, replaying that sequence once.

                | capacity | workload (puts) | `LruCache` (reference) | `LinkedHashMap` | Caffeine | reference / `LinkedHashMap` | hit ratio: LRU / Caffeine |
                |---|---|---|---|---|---|---|
                """, method(smoke), CacheBenchmark.SKEW, CacheBenchmark.KEY_SPACE_FACTOR));
        double worst = Double.MAX_VALUE;
        for (int capacity : CAPACITIES) {
            for (String workload : WORKLOADS) {
                Score lru = scores.get("LruCache/" + capacity + "/" + workload);
                Score linked = scores.get("LinkedHashMap/" + capacity + "/" + workload);
                Score caffeine = scores.get("Caffeine/" + capacity + "/" + workload);
                if (lru == null || linked == null || caffeine == null) {
                    continue; // a short run measures one combination
                }
                double ratio = lru.value() / linked.value();
                worst = Math.min(worst, ratio);
                md.append(String.format(Locale.ROOT, "| %,d | %s (%s) | %s | %s | %s | %.2f | %.3f / %.3f |%n",
                        capacity, workload, share(workload), ops(lru), ops(linked), ops(caffeine), ratio,
                        CacheBenchmark.hitRatio("LruCache", capacity, workload),
                        CacheBenchmark.hitRatio("Caffeine", capacity, workload)));
            }
        }
        md.append(String.format(Locale.ROOT, """

                Goal: the reference at 0.8 or more of `LinkedHashMap`'s throughput. Lowest ratio measured: \
                **%.2f** (%s). `LinkedHashMap` and the reference keep the same LRU order, so their hit ratios \
                are equal (checked: %s); Caffeine's W-TinyLFU policy keeps frequently used keys longer.
                """, worst, worst >= 0.8 ? "met" : "missed by " + String.format(Locale.ROOT, "%.2f", 0.8 - worst),
                sameHitRatios() ? "equal in every row" : "NOT equal in some row: look into it"));
        return md.toString();
    }

    static String memo(boolean smoke) throws Exception {
        String[] ns = smoke ? new String[] {"30"} : new String[] {"30", "36", "40"};
        // Both in average time per call, after the same warm-up: the naive recursion's speed
        // depends on how far the JIT has got as much as the memoized one's does.
        Collection<RunResult> naive = run(base(smoke)
                .include(FibBenchmark.class.getName() + ".naive")
                .param("n", ns).mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS));
        Collection<RunResult> memo = run(base(smoke)
                .include(FibBenchmark.class.getName() + ".memoized")
                .param("n", ns).mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS));
        Map<String, Score> naiveScores = byN(naive);
        Map<String, Score> memoScores = byN(memo);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                The naive recursion (`NaiveFibonacci`, the suite's baseline) against the reference's memoized \
                `fib(n)` on a fresh `Fibonacci(128)` for each call, average time per call; %s. Times in \
                milliseconds, ± JMH's 99.9 %% confidence interval.

                | n | naive | memoized | speedup (naive / memoized) |
                |---|---|---|---|
                """, method(smoke)));
        for (String n : ns) {
            Score slow = naiveScores.get(n);
            Score fast = memoScores.get(n);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f |%n", n, ms(slow), ms(fast),
                    slow.value() / fast.value()));
        }
        md.append("""

                Both sides are compiled by the JIT here, after warm-up, and the speedup grows with n by about \
                1.6 per step, as the naive call count does. Chapter 1 sets these figures beside its other \
                measurements of `fib(36)`, CPython's included (`docs/1-memoization.md`, its table of figures).
                """);
        return md.toString();
    }

    private static ChainedOptionsBuilder base(boolean smoke) {
        return new OptionsBuilder().forks(smoke ? 1 : 2) // two fresh JVMs: a run's JIT luck shows in the error
                .warmupIterations(smoke ? 1 : 3).warmupTime(TimeValue.milliseconds(smoke ? 100 : 1000))
                .measurementIterations(smoke ? 1 : 5).measurementTime(TimeValue.milliseconds(smoke ? 100 : 1000));
    }

    private static String method(boolean smoke) {
        return String.format(Locale.ROOT, "JMH%s, %s, %s, on %s", jmhVersion(), smoke ? "1 fork" : "2 forks",
                smoke ? "a short smoke run (1 x 0.1 s warm-up, 1 x 0.1 s measured)"
                        : "3 x 1 s warm-up and 5 x 1 s measured iterations", Machine.describe());
    }

    private static String jmhVersion() {
        String version = org.openjdk.jmh.runner.Runner.class.getPackage().getImplementationVersion();
        return version == null ? "" : " " + version;
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws Exception {
        return new Runner(options.shouldFailOnError(true).build()).run();
    }

    private static Map<String, Score> byN(Collection<RunResult> runs) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult run : runs) {
            scores.put(run.getParams().getParam("n"), Score.of(run));
        }
        return scores;
    }

    private static boolean sameHitRatios() {
        List<Boolean> same = new ArrayList<>();
        for (int capacity : CAPACITIES) {
            for (String workload : WORKLOADS) {
                same.add(CacheBenchmark.hitRatio("LruCache", capacity, workload)
                        == CacheBenchmark.hitRatio("LinkedHashMap", capacity, workload));
            }
        }
        return !same.contains(false);
    }

    private static String share(String workload) {
        return switch (workload) {
            case "get-heavy" -> "5 %";
            case "mixed" -> "50 %";
            default -> "95 %";
        };
    }

    private static String ops(Score score) {
        // ops/µs is millions of operations per second
        return String.format(Locale.ROOT, "%.1f ± %.1f", score.value(), score.error());
    }

    private static String ms(Score score) {
        return Double.isNaN(score.error()) ? significant(score.value())
                : significant(score.value()) + " ± " + significant(score.error());
    }

    /** Three significant digits, never in E notation: 145.8 -> "146", 0.001063 -> "0.00106". */
    private static String significant(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
