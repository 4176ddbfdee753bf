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

    private final LruCache<Integer, Integer> cache;
    private final Integer[] keys = new Integer[KEY_STREAM]; // boxed up front: no allocation while timing
    private final int capacity;
    private final long seed;
    private int next;
    private long sink;                                     // keeps the JIT from dropping the calls
    private long calls;                                    // timed calls so far
    private long misses;                                   // ...of which get returned null

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
                    misses++;
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
        this.calls += calls;
        return (double) elapsed / calls;
    }

    /**
     * The timed cache must have stayed full (no more, no fewer entries than its capacity), and
     * a fresh cache of the same capacity must answer a stream of calls exactly as an LRU cache
     * does. Outside the timed rounds.
     */
    private void verify() {
        if (cache.size() != capacity) {
            throw new AssertionError(String.format(Locale.ROOT, "At capacity %,d, after %,d timed calls (get, then put "
                    + "on a miss, keys drawn from 0 to %,d, %,d of them missed), your cache held %,d entries; an LRU cache "
                    + "stays full at exactly its capacity. Its speed cannot be compared while it does not evict as the "
                    + "contract says (see LRU behaviour).", capacity, calls, 2 * capacity - 1, misses, cache.size()));
        }
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
        for (int call = 1; call <= 20_000; call++) {
            Integer key = random.nextInt(2 * capacity);
            Integer got = fresh.get(key);
            Integer expected = model.get(key);
            if (!java.util.Objects.equals(got, expected)) {
                throw new AssertionError(String.format(Locale.ROOT, "At capacity %,d, filled with 0 to %,d, then call "
                        + "%,d of a stream of random gets (each followed by put on a miss): get(%d) returned %s, an LRU "
                        + "cache returns %s. Its speed cannot be compared while it does not evict as the contract says "
                        + "at this capacity (see LRU behaviour).", capacity, capacity - 1, call, key, got, expected));
            }
            if (got == null) {
                fresh.put(key, key);
                model.put(key, key);
            }
        }
    }
}
