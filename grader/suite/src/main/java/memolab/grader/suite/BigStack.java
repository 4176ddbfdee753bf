package memolab.grader.suite;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import memolab.grader.junit.OutcomeCollector;

/**
 * Runs a deep recursion on a fresh thread with a stack of its own, 32 MB.
 *
 * <p>A test's own thread already holds the frames of the test runner (more of them when the
 * grader runs the suite in a JVM of its own), and how many frames fit in the JVM's default
 * 1 MB depends on how far the JIT has compiled the code at that moment: the reference's fresh
 * {@code fib(n)} reached n = 1,843 to 9,800 on a default stack, measured on JDK 17, yet once
 * ran out of stack at n = 1,000 inside a graded run. A fresh thread with 32 times the default
 * gives every submission the same, ample room, so only a recursion that never stops (or one
 * with far too many calls per level) runs out.
 */
final class BigStack {

    /** The stack of the recursion's thread: 32 times the JVM's usual default of 1 MB. */
    static final long STACK_BYTES = 32L << 20;

    /** How long the recursion may run: less than the test's own limit (5 s), so this one names the line. */
    static final long LIMIT_MILLIS = 4_000;

    private BigStack() {
    }

    static <T> T call(String what, Callable<T> task) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, OutcomeCollector.TEST_CODE_THREAD, STACK_BYTES);
        thread.setDaemon(true); // an endless loop must not keep the JVM alive after the test's timeout
        thread.start();
        thread.join(LIMIT_MILLIS);
        if (thread.isAlive()) {
            StackTraceElement[] stack = thread.getStackTrace();
            throw new AssertionError(what + ": " + (OutcomeCollector.firstStudentFrame(stack) == null
                    ? "still running after " + LIMIT_MILLIS / 1000 + " s, in the test's own code. An endless loop?"
                    : OutcomeCollector.stillRunning(stack, LIMIT_MILLIS / 1000 + " s")));
        }
        Throwable thrown = failure.get();
        if (thrown instanceof StackOverflowError) {
            throw new AssertionError(what + " ran out of stack (StackOverflowError), even on a thread with a 32 MB "
                    + "stack, 32 times the usual default. A memoized fib(1000) recurses only 1,000 levels deep, a few "
                    + "small frames each (fib, computeIfAbsent, the loader). Look for a recursion that never stops: "
                    + "a base case (n < 2) that is never reached, or a loader that calls fib(n) for the same n.", thrown);
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        return result.get();
    }
}
