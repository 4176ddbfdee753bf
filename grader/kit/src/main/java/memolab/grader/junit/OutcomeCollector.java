package memolab.grader.junit;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import memolab.grader.Graded;
import memolab.grader.Guard;
import memolab.grader.Hidden;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleViolation;
import memolab.grader.score.PlainText;
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

    /**
     * The name of a thread the suite starts to run a test's code on (a deep recursion on a
     * stack of its own): a test stops waiting for it at its own limit, so the grader counts
     * one still running after its test ended as a runaway, as it counts JUnit's time-limit
     * threads.
     */
    public static final String TEST_CODE_THREAD = "memolab-test-code";

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

    /** Records a test's end; see {@link Guard#runsStudentCode} for a guard's test that fails. */
    @Override
    public synchronized void executionFinished(TestIdentifier testIdentifier, TestExecutionResult result) {
        TestOutcome outcome = outcomes.get(testIdentifier.getUniqueId());
        if (outcome != null) {
            running = "";
            outcomes.put(testIdentifier.getUniqueId(), switch (result.getStatus()) {
                case SUCCESSFUL -> outcome.with(Status.PASSED, "");
                case FAILED -> outcome.with(watchesStudentCode(outcome) || isViolation(result.getThrowable())
                        ? Status.VIOLATED : Status.FAILED,
                        PlainText.clean(describe(result.getThrowable()), PlainText.MESSAGE_CAP));
                case ABORTED -> outcome.with(Status.NOT_RUN,
                        PlainText.clean("Not run: " + describe(result.getThrowable()), PlainText.MESSAGE_CAP));
            });
        } else if (testIdentifier.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED) {
            // A class whose set-up failed reports no event for its tests.
            markUnfinished(testIdentifier, PlainText.clean("Not run: the test class could not start: "
                    + describe(result.getThrowable()), PlainText.MESSAGE_CAP));
        }
    }

    /** The outcomes so far, in plan order, as the tests ended ({@code Score} applies the {@link Guard guards}). */
    public synchronized List<TestOutcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /** A rule of the exercise found broken: the suite throws {@link RuleViolation}. */
    private static boolean isViolation(Optional<Throwable> thrown) {
        return thrown.isPresent() && thrown.get() instanceof RuleViolation;
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
        Guard guard = graded.guards().length == 0 ? null : graded.guards()[0];
        return Optional.of(new TestOutcome(methodSource.getClassName(), methodSource.getMethodName(),
                id.getDisplayName(), graded.category(), graded.points(), hidden, guard, Status.NOT_RUN,
                "Not run: the test run stopped before this test."));
    }

    /** A failure as a student should read it: the message, or the exception when there is none; no hidden test named. */
    static String describe(Optional<Throwable> thrown) {
        return withoutHiddenTests(describeThrown(thrown));
    }

    /** A hidden test's class, method or file, however student code wrote it into its text. */
    private static final java.util.regex.Pattern HIDDEN_TEST =
            java.util.regex.Pattern.compile("(?:memolab\\.grader\\.suite\\.)?Hidden\\w*Test(?:\\.java(?::\\d+)?|[\\w$.<>]*)");

    /**
     * {@code text} with every name of a hidden test replaced by "(a hidden test)": student code
     * can print the stack it runs on, and no report a student sees before grades are published
     * may show which hidden tests exist or where they call.
     */
    public static String withoutHiddenTests(String text) {
        return HIDDEN_TEST.matcher(text).replaceAll("(a hidden test)");
    }

    private static String describeThrown(Optional<Throwable> thrown) {
        if (thrown.isEmpty()) {
            return "";
        }
        Throwable t = thrown.get();
        String message = t.getMessage();
        if (t instanceof java.util.concurrent.TimeoutException) {
            return describeTimeout(t);
        }
        if (t instanceof AssertionError && message != null && !message.isBlank()) {
            return studentFramesOnly(message.strip());
        }
        StringBuilder text = new StringBuilder(t.getClass().getName());
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message.strip());
        }
        StackTraceElement origin = firstStudentFrame(t.getStackTrace());
        if (origin != null) {
            text.append("\n(thrown at ").append(origin.getClassName()).append('.').append(origin.getMethodName())
                    .append('(').append(origin.getFileName()).append(':').append(origin.getLineNumber()).append("))");
            if (origin.getClassName().startsWith("memolab.LruCache") && calledFromFibonacci(t.getStackTrace())) {
                text.append("\nThis comes from your LruCache, which Fibonacci runs on, so it costs points here too, "
                        + "not only in the LRU categories: fix LruCache first (categories 1 and 2 show where).");
            }
        }
        return text.toString();
    }

    private static final java.util.regex.Pattern FRAME = java.util.regex.Pattern.compile("^\\s*at (?:\\S*/)?([\\w$.]+)\\.[\\w$<>]+\\(.*$"); // [loader/module/]class.method(

    /**
     * A message without the stack frames that an assertion quotes from the tests and the
     * libraries (AssertJ prints the whole stack of an unexpected exception): the frames of the
     * student's own classes stay, they say where in their code it happened.
     */
    public static String studentFramesOnly(String message) {
        return withoutHiddenTests(keepStudentFrames(message));
    }

    private static String keepStudentFrames(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (String line : message.split("\\R", -1)) {
            java.util.regex.Matcher frame = FRAME.matcher(line);
            boolean foreign = frame.matches() && !ExerciseRules.isStudentClass(frame.group(1));
            if (!foreign && !line.strip().matches("\\.\\.\\.( \\d+ more|\\(\\d+ remaining lines not displayed.*)")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static boolean calledFromFibonacci(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("memolab.Fibonacci")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A test stopped at its time limit: where the student's code was at that moment, from the
     * test thread's stack that JUnit attaches (as the cause, or a suppressed exception).
     */
    private static String describeTimeout(Throwable timeout) {
        String limit = String.valueOf(timeout.getMessage()).replaceFirst("^.*timed out after ", "");
        StackTraceElement[] stack = null;
        for (Throwable t = timeout; t != null && stack == null; t = t.getCause()) {
            stack = firstStudentFrame(t.getStackTrace()) == null ? null : t.getStackTrace();
            for (Throwable suppressed : t.getSuppressed()) {
                stack = stack != null || firstStudentFrame(suppressed.getStackTrace()) == null ? stack : suppressed.getStackTrace();
            }
        }
        if (stack == null) {
            return "The test was stopped at its time limit (" + limit + ") while the test's own code was running, not "
                    + "yours. Usually a call of yours returned something the test keeps working on without end.";
        }
        return stillRunning(stack, limit);
    }

    /**
     * How many calls of one student method a stack must hold, with no call of the cache between
     * them, to be read as a recursion that never reaches the cache: a memoized fib(n) holds a
     * call of LruCache between any two of its own, and an endless loop holds the method once.
     */
    static final int DEEP_RECURSION = 20;

    /**
     * What the student's code was doing when a test was stopped at its limit, from the stuck
     * thread's stack: a recursion that never goes through the cache (plain recursion, the
     * lesson's naive Fibonacci, which for n = 93 would make more than 10^19 calls) is named as
     * such; anything else as a loop, with its line.
     */
    public static String stillRunning(StackTraceElement[] stack, String limit) {
        StackTraceElement origin = firstStudentFrame(stack);
        if (origin == null) {
            return "The test was stopped at its time limit (" + limit + ").";
        }
        // The calls of the method that was running, and whether the cache sits between any two of them.
        int depth = 0;
        int cacheFrames = 0;
        int cacheFramesBelowLast = 0;
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(origin.getClassName()) && frame.getMethodName().equals(origin.getMethodName())) {
                depth++;
                cacheFramesBelowLast = 0;
            } else if (frame.getClassName().startsWith("memolab.LruCache")) {
                cacheFrames++;
                cacheFramesBelowLast++;
            }
        }
        boolean throughCache = cacheFrames - cacheFramesBelowLast > 0;
        if (depth < DEEP_RECURSION || throughCache) {
            return stillRunning(origin, limit);
        }
        String recursive = origin.getClassName() + "." + origin.getMethodName();
        String method = recursive.substring(recursive.lastIndexOf('.', recursive.lastIndexOf('.') - 1) + 1);
        String line = where(origin);
        if (origin.getClassName().startsWith("memolab.Fibonacci")) {
            return "Still running " + line + " after " + limit + ": " + method + " calls itself without going through "
                    + "its cache (" + depth + " calls of it on the stack, and no call of LruCache between them). Plain "
                    + "recursion makes 2 fib(n + 1) - 1 calls: for n = 40 about 330 million, for n = 93 more than "
                    + "10^19, so it never finishes. Look each n up in the cache first, and store what you compute there "
                    + "(docs/1-memoization.md); the test was stopped there.";
        }
        return "Still running " + line + " after " + limit + ": " + method + " calls itself " + depth + " calls deep "
                + "on the stack, without end or far too often. The test was stopped there. Look for a recursion whose "
                + "argument never gets closer to its base case, or that repeats work it already did.";
    }

    /** "still running LruCache.get (LruCache.java:57) after 5 s: an endless loop?", with what to look for. */
    public static String stillRunning(StackTraceElement origin, String limit) {
        return "Still running " + where(origin) + " after " + limit + ": an endless loop? The test was stopped there. "
                + "Look for a loop whose condition never changes, or a list whose links form a cycle (a node linked "
                + "twice, or prev and next not updated together).";
    }

    /** A stack frame as a student finds it: {@code LruCache.get (LruCache.java:57)}. */
    public static String where(StackTraceElement frame) {
        String cls = frame.getClassName();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return simple + "." + frame.getMethodName() + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }

    /** The first frame of the student's code (package {@code memolab} itself), or null. */
    public static StackTraceElement firstStudentFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (ExerciseRules.isStudentClass(frame.getClassName())) {
                return frame;
            }
        }
        return null;
    }

    /** Whether the outcome is that of a guard's test that runs the student's code ({@link Guard#runsStudentCode}). */
    public static boolean watchesStudentCode(TestOutcome outcome) {
        return outcome.guard() != null && outcome.guard().runsStudentCode();
    }
}
