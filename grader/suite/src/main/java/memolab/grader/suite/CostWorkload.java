package memolab.grader.suite;

import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.LongToDoubleFunction;
import java.util.function.Supplier;
import memolab.LruCache;

/**
 * One cache of {@link CostMeter}'s, filled, with its stream of keys; {@code applyAsDouble}
 * runs one timed round, and with a negative argument checks that the cache behaved as an LRU
 * cache of its capacity (a cache that stops evicting at large capacities is fast for the
 * wrong reason). Loaded by {@link WithoutAssertions}, in a runtime package of its own, so of
 * the suite's other classes it may use only public ones that use no {@code LruCache} (its
 * model, {@link IntLru}).
 */
final class CostWorkload implements LongToDoubleFunction, Supplier<String> {

    /** Filling a cache must not take longer than this; a correct cache takes milliseconds. */
    private static final long FILL_LIMIT_NANOS = 15_000_000_000L;

    private static final int KEY_STREAM = 1 << 16;

    /** The capacity at which {@link #verify} checks that the cache is an LRU cache at all. */
    private static final int SMALL = 8;

    private final LruCache<Integer, Integer> cache;
    private final Integer[] keys = new Integer[KEY_STREAM]; // boxed up front: no allocation while timing
    private final int capacity;
    private final long seed;
    private long next;                                     // calls made so far: the next key is keys[next % KEY_STREAM]
    private long sink;                                     // keeps the JIT from dropping the calls
    private String letThrough;                             // how the timed cache differed from LRU, if verify let it be

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
                Integer key = keys[(int) (next++ & (KEY_STREAM - 1))];
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
     * or stops evicting at large capacities, or only in the instance that is timed. So, outside
     * the timed rounds, the timed cache itself goes on with the same stream of calls and must
     * answer them as an LRU cache in its state would (each call leaves its key the most recently
     * used, so that state is the last {@code capacity} distinct keys). Where it does not: a
     * cache that does not evict at all (a fresh one of capacity 8 given 16 keys holds more than
     * 12) does none of the work whose cost is measured, and fails; one that is an LRU cache at
     * capacity 8 works differently at this capacity, and fails; any other difference is left to
     * {@link #get}, for the test to check the cache where its behaviour is tested (assertions on,
     * other values): the same difference there is a behaviour bug, which the LRU categories
     * judge, not this test.
     */
    private void verify() {
        String timed = timedDifference(20_000);
        if (timed == null) {
            return;
        }
        int held = heldAfter(SMALL);
        if (held > SMALL + SMALL / 2) {
            throw new AssertionError(String.format(Locale.ROOT, "Your cache does not evict: a fresh cache of capacity %d, "
                    + "given the keys 0 to %d, still held %d of them, where an LRU cache holds %d; and %s. A cache that "
                    + "keeps every entry does none of the work whose cost this test measures: put must remove the least "
                    + "recently used entry once the cache is full. (Your assert statements are off while this test "
                    + "measures: an eviction written inside one, assert map.remove(key) != null, does not run here; "
                    + "an assert must only check.)", SMALL, 2 * SMALL - 1, held, SMALL, timed));
        }
        if (freshCacheIsLru(SMALL, 2_000)) {
            throw new AssertionError(String.format(Locale.ROOT, "Your cache behaves as an LRU cache at capacity %d, but "
                    + "not at capacity %,d (%s). Its speed at capacity %,d cannot be compared while it works differently "
                    + "there. The usual cause: keys compared with == instead of equals (Integer keys from -128 to 127 "
                    + "are shared objects, so == finds the small keys of a small cache and misses the larger keys of a "
                    + "large one); otherwise code that depends on the capacity or on the keys' size, which an LRU "
                    + "cache never does.", SMALL, capacity, timed, capacity));
        }
        letThrough = timed;
    }

    /** After {@link #verify}: how the timed cache differed from an LRU cache, where verify did not fail it; else null. */
    @Override
    public String get() {
        return letThrough;
    }

    /** The first way the timed cache, going on with its stream, differs from an LRU cache in its state; or null. */
    private String timedDifference(int calls) {
        // Its state: the capacity most recently touched distinct keys; the stream repeats every
        // KEY_STREAM calls, so earlier calls touch no other key, and before the stream came the fill.
        int[] recent = new int[capacity]; // most recent first
        int held = 0;
        boolean[] seen = new boolean[2 * capacity];
        for (long t = next - 1; t >= Math.max(0, next - KEY_STREAM) && held < capacity; t--) {
            int key = keys[(int) (t & (KEY_STREAM - 1))];
            if (!seen[key]) {
                seen[key] = true;
                recent[held++] = key;
            }
        }
        for (int key = capacity - 1; key >= 0 && held < capacity; key--) {
            if (!seen[key]) {
                seen[key] = true;
                recent[held++] = key;
            }
        }
        IntLru model = new IntLru(capacity, 2 * capacity);
        for (int i = held - 1; i >= 0; i--) {
            model.put(recent[i]);
        }
        long[] at = {next};
        String difference = differenceFromLru(cache, model, () -> keys[(int) (at[0]++ & (KEY_STREAM - 1))], calls);
        return difference == null ? null : String.format(Locale.ROOT, "the cache timed at capacity %,d, going on with the "
                + "calls it was timed on, %s", capacity, difference);
    }

    /**
     * How many of the keys 0 to 2 &times; {@code capacity} - 1, put in that order, a fresh cache
     * still holds: {@code capacity} for any cache that evicts (whichever entry it evicts), all
     * of them for one that never does.
     */
    private static int heldAfter(int capacity) {
        LruCache<Integer, Integer> fresh = new LruCache<>(capacity);
        for (int key = 0; key < 2 * capacity; key++) {
            fresh.put(key, key);
        }
        int held = 0;
        for (int key = 0; key < 2 * capacity; key++) {
            held += fresh.get(key) != null ? 1 : 0;
        }
        return held;
    }

    /** Whether a fresh cache of {@code capacity}, filled, answers {@code calls} random calls as an LRU cache does. */
    private boolean freshCacheIsLru(int capacity, int calls) {
        LruCache<Integer, Integer> fresh = new LruCache<>(capacity);
        IntLru model = new IntLru(capacity, 2 * capacity);
        for (int key = 0; key < capacity; key++) {
            fresh.put(key, key);
            model.put(key);
        }
        Random random = new Random(seed + 17);
        return differenceFromLru(fresh, model, () -> random.nextInt(2 * capacity), calls) == null;
    }

    /**
     * The first way {@code cache} differs from {@code model} on {@code calls} calls of the
     * workload's kind (get, and put on a miss), or null when it answers as an LRU cache throughout.
     */
    private static String differenceFromLru(LruCache<Integer, Integer> cache, IntLru model, IntSupplier stream, int calls) {
        for (int call = 1; call <= calls; call++) {
            Integer key = stream.getAsInt();
            Integer got = cache.get(key);
            Integer expected = model.get(key);
            if (!java.util.Objects.equals(got, expected)) {
                return String.format(Locale.ROOT, "at call %,d of a stream of random gets (each followed by put on a "
                        + "miss) returned %s for get(%d) where an LRU cache returns %s", call, got, key, expected);
            }
            if (got == null) {
                cache.put(key, key);
                model.put(key);
            }
        }
        return cache.size() == model.size() ? null
                : String.format(Locale.ROOT, "after %,d calls it held %,d entries instead of %,d", calls, cache.size(), model.size());
    }
}
