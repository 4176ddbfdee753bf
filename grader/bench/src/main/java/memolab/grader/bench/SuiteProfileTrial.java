package memolab.grader.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import memolab.grader.runner.StepCounting;
import memolab.grader.runner.SuiteRunner;
import memolab.grader.score.TestOutcome;
import memolab.grader.shared.WorkMeter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One run of the suite profile ({@link SuiteProfile}), in a JVM of its own as in final
 * grading: {@code SuiteProfileTrial <submission-classes> <suite-classes>} runs the whole graded
 * suite, hidden tests included, with the steps of the student's classes counted as the
 * submission's JVM counts them, and prints {@code test<TAB>name<TAB>nanoseconds} for each test
 * (its name: the test's, then its class's, in parentheses), {@code first<TAB>milliseconds}
 * (the JVM's uptime when the first test started), and {@code failed<TAB>name} for each graded
 * test that did not pass.
 */
public final class SuiteProfileTrial {

    private SuiteProfileTrial() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(quiet); // what the tests print is not this trial's output
        System.setErr(quiet);
        WorkMeter.install(StepCounting::instrument); // as the submission's JVM does before any test
        Timer timer = new Timer();
        List<TestOutcome> outcomes = SuiteRunner.run(List.of(Path.of(args[0])), List.of(Path.of(args[1])), true, timer);
        for (String line : timer.lines) {
            out.println(line);
        }
        out.println("first\t" + timer.firstMillis);
        for (TestOutcome outcome : outcomes) {
            if (outcome.status() != TestOutcome.Status.PASSED) {
                out.println("failed\t" + outcome.testMethod() + " " + outcome.status());
            }
        }
        out.flush();
        System.exit(0);
    }

    /** Times each test from its start to its end, as JUnit reports them. */
    private static final class Timer implements TestExecutionListener {
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final List<String> lines = new ArrayList<>();
        private volatile TestPlan plan;
        private volatile long firstMillis = -1;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                if (firstMillis < 0) {
                    firstMillis = ManagementFactory.getRuntimeMXBean().getUptime();
                }
                started.put(test.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
            Long start = started.get(test.getUniqueId());
            if (test.isTest() && start != null) {
                String owner = plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("");
                lines.add("test\t" + test.getDisplayName().replace('\t', ' ') + " (" + owner.replace('\t', ' ') + ")\t"
                        + (System.nanoTime() - start));
            }
        }
    }
}
