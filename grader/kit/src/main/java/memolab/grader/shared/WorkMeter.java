package memolab.grader.shared;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Counts the steps student code takes: a call of one of its methods, or one more turn of one
 * of its loops. Final grading defines copies of the student's classes with a call of
 * {@link #tick} at the start of every method and before every jump back to the top of a loop
 * ({@link #instrumenter}, which the grader's run installs); the cost tests run the same calls
 * on such copies at a small and a large capacity and compare the steps per call, a verdict
 * that no other load on the machine can change. Student code cannot reach this class: the
 * rules of the exercise allow only the JDK's classes.
 *
 * <p>Not thread-safe: the count is one plain field, read by one test at a time.
 */
public final class WorkMeter {

    private static long steps;
    private static volatile UnaryOperator<byte[]> instrumenter;

    private WorkMeter() {
    }

    /** One step of student code; called by the instrumented classes only. */
    public static void tick() {
        steps++;
    }

    /** The steps counted so far. */
    public static long steps() {
        return steps;
    }

    /** Installs what adds the calls of {@link #tick} to a class file (the grader's run does, before any test). */
    public static void install(UnaryOperator<byte[]> addTicks) {
        instrumenter = addTicks;
    }

    /** What adds the calls of {@link #tick} to a class file; empty outside final grading (a student's own run). */
    public static Optional<UnaryOperator<byte[]>> instrumenter() {
        return Optional.ofNullable(instrumenter);
    }
}
