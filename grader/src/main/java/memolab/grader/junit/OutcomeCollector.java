package memolab.grader.junit;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import memolab.grader.Graded;
import memolab.grader.Hidden;
import memolab.grader.score.TestOutcome;
import memolab.grader.score.TestOutcome.Status;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the outcome of every {@link Graded} test of a run. Tests are recorded as not run
 * when the plan starts, so a run cut short (the JVM exits in the middle) still yields an
 * outcome for every graded test. Thread-safe: JUnit may report from several threads.
 */
public class OutcomeCollector implements TestExecutionListener {

    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>(); // unique id -> outcome, plan order
    private TestPlan plan;
    private volatile String running = "";                                    // display name of the test under way

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        outcomes.clear();
        outcomes.putAll(gradedTests(testPlan));
    }

    /** The graded tests of a plan, by unique id in plan order, each not run yet. */
    public static Map<String, TestOutcome> gradedTests(TestPlan testPlan) {
        Map<String, TestOutcome> graded = new LinkedHashMap<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                graded(id).ifPresent(outcome -> graded.put(id.getUniqueId(), outcome));
            }
        }
        return graded;
    }

    @Override
    public void executionStarted(TestIdentifier testIdentifier) {
        if (testIdentifier.isTest()) {
            running = testIdentifier.getDisplayName();
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier testIdentifier, String reason) {
        markUnfinished(testIdentifier, "Not run: " + reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier testIdentifier, TestExecutionResult result) {
        TestOutcome outcome = outcomes.get(testIdentifier.getUniqueId());
        if (outcome != null) {
            running = "";
            outcomes.put(testIdentifier.getUniqueId(), switch (result.getStatus()) {
                case SUCCESSFUL -> outcome.with(Status.PASSED, "");
                case FAILED -> outcome.with(Status.FAILED, describe(result.getThrowable()));
                case ABORTED -> outcome.with(Status.NOT_RUN, "Not run: " + describe(result.getThrowable()));
            });
        } else if (testIdentifier.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED) {
            // A class whose set-up failed reports no event for its tests.
            markUnfinished(testIdentifier, "Not run: the test class could not start: " + describe(result.getThrowable()));
        }
    }

    /** The outcomes so far, in plan order. */
    public synchronized List<TestOutcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /** The current outcome of one graded test, if the identifier is one. */
    public synchronized Optional<TestOutcome> outcomeOf(TestIdentifier testIdentifier) {
        return Optional.ofNullable(outcomes.get(testIdentifier.getUniqueId()));
    }

    /** The display name of the graded test under way, or empty between tests. */
    public String running() {
        return running;
    }

    private void markUnfinished(TestIdentifier container, String message) {
        if (plan == null) {
            return;
        }
        for (TestIdentifier id : plan.getDescendants(container)) {
            outcomes.computeIfPresent(id.getUniqueId(), (key, o) -> o.status() == Status.NOT_RUN ? o.with(Status.NOT_RUN, message) : o);
        }
        outcomes.computeIfPresent(container.getUniqueId(), (key, o) -> o.with(Status.NOT_RUN, message));
    }

    private static Optional<TestOutcome> graded(TestIdentifier id) {
        if (!id.isTest()) {
            return Optional.empty();
        }
        Optional<TestSource> source = id.getSource();
        if (source.isEmpty() || !(source.get() instanceof MethodSource methodSource)) {
            return Optional.empty();
        }
        Method method;
        try {
            method = methodSource.getJavaMethod();
        } catch (RuntimeException notLoadable) {
            return Optional.empty();
        }
        Graded graded = method.getAnnotation(Graded.class);
        if (graded == null) {
            return Optional.empty();
        }
        boolean hidden = id.getTags().contains(TestTag.create(Hidden.TAG));
        return Optional.of(new TestOutcome(methodSource.getClassName(), methodSource.getMethodName(),
                id.getDisplayName(), graded.category(), graded.points(), hidden, Status.NOT_RUN,
                "Not run: the test run stopped before this test."));
    }

    /** A failure as a student should read it: the message, or the exception when there is none. */
    static String describe(Optional<Throwable> thrown) {
        if (thrown.isEmpty()) {
            return "";
        }
        Throwable t = thrown.get();
        String message = t.getMessage();
        if (t instanceof AssertionError && message != null && !message.isBlank()) {
            return message.strip();
        }
        StringBuilder text = new StringBuilder(t.getClass().getName());
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message.strip());
        }
        StackTraceElement origin = firstStudentFrame(t);
        if (origin != null) {
            text.append("\n(thrown at ").append(origin.getClassName()).append('.').append(origin.getMethodName())
                    .append('(').append(origin.getFileName()).append(':').append(origin.getLineNumber()).append("))");
        }
        return text.toString();
    }

    private static StackTraceElement firstStudentFrame(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("memolab.") && !cls.startsWith("memolab.grader.")) {
                return frame;
            }
        }
        return null;
    }
}
