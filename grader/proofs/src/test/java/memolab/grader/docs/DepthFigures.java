package memolab.grader.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapter 5's recursion depths, read from what the examples printed: CPython's from
 * {@code docs/data/python-depth.txt} ({@code python_depth.py} under each version), the JVM's from
 * {@code docs/data/jvm-depth.txt} ({@code StackDepth.java deepest} under each compiler's flags).
 */
final class DepthFigures {

    static final String PYTHON_DATA = "docs/data/python-depth.txt";
    static final String JVM_DATA = "docs/data/jvm-depth.txt";

    private static final Pattern PYTHON_LINE = Pattern.compile("(?m)^CPython (\\S+): recursion limit (\\d+), deepest cold "
            + "fibonacci\\(n\\) n = (\\d+); with limit (\\d+): n = (\\d+)$");
    private static final Pattern JVM_LINE = Pattern.compile(
            "(?m)^(.+?) (\\d[\\w.+-]*), (\\S+): the deepest cold fib\\(n\\) on the default stack: n = (\\d+)$");
    private static final Map<String, String> COMPILERS = Map.of(
            "-Xint", "interpreted only (`-Xint`)",
            "-XX:TieredStopAtLevel=1", "C1 only (`-XX:TieredStopAtLevel=1`, as the grader runs the suite)",
            "-XX:-TieredCompilation", "C2 only (`-XX:-TieredCompilation`)",
            "-XX:+TieredCompilation", "C1 then C2, the JVM's default (`-XX:+TieredCompilation`)");

    private DepthFigures() {
    }

    /** CPython's limit and how deep a decorated fibonacci gets, one row per version measured. */
    static String python(Path repo) {
        Matcher line = PYTHON_LINE.matcher(Generated.read(repo.resolve(PYTHON_DATA)));
        StringBuilder rows = new StringBuilder();
        String limits = null;
        while (line.find()) {
            String these = String.format(Locale.ROOT, "at its default limit (%,d) | at a limit of %,d",
                    Integer.parseInt(line.group(2)), Integer.parseInt(line.group(4)));
            if (limits != null && !limits.equals(these)) {
                throw new IllegalStateException(PYTHON_DATA + " mixes recursion limits; write it again as "
                        + "docs/examples/python_depth.py says");
            }
            limits = these;
            rows.append(String.format(Locale.ROOT, "| %s | %,d | %,d |%n", line.group(1), Integer.parseInt(line.group(3)),
                    Integer.parseInt(line.group(5))));
        }
        if (limits == null) {
            throw new IllegalStateException(PYTHON_DATA + " has no line of python_depth.py; write it again as "
                    + "docs/examples/python_depth.py says");
        }
        return "Python has the same limit in another form: its interpreter raises `RecursionError` past a recursion "
                + "limit (`sys.getrecursionlimit()`, `sys.setrecursionlimit(n)`), and how far a cold decorated "
                + "`fibonacci(n)` gets depends on the version (`python3.x docs/examples/python_depth.py`, Linux x86_64, "
                + "the deepest n that works, searched from one function called at the script's top level):\n\n"
                + "| CPython | " + limits + " |\n|---|---|---|\n" + rows;
    }

    /** The deepest cold memoized fib on the JVM's default stack, per compiler, over the runs measured. */
    static String jvm(Path repo) {
        Matcher line = JVM_LINE.matcher(Generated.read(repo.resolve(JVM_DATA)));
        Map<String, List<Integer>> byFlags = new LinkedHashMap<>();
        String vm = null;
        while (line.find()) {
            vm = line.group(1) + " " + line.group(2);
            byFlags.computeIfAbsent(line.group(3), flags -> new ArrayList<>()).add(Integer.parseInt(line.group(4)));
        }
        if (vm == null || !byFlags.keySet().containsAll(List.of("-Xint", "-XX:TieredStopAtLevel=1"))) {
            throw new IllegalStateException(JVM_DATA + " lacks the -Xint or the C1 runs; write it again as "
                    + "docs/examples/StackDepth.java says");
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "On %s (`java <flags> docs/examples/StackDepth.java deepest`, each after 20,000 shallow calls gave the "
                        + "compilers their chance; %d runs each):%n%n| how `fib` runs | deepest cold `fib(n)` on the default "
                        + "stack |%n|---|---|%n", vm, byFlags.values().iterator().next().size()));
        for (Map.Entry<String, List<Integer>> flags : byFlags.entrySet()) {
            IntSummaryStatistics depths = flags.getValue().stream().mapToInt(Integer::intValue).summaryStatistics();
            out.append(String.format(Locale.ROOT, "| %s | %s |%n",
                    COMPILERS.getOrDefault(flags.getKey(), "`" + flags.getKey() + "`"),
                    depths.getMin() == depths.getMax() ? String.format(Locale.ROOT, "%,d", depths.getMin())
                            : String.format(Locale.ROOT, "%,d to %,d", depths.getMin(), depths.getMax())));
        }
        int interpreted = byFlags.get("-Xint").stream().mapToInt(Integer::intValue).min().orElseThrow();
        int c1 = byFlags.get("-XX:TieredStopAtLevel=1").stream().mapToInt(Integer::intValue).max().orElseThrow();
        out.append(c1 < interpreted
                ? "\nSo compiled frames are not always the smaller ones: compiled by C1, `fib` does not get as deep as "
                        + "interpreted.\n"
                : "\nHere C1's frames are no larger than the interpreter's: compiled by C1, `fib` gets at least as deep.\n");
        return out.toString();
    }
}
