package memolab.grader.grading;

import java.util.List;

/**
 * Ends a test whose time is up on one of the corpus's caches, so that the tests' JVM can go on
 * with the next cache rather than end. The corpus's classes run in the tests' JVM with a call of
 * {@link #check} at the start of every method and before every jump back
 * ({@code StepCounting.withCalls}): the caches that loop (a search that never ends, a plain
 * recursion) pass one at every turn. Once the JVM has given a test its verdict, "never
 * returned", it sets the stop, and the cache's code throws {@link Stopped} at its next turn;
 * when the test then ends, its thread with it, the next test clears the stop. Code of the
 * student's that loops on its own passes no check: the JVM ends there, as before.
 *
 * <p>The checks are also the cache's steps: each test on a bug has a budget of them, from its
 * steps on the correct caches ({@code YourTests.stepLimits}), and a cache that loops passes it
 * long before its processor time would tell; the JVM's watchdog then gives the verdict, as for
 * a test past its time.
 *
 * <p>A student's tests cannot name this class: their rules allow the JDK, JUnit, AssertJ and
 * the kit's property checker only.
 */
public final class LoopStop {

    /** The class, as a class file names it, for the calls the corpus's classes get. */
    static final String OWNER = LoopStop.class.getName().replace('.', '/');

    /** The method the corpus's classes call. */
    static final String CHECK = "check";

    private static volatile boolean stopping;

    /**
     * The running test's count: the checks its cache has passed, and how many it may pass. Each
     * test has a count of its own, so a thread that still holds an earlier one adds to that one
     * only. Counted by the threads that run the cache's code, without a lock (a count a thread
     * loses to another is lost, not wrong by more than that); read by the test's runner thread
     * once its threads have ended, and by the watchdog only through {@link #overBudget}.
     */
    private static final class Count {
        private final long budget;
        private long steps;
        private volatile boolean over;

        Count(long budget) {
            this.budget = budget;
        }
    }

    private static volatile Count count = new Count(Long.MAX_VALUE);
    /**
     * Threads an earlier test left running (a time limit of its own whose failure it caught or
     * that JUnit does not stop): not the running test's work. Such a thread that read this before
     * the count changed and the count after adds one step to it, no more.
     */
    private static volatile Thread[] earlier = new Thread[0];

    private LoopStop() {
    }

    /**
     * Called by the corpus's classes at every method and every turn of a loop: throws
     * {@link Stopped} once the stop is set; marks the test {@link #overBudget} once its cache has
     * passed more checks than its budget.
     */
    public static void check() {
        if (stopping) {
            throw new Stopped();
        }
        Thread[] left = earlier;
        if (left.length > 0 && isAmong(Thread.currentThread(), left)) {
            return;
        }
        Count running = count;
        if (++running.steps > running.budget && !running.over) {
            running.over = true;
        }
    }

    private static boolean isAmong(Thread thread, Thread[] threads) {
        for (Thread other : threads) {
            if (other == thread) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the count for the test about to start on this thread: {@code limit} checks before
     * it is {@link #overBudget} ({@code Long.MAX_VALUE}: no limit); the checks of the threads in
     * {@code leftRunning}, an earlier test's, are not counted. The test's own threads are started
     * after this, from this thread, and see it.
     */
    static void count(long limit, List<Thread> leftRunning) {
        earlier = leftRunning.toArray(new Thread[0]);
        count = new Count(limit);
    }

    /** The checks counted since {@link #count}: read once the test and its threads have ended. */
    static long steps() {
        return count.steps;
    }

    /** Whether the running test's cache has passed more checks than its budget: a cache that loops, or works far too hard. */
    static boolean overBudget() {
        return count.over;
    }

    /** Sets the stop (the running test has its verdict), or clears it (the next test starts). */
    static void stop(boolean on) {
        stopping = on;
    }

    /** What a corpus cache throws when its test's time is up; no stack, nothing to catch it for. */
    static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the test's time was up on this cache: it was stopped", null, false, false);
        }
    }
}
