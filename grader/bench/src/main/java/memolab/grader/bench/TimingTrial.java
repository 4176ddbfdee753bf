package memolab.grader.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import memolab.grader.runner.SuiteRunner;
import memolab.grader.score.TestOutcome;

/**
 * One trial of the timing-reliability benchmark, in a JVM of its own as in grading:
 * {@code TimingTrial <submission-classes> <suite-classes>} runs the graded timing tests
 * (visible and hidden) on one submission and prints a line per test,
 * {@code outcome<TAB>STATUS<TAB>method}. Run with {@code -Dmemolab.timing.log}, the
 * tests also print each measured ratio.
 */
public final class TimingTrial {

    /** The suite's timing tests: cost per call and memoized vs naive. */
    static final String TIMING_TESTS = "(Hidden)?(LruCost|MemoTiming)Test";

    private TimingTrial() {
    }

    public static void main(String[] args) throws Exception {
        // The tests log their ratios to standard error; kept and printed after the outcomes,
        // so that the two never interleave in one pipe.
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        List<TestOutcome> outcomes =
                SuiteRunner.run(List.of(Path.of(args[0])), List.of(Path.of(args[1])), true,
                        System.getProperty("bench.tests", TIMING_TESTS));
        System.setErr(err);
        for (TestOutcome outcome : outcomes) {
            System.out.println("outcome\t" + outcome.status() + "\t" + outcome.testMethod());
            if (outcome.status() != TestOutcome.Status.PASSED) { // why, for a false verdict's reader
                System.out.println("failure\t" + outcome.testMethod() + "\t"
                        + outcome.message().lines().findFirst().orElse("").replace('\t', ' '));
            }
        }
        System.out.print(logged.toString(StandardCharsets.UTF_8));
        System.out.flush();
        System.exit(0);
    }
}
