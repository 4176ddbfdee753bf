package memolab.grader.suite;

import memolab.grader.shared.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import memolab.LruCache;

/**
 * Measures the cost per call of a student's {@code LruCache} at a small and a large
 * capacity, side by side in one JVM, and compares them as a ratio: absolute times drift on
 * a shared machine, a ratio measured in the same run does not drift with them.
 *
 * <p>The workload ({@link CostWorkload}): keys drawn uniformly from twice the capacity,
 * {@code get} each, and {@code put} it on a miss; so about half the calls hit (and move an
 * entry) and half evict. Rounds of both sizes alternate, after warm-up rounds that let the
 * JIT compile the code, and the medians are compared: first in a quick check of short rounds
 * that settles the clear cases, then, when it does not, in the full measurement. The student's {@code assert}
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

    /**
     * Median nanoseconds per call at each capacity, and whether the quick rounds alone decided;
     * and, where the ratio passed, the small cache's fastest round over a plain LRU cache's on the same
     * calls, in rounds of their own that alternate ({@link #PLAIN_LIMIT}; NaN where not measured).
     */
    record Cost(int smallCapacity, double smallNanos, int largeCapacity, double largeNanos, boolean quick,
            double overPlain) {
        double ratio() {
            return largeNanos / smallNanos;
        }

        Cost withOverPlain(double times) {
            return new Cost(smallCapacity, smallNanos, largeCapacity, largeNanos, quick, times);
        }
    }

    /**
     * A call at the small capacity may cost at most this many times a plain LRU cache's
     * ({@link PlainLruWorkload}), timed beside it. The ratio alone cannot tell a cache that is
     * fast at both capacities from one that wastes time at the small one to hide how its cost
     * grows (code can tell that its assertions are off, as they are while it is timed). The
     * reference takes about as long as the plain cache; a cache of one's own may take a few
     * times as long, never 30.
     */
    static final double PLAIN_LIMIT = 30;

    /**
     * The rounds of that comparison: short, after one of warm-up (the student's cache is warm
     * already), alternating; the fastest round of each side is compared. A round that loses
     * its core to a neighbour for part of its 5 ms only reads slower, so the fastest is the one
     * least disturbed; a cache that wastes time on every call wastes it in every round.
     */
    static final long PLAIN_ROUND_NANOS = 5_000_000L;
    static final int PLAIN_ROUNDS = 5;

    /** The full measurement's rounds: long enough that a pause or a busy neighbour is one round's noise. */
    static final long ROUND_NANOS = 120_000_000L;

    /** The quick check's rounds: how long each is, how many warm up the JIT, and how many it measures at most. */
    static final long QUICK_ROUND_NANOS = 10_000_000L;
    static final int QUICK_WARM_UP_ROUNDS = 5;
    static final int QUICK_ROUNDS = 12;

    /** At least this many quick rounds of each size before the quick check may decide. */
    static final int QUICK_MIN_ROUNDS = 4;

    /**
     * The quick check passes a cache whose ratio is below this, 0.3 of {@link #LIMIT}: the
     * reference measures about 2 to 5 here, and its worst in the full measurement is above
     * this (docs/performance.md, "Can the timing tests be trusted?"), so an early pass never
     * reports a thinner margin than the full measurement does; a cache that walks a list
     * measures far above the limit, in quick rounds as in full ones.
     */
    static final double DECISIVE = LIMIT * 0.3;

    /**
     * The quick check fails a cache whose ratio is above this, five times {@link #LIMIT}: far
     * beyond anything a constant-time cache measures (see {@link #assertConstantCost}), where
     * the full measurement could only confirm the failure.
     */
    static final double FUTILE = LIMIT * 5;

    /**
     * Measures until the verdict is clear: first quick rounds of 10 ms, which stop as soon as
     * (after {@link #QUICK_MIN_ROUNDS}) the ratio of their medians is below {@link #DECISIVE}
     * or above {@link #FUTILE}; otherwise the full measurement, with the same rounds as before
     * there was a quick check.
     */
    static Cost measure(int smallCapacity, int largeCapacity, int rounds) {
        StudentClasses.awaitEarlyRead();
        LongToDoubleFunction small = workload(smallCapacity, 1);
        LongToDoubleFunction large = workload(largeCapacity, 2);
        firstRound(small, smallCapacity);
        firstRound(large, largeCapacity);
        Cost cost = quick(small, large, smallCapacity, largeCapacity);
        if (cost == null) {
            cost = full(small, large, smallCapacity, largeCapacity, rounds);
        }
        if (cost.ratio() < LIMIT) {
            cost = cost.withOverPlain(overPlain(small, new PlainLruWorkload(smallCapacity, 1)));
            if (cost.overPlain() > PLAIN_LIMIT) {
                return cost; // it fails on that: no need to check at the slow cache's pace that it is an LRU cache
            }
        }
        small.applyAsDouble(-1); // each cache behaved as an LRU cache of its capacity
        large.applyAsDouble(-1);
        String timed = letThrough(small) != null ? letThrough(small) : letThrough(large);
        if (timed != null && asTestedIsLru(CHECKED_CAPACITY, 2_000)) {
            throw new AssertionError(String.format(Locale.ROOT, "Your cache behaves as an LRU cache where its behaviour is "
                    + "tested, but not where its cost is measured: %s. Its cost cannot be measured on code that works "
                    + "differently there. %s", timed, WORKS_DIFFERENTLY));
        }
        return cost;
    }

    /**
     * What makes a cache answer one way in the behaviour tests and another where its cost is
     * timed or counted, honest mistakes first: the behaviour tests run with assertions on and
     * small keys, the cost tests with assertions off and keys up to twice their capacity.
     */
    static final String WORKS_DIFFERENTLY = "The usual causes, most common first: work done inside an assert statement "
            + "(assert ++size <= capacity, assert map.remove(key) != null): the behaviour tests run with assertions on, "
            + "the cost tests with them off, where that work is not done, so an assert must only check; keys compared "
            + "with == instead of equals: Integer keys from -128 to 127 are shared objects, so == finds the behaviour "
            + "tests' small keys and misses the larger keys used here; code that depends on whether assertions are on, "
            + "on the type of its values or on which calls it gets, which an LRU cache never does. See "
            + "docs/3-designing-lru-cache.md, \"Invariants\".";

    /** The capacity at which {@link #asTestedIsLru} checks the cache, as the behaviour tests' capacities are: small. */
    static final int CHECKED_CAPACITY = 8;

    /** What the cost workload's check let through ({@link CostWorkload#get}): how the timed cache differed from LRU, or null. */
    private static String letThrough(LongToDoubleFunction workload) {
        return workload instanceof java.util.function.Supplier<?> verified ? (String) verified.get() : null;
    }

    /**
     * Whether a fresh cache of {@code capacity}, made here as the behaviour tests make theirs
     * (assertions on, {@code String} values from the same few letters), filled, answers
     * {@code calls} random gets, each followed by a put on a miss (the timed calls), as an LRU
     * cache does; an assertion of the student's that fails, or an exception, counts as an answer
     * that differs.
     */
    static boolean asTestedIsLru(int capacity, int calls) {
        LruCache<Integer, String> cache = new LruCache<>(capacity);
        Map<Integer, String> model = StepWorkload.lru(capacity);
        Random random = new Random(capacity * 31L + calls);
        try {
            for (int key = 0; key < capacity; key++) {
                String value = StepWorkload.LETTERS[random.nextInt(StepWorkload.LETTERS.length)];
                cache.put(key, value);
                model.put(key, value);
            }
            for (int call = 0; call < calls; call++) {
                int key = random.nextInt(2 * capacity);
                String got = cache.get(key);
                if (!Objects.equals(got, model.get(key))) {
                    return false;
                }
                if (got == null) {
                    String value = StepWorkload.LETTERS[random.nextInt(StepWorkload.LETTERS.length)];
                    cache.put(key, value);
                    model.put(key, value);
                }
            }
            return cache.size() == model.size();
        } catch (AssertionError | RuntimeException failed) {
            return false; // a bug where the behaviour is tested: theirs to judge
        }
    }

    /**
     * One quick round under {@link BigStack}'s limit rather than the test's own minutes: a cache
     * that never returns from a call (a loop in get, say) stops here, and its suite JVM is
     * replaced that much sooner. A round is 10 ms of calls; the slowest correct cache's single
     * call takes microseconds.
     */
    private static void firstRound(LongToDoubleFunction workload, int capacity) {
        try {
            BigStack.call("calls on a cache of capacity " + capacity, () -> workload.applyAsDouble(QUICK_ROUND_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing the cache", e);
        }
    }

    /** The small cache's fastest cost per call over the plain LRU cache's, in alternating rounds. */
    private static double overPlain(LongToDoubleFunction small, LongToDoubleFunction plain) {
        warmUp(small, plain, 1, PLAIN_ROUND_NANOS);
        double[] own = new double[PLAIN_ROUNDS];
        double[] yardstick = new double[PLAIN_ROUNDS];
        for (int i = 0; i < PLAIN_ROUNDS; i++) {
            own[i] = small.applyAsDouble(PLAIN_ROUND_NANOS);
            yardstick[i] = plain.applyAsDouble(PLAIN_ROUND_NANOS);
        }
        return Measure.min(own) / Measure.min(yardstick);
    }

    /** The quick check: a {@link Cost} far from the limit on either side, or null when it is not clear yet. */
    private static Cost quick(LongToDoubleFunction small, LongToDoubleFunction large, int smallCapacity, int largeCapacity) {
        warmUp(small, large, QUICK_WARM_UP_ROUNDS, QUICK_ROUND_NANOS);
        double[] smallNanos = new double[QUICK_ROUNDS];
        double[] largeNanos = new double[QUICK_ROUNDS];
        for (int i = 0; i < QUICK_ROUNDS; i++) {
            smallNanos[i] = small.applyAsDouble(QUICK_ROUND_NANOS);
            largeNanos[i] = large.applyAsDouble(QUICK_ROUND_NANOS);
            if (i + 1 >= QUICK_MIN_ROUNDS) {
                Cost cost = new Cost(smallCapacity, Statistics.median(Arrays.copyOf(smallNanos, i + 1)), largeCapacity,
                        Statistics.median(Arrays.copyOf(largeNanos, i + 1)), true, Double.NaN);
                if (cost.ratio() < DECISIVE || cost.ratio() > FUTILE) {
                    return cost;
                }
            }
        }
        return null;
    }

    /** Untimed alternating rounds that let the JIT compile both paths. */
    private static void warmUp(LongToDoubleFunction small, LongToDoubleFunction large, int rounds, long roundNanos) {
        for (int i = 0; i < rounds; i++) {
            small.applyAsDouble(roundNanos);
            large.applyAsDouble(roundNanos);
        }
    }

    /** The full measurement: alternating rounds of {@link #ROUND_NANOS} after two warm-up rounds of each. */
    private static Cost full(LongToDoubleFunction small, LongToDoubleFunction large, int smallCapacity, int largeCapacity,
            int rounds) {
        warmUp(small, large, 2, ROUND_NANOS);
        double[] smallNanos = new double[rounds];
        double[] largeNanos = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            smallNanos[i] = small.applyAsDouble(ROUND_NANOS);
            largeNanos[i] = large.applyAsDouble(ROUND_NANOS);
        }
        return new Cost(smallCapacity, Statistics.median(smallNanos), largeCapacity, Statistics.median(largeNanos), false,
                Double.NaN);
    }

    /**
     * Fails unless the cost per call at the large capacity is within {@link #LIMIT} times the
     * cost at the small one.
     *
     * <p>Why this cannot flake: a constant-time cache measures 1 to 5 times here (the large
     * cache no longer fits in the processor's caches, which costs a few times); a loaded
     * machine raises it, because a neighbour's memory traffic slows the large cache most
     * (docs/performance.md, "The cost tests' margins": the reference's worst, loaded, stays
     * well below the limit, and below the worst of this test as it was before the quick
     * check, measured beside it). A cache that walks a list on each call measures about
     * {@code largeCapacity / smallCapacity} = 100 times or more alone. Medians of alternating
     * rounds absorb a pause or a busy neighbour in any one round. The quick check decides
     * only far from the limit (below 0.3 of it, or above five times it); anything between is
     * judged by the full measurement.
     */
    static void assertConstantCost(int smallCapacity, int largeCapacity, int rounds) {
        long start = System.nanoTime();
        Cost cost = measure(smallCapacity, largeCapacity, rounds);
        Measure.log("cost " + largeCapacity + "/" + smallCapacity, cost.ratio(), String.format(Locale.ROOT, "< %.0f", LIMIT),
                cost.quick(), start);
        if (!Double.isNaN(cost.overPlain())) {
            Measure.log("cost " + largeCapacity + "/" + smallCapacity + " over plain", cost.overPlain(),
                    String.format(Locale.ROOT, "<= %.0f", PLAIN_LIMIT), false, start);
        }
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
        assertThat(cost.overPlain())
                .withFailMessage(() -> String.format(Locale.ROOT,
                        "At capacity %,d a call (get, then put on a miss) took %s, %,.0f times as long as on a plain LRU "
                                + "cache (java.util.LinkedHashMap in access order) timed beside it on the same calls; a "
                                + "cache of your own may take a few times as long, not %.0f times. A call must do only "
                                + "the work of its own entry: look for a loop or a search in get, put and the eviction "
                                + "that runs on every call, or an expensive check outside an assert statement (your "
                                + "assert statements are off while this test measures).",
                        cost.smallCapacity(), Measure.duration(cost.smallNanos()), cost.overPlain(), PLAIN_LIMIT))
                .isLessThanOrEqualTo(PLAIN_LIMIT);
        StepCheck.assertConstantSteps(smallCapacity, largeCapacity);
    }
}
