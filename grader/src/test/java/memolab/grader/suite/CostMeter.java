package memolab.grader.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import memolab.LruCache;

/**
 * Measures the cost per call of a student's {@code LruCache} at a small and a large
 * capacity, side by side in one JVM, and compares them as a ratio: absolute times drift on
 * a shared machine, a ratio measured in the same run does not drift with them.
 *
 * <p>The workload: keys drawn uniformly from twice the capacity, {@code get} each, and
 * {@code put} it on a miss; so about half the calls hit (and move an entry) and half
 * evict. Rounds of both sizes alternate, after warm-up rounds that let the JIT compile
 * the code, and the medians are compared.
 */
final class CostMeter {

    /** Beyond this ratio the cost clearly grows with capacity. See {@link #assertConstantCost}. */
    static final double LIMIT = 20.0;

    /** Filling a cache must not take longer than this; a correct cache takes milliseconds. */
    private static final long FILL_LIMIT_NANOS = 15_000_000_000L;

    private static final int KEY_STREAM = 1 << 16;

    private CostMeter() {
    }

    /** Median nanoseconds per call at each capacity. */
    record Cost(int smallCapacity, double smallNanos, int largeCapacity, double largeNanos) {
        double ratio() {
            return largeNanos / smallNanos;
        }
    }

    static Cost measure(int smallCapacity, int largeCapacity, int rounds, long roundNanos) {
        Workload small = new Workload(smallCapacity, 1);
        Workload large = new Workload(largeCapacity, 2);
        for (int i = 0; i < 2; i++) { // warm-up: let the JIT compile both paths
            small.round(roundNanos);
            large.round(roundNanos);
        }
        double[] smallNanos = new double[rounds];
        double[] largeNanos = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            smallNanos[i] = small.round(roundNanos);
            largeNanos[i] = large.round(roundNanos);
        }
        return new Cost(smallCapacity, Measure.median(smallNanos), largeCapacity, Measure.median(largeNanos));
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
                                + "searches a list on each call is about %d times slower. Look in get, put and the "
                                + "eviction for a loop or a linear search (indexOf, remove(Object), contains on a "
                                + "list, a scan for the oldest entry).",
                        cost.smallCapacity(), Measure.duration(cost.smallNanos()), cost.largeCapacity(),
                        Measure.duration(cost.largeNanos()), cost.ratio(), LIMIT, largeCapacity / smallCapacity))
                .isLessThan(LIMIT);
    }

    /** One cache, filled, with its stream of keys. */
    private static final class Workload {
        private final LruCache<Integer, Integer> cache;
        private final Integer[] keys = new Integer[KEY_STREAM]; // boxed up front: no allocation while timing
        private int next;
        private long sink;                                     // keeps the JIT from dropping the calls

        Workload(int capacity, long seed) {
            cache = new LruCache<>(capacity);
            long start = System.nanoTime();
            for (int key = 0; key < capacity; key++) {
                cache.put(key, key);
                if ((key & 1023) == 0 && System.nanoTime() - start > FILL_LIMIT_NANOS) {
                    throw new AssertionError(String.format(Locale.ROOT,
                            "Filling a cache of capacity %,d with put took more than %d s and was stopped after "
                                    + "%,d keys (a constant-time put fills it in well under a second). put must not "
                                    + "search a list or scan the entries.",
                            capacity, FILL_LIMIT_NANOS / 1_000_000_000L, key));
                }
            }
            Random random = new Random(seed);
            for (int i = 0; i < KEY_STREAM; i++) {
                keys[i] = random.nextInt(2 * capacity);
            }
        }

        /** Runs calls for about {@code nanos}; returns nanoseconds per call. */
        double round(long nanos) {
            long calls = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                for (int i = 0; i < 64; i++) {
                    Integer key = keys[next++ & (KEY_STREAM - 1)];
                    Integer value = cache.get(key);
                    if (value == null) {
                        cache.put(key, key);
                    } else {
                        sink += value;
                    }
                }
                calls += 64;
                elapsed = System.nanoTime() - start;
            } while (elapsed < nanos);
            if (sink == 42) {
                System.out.print(""); // never true in practice; makes sink observable
            }
            return (double) elapsed / calls;
        }
    }
}
