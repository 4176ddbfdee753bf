package memolab.grader.suite;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import memolab.LruCache;

/**
 * One cache of {@link CostMeter}'s, filled, with its stream of keys; {@code applyAsDouble}
 * runs one timed round, and with a negative argument checks that the cache behaved as an LRU
 * cache of its capacity (a cache that stops evicting at large capacities is fast for the
 * wrong reason). Loaded by {@link WithoutAssertions}, so it must not use the suite's other
 * classes.
 */
final class CostWorkload implements LongToDoubleFunction {

    /** Filling a cache must not take longer than this; a correct cache takes milliseconds. */
    private static final long FILL_LIMIT_NANOS = 15_000_000_000L;

    private static final int KEY_STREAM = 1 << 16;

    /** The capacity at which {@link #verify} checks that the cache is an LRU cache at all. */
    private static final int SMALL = 8;

    private final LruCache<Integer, Integer> cache;
    private final Integer[] keys = new Integer[KEY_STREAM]; // boxed up front: no allocation while timing
    private final int capacity;
    private final long seed;
    private int next;
    private long sink;                                     // keeps the JIT from dropping the calls

    CostWorkload(int capacity, long seed) {
        this.capacity = capacity;
        this.seed = seed;
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

    /** Runs calls for about {@code nanos}; returns nanoseconds per call. A negative {@code nanos}: {@link #verify}. */
    @Override
    public double applyAsDouble(long nanos) {
        if (nanos < 0) {
            verify();
            return 0;
        }
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

    /**
     * A cache that is fast for the wrong reason must not pass: one that stops keeping recency
     * or stops evicting at large capacities. So, outside the timed rounds, a fresh cache of
     * this capacity must answer a stream of random calls as an LRU cache does, unless it does
     * not at a small capacity either: that is a behaviour bug, which the LRU categories judge,
     * not this test.
     */
    private void verify() {
        String large = differenceFromLru(capacity, 20_000);
        if (large != null && differenceFromLru(SMALL, 2_000) == null) {
            throw new AssertionError(String.format(Locale.ROOT, "Your cache behaves as an LRU cache at capacity %d, but "
                    + "not at capacity %,d: %s. Its speed at capacity %,d cannot be compared while it works differently "
                    + "there: the same code must run at every capacity.", SMALL, capacity, large, capacity));
        }
    }

    /** The first way a fresh cache of {@code capacity} differs from an LRU cache on random calls, or null. */
    private String differenceFromLru(int capacity, int calls) {
        LruCache<Integer, Integer> fresh = new LruCache<>(capacity);
        Map<Integer, Integer> model = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > capacity;
            }
        };
        for (int key = 0; key < capacity; key++) {
            fresh.put(key, key);
            model.put(key, key);
        }
        Random random = new Random(seed + 17);
        for (int call = 1; call <= calls; call++) {
            Integer key = random.nextInt(2 * capacity);
            Integer got = fresh.get(key);
            Integer expected = model.get(key);
            if (!java.util.Objects.equals(got, expected)) {
                return String.format(Locale.ROOT, "filled with 0 to %,d, then at call %,d of a stream of random gets "
                        + "(each followed by put on a miss), get(%d) returned %s where an LRU cache returns %s",
                        capacity - 1, call, key, got, expected);
            }
            if (got == null) {
                fresh.put(key, key);
                model.put(key, key);
            }
        }
        return fresh.size() == capacity ? null
                : String.format(Locale.ROOT, "after %,d calls it held %,d entries instead of %,d", calls, fresh.size(), capacity);
    }
}
