package memolab.grader.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * The yardstick of {@link CostMeter}'s second check: the same calls as a {@link CostWorkload}
 * of the same capacity and seed (get, then put on a miss, keys drawn from twice the capacity),
 * on a plain LRU cache, the JDK's {@code LinkedHashMap} in access order. Timed beside the
 * student's small cache, it says what a call costs on this machine, right now.
 */
final class PlainLruWorkload implements LongToDoubleFunction {

    private final Map<Integer, Integer> cache;
    private final Integer[] keys = new Integer[1 << 16];
    private long next;
    private long sink;

    PlainLruWorkload(int capacity, long seed) {
        cache = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > capacity;
            }
        };
        for (int key = 0; key < capacity; key++) {
            cache.put(key, key);
        }
        Random random = new Random(seed);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextInt(2 * capacity);
        }
    }

    /** Runs calls for about {@code nanos}; returns nanoseconds per call. */
    @Override
    public double applyAsDouble(long nanos) {
        long calls = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                Integer key = keys[(int) (next++ & (keys.length - 1))];
                Integer value = cache.get(key);
                sink += value == null ? put(key) : value;
            }
            calls += 64;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return sink == 42 ? elapsed + 1.0 / calls : (double) elapsed / calls;
    }

    private int put(Integer key) {
        cache.put(key, key);
        return 0;
    }
}
