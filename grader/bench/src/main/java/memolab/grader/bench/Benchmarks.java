package memolab.grader.bench;

import java.nio.file.Path;
import java.util.List;
import memolab.grader.selfcheck.Submissions;

/**
 * The benchmarks' entry point, run by {@code ./mvnw -B -Pbench verify [-Dbench=PART] [-Dbench.short]}:
 * each part measures, then replaces its own section of {@code docs/performance.md} (a short
 * run writes a copy in {@code grader/target/bench} instead).
 */
public final class Benchmarks {

    /** The parts, in the order "all" runs them. */
    static final List<String> PARTS = List.of("cache", "memo", "plot", "grading", "profile", "loop", "reliability", "margins");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        List<String> parts = which.equals("all") ? PARTS : List.of(which.split(","));
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                System.err.println("Unknown benchmark part '" + part + "'; the parts are " + PARTS + " or all.");
                System.exit(2);
            }
        }
        boolean smoke = Boolean.getBoolean("bench.short");
        Path repo = Submissions.REPO;
        PerformancePage page = new PerformancePage(repo, smoke);
        for (String part : parts) {
            System.err.println("== benchmark part: " + part + (smoke ? " (short)" : ""));
            String section = switch (part) {
                case "cache" -> JmhReports.cache(smoke);
                case "memo" -> JmhReports.memo(smoke);
                case "plot" -> FibTimingPlot.measureAndDraw(repo, smoke);
                case "grading" -> GradingThroughput.run(smoke);
                case "profile" -> SuiteProfile.run(smoke);
                case "loop" -> StudentLoop.run(smoke);
                case "reliability" -> new TimingReliability(smoke).run();
                case "margins" -> new TimingReliability(smoke).costMargins();
                default -> throw new AssertionError(part);
            };
            page.replace(part, section);
        }
        System.err.println("Wrote " + page.path());
    }
}
