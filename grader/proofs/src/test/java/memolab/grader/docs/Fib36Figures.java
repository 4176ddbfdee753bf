package memolab.grader.docs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tutorial's figures for {@code fib(36)}, each read from the one place it was measured:
 * the {@code FibTiming} sample in chapter 1 (the program's own output, rerun by the docs
 * checks), the plot's data ({@code docs/data/fib-timing.csv}), the JMH table of the
 * performance page, and CPython's ({@code docs/data/python-fib.txt}, written by
 * {@code python3 docs/examples/fib_lru_cache.py}). The generated regions quote them, so no
 * figure is typed by hand and a new measurement shows everywhere at once.
 */
final class Fib36Figures {

    static final String PYTHON_DATA = "docs/data/python-fib.txt";
    static final String PYTHON_SCRIPT = "docs/examples/fib_lru_cache.py";

    private static final Pattern SAMPLE = Pattern.compile(
            "<!-- output sample: examples/FibTiming.java -->\\n```text\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SAMPLE_LINE = Pattern.compile("(?m)^(naive|memoized) +fib\\(36\\) = \\d+ in ([\\d,.]+ (?:ms|µs|s))");
    private static final Pattern JMH_ROW = Pattern.compile(
            "(?m)^\\| 36 \\| ([\\d.,]+) ± ([\\d.,]+) \\| ([\\d.,]+) ± ([\\d.,]+) \\|");

    private Fib36Figures() {
    }

    /** Chapter 1's table: every fib(36) figure of the tutorial, how it was measured, and where it comes from. */
    static String table(Path repo) {
        Map<String, String> python = python(repo);
        String sample = sample(repo);
        Matcher line = SAMPLE_LINE.matcher(sample);
        Map<String, String> fibTiming = new LinkedHashMap<>();
        while (line.find()) {
            fibTiming.put(line.group(1), line.group(2));
        }
        String sampleMachine = sample.lines().findFirst().orElse("").replaceFirst("^on ", "").replaceFirst(":.*$", "");
        FibTimingChart.Data plot = FibTimingChart.read(repo);
        FibTimingChart.Point p36 = plot.at(36);
        String performance = Generated.read(repo.resolve("docs/performance.md"));
        String memoSection = performance.substring(performance.indexOf("<!-- bench:memo -->"));
        Matcher jmh = JMH_ROW.matcher(memoSection);
        if (!jmh.find()) {
            throw new IllegalStateException("docs/performance.md's JMH section has no row for n = 36");
        }
        String jmhMachine = memoSection.replaceFirst("(?s)^.*? on (\\d+ cores.*?)\\. Times.*$", "$1");
        StringBuilder md = new StringBuilder("""
                | measured by | how | on | naive `fib(36)` | memoized `fib(36)` |
                |---|---|---|---|---|
                """);
        md.append(String.format(Locale.ROOT, "| `java docs/examples/FibTiming.java`, the sample above | one naive call in a "
                + "fresh JVM, while the JIT is still compiling; memoized: median of 10,001 calls, each on a fresh cache "
                + "| %s | %s | %s |%n", sampleMachine, fibTiming.get("naive"), fibTiming.get("memoized")));
        md.append(String.format(Locale.ROOT, "| the plot above (`%s`) | %s | %s | %s | %s |%n", FibTimingChart.CSV,
                plot.method(), plot.machine(), FibTimingChart.duration(p36.naiveNanos()),
                FibTimingChart.duration(p36.memoNanos())));
        md.append(String.format(Locale.ROOT, "| JMH, [performance page](performance.md#memoized-vs-naive-fibn-jmh) | "
                + "average time per call after warm-up, 2 forks | %s | %s | %s |%n", jmhMachine,
                withError(millis(jmh.group(1)), millis(jmh.group(2))), withError(millis(jmh.group(3)), millis(jmh.group(4)))));
        md.append(String.format(Locale.ROOT, "| `python3 %s` (`%s`) | %s | %s | %s | %s from an empty cache |%n",
                PYTHON_SCRIPT, PYTHON_DATA, python.get("method").replaceFirst("; a hit .*$", ""),
                python.get("machine"), FibTimingChart.duration(Double.parseDouble(python.get("naive_fib36_ms")) * 1e6),
                FibTimingChart.duration(Double.parseDouble(python.get("memoized_fib36_from_empty_us")) * 1e3)));
        return md.toString();
    }

    /** Chapter 1's sentence on CPython's times. */
    static String pythonTimes(Path repo) {
        Map<String, String> python = python(repo);
        return String.format(Locale.ROOT, "Measured with `timeit` in %s (`python3 %s`): the naive `fibonacci(36)` takes %s, "
                        + "the decorated one %s from an empty cache (`cache_clear()` before each call) and %s when the "
                        + "answer is already cached.%n", python.get("machine"), PYTHON_SCRIPT,
                FibTimingChart.duration(Double.parseDouble(python.get("naive_fib36_ms")) * 1e6),
                FibTimingChart.duration(Double.parseDouble(python.get("memoized_fib36_from_empty_us")) * 1e3),
                nanos(Double.parseDouble(python.get("memoized_fib36_hit_ns"))));
    }

    /** "152 ms ± 72" or "1.18 µs ± 0.12": JMH's mean and its error, in one unit. */
    private static String withError(double millis, double error) {
        return millis >= 1 ? String.format(Locale.ROOT, "%,.0f ms ± %,.0f", millis, error)
                : String.format(Locale.ROOT, "%.2f µs ± %.2f", millis * 1e3, error * 1e3);
    }

    private static String nanos(double nanos) {
        return String.format(Locale.ROOT, "%.0f ns", nanos);
    }

    private static double millis(String cell) {
        return Double.parseDouble(cell.replace(",", ""));
    }

    private static String sample(Path repo) {
        Matcher sample = SAMPLE.matcher(Generated.read(repo.resolve("docs/1-memoization.md")));
        if (!sample.find()) {
            throw new IllegalStateException("docs/1-memoization.md has no FibTiming sample");
        }
        return sample.group(1);
    }

    /** The key: value lines of the Python measurement. */
    static Map<String, String> python(Path repo) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : List.of(Generated.read(repo.resolve(PYTHON_DATA)).split("\\R"))) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                values.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        for (String key : List.of("machine", "method", "naive_fib36_ms", "memoized_fib36_from_empty_us",
                "memoized_fib36_hit_ns")) {
            if (!values.containsKey(key)) {
                throw new IllegalStateException(PYTHON_DATA + " has no '" + key + "' line; write it again with python3 "
                        + PYTHON_SCRIPT + " > " + PYTHON_DATA);
            }
        }
        return values;
    }
}
