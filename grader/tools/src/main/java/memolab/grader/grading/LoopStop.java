package memolab.grader.grading;

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
 * <p>A student's tests cannot name this class: their rules allow the JDK, JUnit, AssertJ and
 * the kit's property checker only.
 */
public final class LoopStop {

    /** The class, as a class file names it, for the calls the corpus's classes get. */
    static final String OWNER = LoopStop.class.getName().replace('.', '/');

    /** The method the corpus's classes call. */
    static final String CHECK = "check";

    private static volatile boolean stopping;

    private LoopStop() {
    }

    /** Called by the corpus's classes at every method and every turn of a loop: throws {@link Stopped} once the stop is set. */
    public static void check() {
        if (stopping) {
            throw new Stopped();
        }
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
