package memolab.grader.suite;

import java.util.Random;
import java.util.function.BiFunction;
import memolab.LruCache;
import memolab.grader.shared.WorkMeter;

/**
 * The calls whose steps {@link StepCheck} counts: a cache of the given capacity, filled, then
 * two calls per entry of its capacity drawn from a fixed stream (keys from twice the
 * capacity, so about half the look-ups miss and most puts evict): get, put, containsKey,
 * remove, computeIfAbsent, size and stats. {@code apply(capacity, budget)} returns, per kind
 * of call, the steps of student code counted and the calls made; it stops early once the
 * calls have taken more than {@code budget} steps (a method that walks all its entries would
 * otherwise take hours at a large capacity). Loaded by {@link WithoutAssertions} on copies
 * of the student's classes that count their steps, so it must not use the suite's other
 * classes. A call that throws is counted all the same: a bug belongs to the behaviour tests.
 */
final class StepWorkload implements BiFunction<Integer, Long, long[]> {

    /** The kinds of call, in the order of the arrays {@code apply} returns. */
    static final String[] KINDS = {"get", "put", "containsKey", "remove", "computeIfAbsent", "size", "stats"};

    /** Calls per entry of the capacity: enough that a structure tidied now and then (amortised O(1)) shows its average. */
    static final int CALLS_PER_ENTRY = 2;

    private final long seed;

    StepWorkload(Long seed) {
        this.seed = seed;
    }

    @Override
    public long[] apply(Integer capacity, Long budget) {
        LruCache<Integer, Integer> cache = new LruCache<>(capacity);
        for (int key = 0; key < capacity; key++) {
            cache.put(key, key);
        }
        long[] steps = new long[KINDS.length];
        long[] calls = new long[KINDS.length];
        Random random = new Random(seed);
        long start = WorkMeter.steps();
        for (long i = 0, n = (long) CALLS_PER_ENTRY * capacity; i < n && WorkMeter.steps() - start <= budget; i++) {
            int roll = random.nextInt(100);
            Integer key = random.nextInt(2 * capacity);
            int kind = roll < 35 ? 0 : roll < 60 ? 1 : roll < 70 ? 2 : roll < 78 ? 3 : roll < 88 ? 4 : roll < 94 ? 5 : 6;
            long before = WorkMeter.steps();
            try {
                switch (kind) {
                    case 0 -> cache.get(key);
                    case 1 -> cache.put(key, key);
                    case 2 -> cache.containsKey(key);
                    case 3 -> cache.remove(key);
                    case 4 -> cache.computeIfAbsent(key, k -> k);
                    case 5 -> cache.size();
                    default -> cache.stats();
                }
            } catch (RuntimeException bug) {
                // counted all the same: what a call costs is the question here
            }
            steps[kind] += WorkMeter.steps() - before;
            calls[kind]++;
        }
        long[] result = new long[2 * KINDS.length];
        System.arraycopy(steps, 0, result, 0, KINDS.length);
        System.arraycopy(calls, 0, result, KINDS.length, KINDS.length);
        return result;
    }
}
