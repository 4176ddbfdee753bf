package memolab.grader.suite;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a deep recursion on a fresh thread with the JVM's default stack size.
 *
 * <p>A test's own thread already holds the frames of the test runner (more of them when the
 * grader runs the suite in-process), so how deep a recursion may go there depends on who
 * called the test. A fresh thread gives every submission the same room: the default stack,
 * as in a plain {@code java} program. The reference's fresh {@code fib(n)} fits up to
 * n = 1,800 or more there (measured on JDK 17 and 25), well above the 1,000 required.
 */
final class DefaultStack {

    private DefaultStack() {
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
        }, "memolab-default-stack", 0); // 0: the JVM's default stack size
        thread.setDaemon(true); // an endless loop must not keep the JVM alive after the test's timeout
        thread.start();
        thread.join();
        Throwable thrown = failure.get();
        if (thrown instanceof StackOverflowError) {
            throw new AssertionError(what + " ran out of stack (StackOverflowError) with the JVM's default "
                    + "stack size. A memoized fib(1000) recurses 1,000 levels deep; that fits when each level "
                    + "costs a few small frames (fib, computeIfAbsent, the loader). Look for extra calls per "
                    + "level or a recursion that does not stop at the cached values.", thrown);
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
