package memolab.grader.junit;

import java.io.PrintStream;
import java.util.List;
import memolab.grader.score.Score;
import memolab.grader.score.ScoreTable;
import memolab.grader.score.TestOutcome;

/**
 * Prints the score table at the end of every test run that contains graded tests. JUnit
 * registers it on its own (see {@code META-INF/services}), so {@code ./mvnw test} and an
 * IDE both show the table.
 *
 * <p>If the JVM stops in the middle of the run, {@code System.exit} in student code being
 * the usual cause, the test runner loses every result. A shutdown hook then prints the
 * table as far as it got and says which test was running, so the student still learns
 * what happened and what to fix.
 */
public class ScoreListener extends OutcomeCollector {

    private volatile boolean finished;
    private Thread hook;

    @Override
    public synchronized void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan testPlan) {
        super.testPlanExecutionStarted(testPlan);
        finished = false;
        if (!outcomes().isEmpty() && hook == null) {
            hook = new Thread(this::reportUnfinishedRun, "memolab-score-on-exit");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    @Override
    public void testPlanExecutionFinished(org.junit.platform.launcher.TestPlan testPlan) {
        finished = true;
        List<TestOutcome> outcomes = outcomes();
        if (!outcomes.isEmpty()) {
            print(ScoreTable.render(Score.of(outcomes), headline(outcomes)));
        }
    }

    private void reportUnfinishedRun() {
        if (finished) {
            return;
        }
        String during = running().isEmpty() ? "between two tests" : "during the test \"" + running() + "\"";
        List<TestOutcome> outcomes = outcomes();
        print("""

                THE TEST RUN STOPPED BEFORE IT FINISHED, %s.
                The usual cause is a call to System.exit (or Runtime.exit/halt) in your code: it ends the
                whole Java process, tests included. Your code must never do that: throw an exception
                instead. The tests that did not run score 0 below; remove the call and run the tests again.
                """.formatted(during) + ScoreTable.render(Score.of(outcomes), headline(outcomes) + ", run cut short"));
    }

    private static String headline(List<TestOutcome> outcomes) {
        boolean anyHidden = outcomes.stream().anyMatch(TestOutcome::hidden);
        return anyHidden ? "visible and hidden tests" : "visible tests";
    }

    private static void print(String text) {
        // System.out may be a test runner's capture stream; the table is for the console.
        PrintStream out = System.out;
        out.print(text);
        out.flush();
    }
}
