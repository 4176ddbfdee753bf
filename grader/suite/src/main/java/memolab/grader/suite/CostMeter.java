package memolab.grader.suite;

import memolab.grader.shared.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * Measures the cost per call of a student's {@code LruCache} at a small and a large
 * capacity, side by side in one JVM, and compares them as a ratio: absolute times drift on
 * a shared machine, a ratio measured in the same run does not drift with them.
 *
 * <p>The workload ({@link CostWorkload}): keys drawn uniformly from twice the capacity,
 * {@code get} each, and {@code put} it on a miss; so about half the calls hit (and move an
 * entry) and half evict. Rounds of both sizes alternate, after warm-up rounds that let the
 * JIT compile the code, and the medians are compared. The student's {@code assert}
 * statements are off while it measures (see {@link WithoutAssertions}).
 */
final class CostMeter {

    /** Beyond this ratio the cost clearly grows with capacity. See {@link #assertConstantCost}. */
    static final double LIMIT = 20.0;

    private CostMeter() {
    }

    /** A filled cache and its key stream, on the student's classes with their assertions off. */
    private static LongToDoubleFunction workload(int capacity, long seed) {
        return WithoutAssertions.load(CostWorkload.class, LongToDoubleFunction.class,
                new Class<?>[] {int.class, long.class}, capacity, seed);
    }

    /** Median nanoseconds per call at each capacity. */
    record Cost(int smallCapacity, double smallNanos, int largeCapacity, double largeNanos) {
        double ratio() {
            return largeNanos / smallNanos;
        }
    }

    static Cost measure(int smallCapacity, int largeCapacity, int rounds, long roundNanos) {
        LongToDoubleFunction small = workload(smallCapacity, 1);
        LongToDoubleFunction large = workload(largeCapacity, 2);
        for (int i = 0; i < 2; i++) { // warm-up: let the JIT compile both paths
            small.applyAsDouble(roundNanos);
            large.applyAsDouble(roundNanos);
        }
        double[] smallNanos = new double[rounds];
        double[] largeNanos = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            smallNanos[i] = small.applyAsDouble(roundNanos);
            largeNanos[i] = large.applyAsDouble(roundNanos);
        }
        small.applyAsDouble(-1); // each cache behaved as an LRU cache of its capacity
        large.applyAsDouble(-1);
        return new Cost(smallCapacity, Statistics.median(smallNanos), largeCapacity, Statistics.median(largeNanos));
    }

    /**
     * Fails unless the cost per call at the large capacity is within {@link #LIMIT} times the
     * cost at the small one.
     *
     * <p>Why this cannot flake: a constant-time cache measures 1 to 5 times here (the large
     * cache no longer fits in the processor's caches, which costs a few times, never
     * twenty); a cache that walks a list on each call measures about
     * {@code largeCapacity / smallCapacity} = 100 times or more. Medians of alternating
     * rounds absorb a pause or a busy neighbour in any one round.
     */
    static void assertConstantCost(int smallCapacity, int largeCapacity, int rounds) {
        Cost cost = measure(smallCapacity, largeCapacity, rounds, 120_000_000L);
        Measure.log("cost " + largeCapacity + "/" + smallCapacity, cost.ratio(), String.format(Locale.ROOT, "< %.0f", LIMIT));
        assertThat(cost.ratio())
                .withFailMessage(() -> String.format(Locale.ROOT,
                        "At capacity %,d a call (get, then put on a miss) took %s; at capacity %,d it took %s: "
                                + "%.1f times as long. The cost of a call must not grow with the capacity: a "
                                + "constant-time cache stays within %.0f times here (usually 1 to 5), a cache that "
                                + "searches a list on each call is about %d times slower. The usual causes, most common "
                                + "first: a search of a list (indexOf, remove(Object), contains on a list); a scan of "
                                + "the entries (for the oldest one, or to count them); an expensive check run on every "
                                + "call outside an assert statement (your assert statements are off while this "
                                + "test measures). Look in get, put and the eviction.",
                        cost.smallCapacity(), Measure.duration(cost.smallNanos()), cost.largeCapacity(),
                        Measure.duration(cost.largeNanos()), cost.ratio(), LIMIT, largeCapacity / smallCapacity))
                .isLessThan(LIMIT);
    }
}
