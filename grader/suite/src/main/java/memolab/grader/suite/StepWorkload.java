package memolab.grader.suite;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
 * of the student's classes that count their steps, in a runtime package of its own, so of
 * the suite's other classes it may use only public ones that use no {@code LruCache} (its
 * model, {@link IntLru}). A call that throws is counted all the same: a bug belongs to the
 * behaviour tests.
 * Each answer is compared with an LRU cache's ({@link #get}), so that a cache cannot skip its
 * work where its steps are counted: {@link StepCheck} fails one that answers otherwise here and
 * as an LRU cache where its behaviour is tested.
 */
final class StepWorkload implements BiFunction<Integer, Long, long[]>, Supplier<String> {

    /** The kinds of call, in the order of the arrays {@code apply} returns. */
    static final String[] KINDS = {"get", "put", "containsKey", "remove", "computeIfAbsent", "size", "stats"};

    /** Calls per entry of the capacity: enough that a structure tidied now and then (amortised O(1)) shows its average. */
    static final int CALLS_PER_ENTRY = 2;

    private final long seed;
    private String difference; // the first answer, at either capacity, that an LRU cache would not have given
    private int differenceKind;

    StepWorkload(Long seed) {
        this.seed = seed;
    }

    @Override
    public long[] apply(Integer capacity, Long budget) {
        LruCache<Integer, Integer> cache = new LruCache<>(capacity);
        IntLru model = new IntLru(capacity, 2 * capacity);
        for (int key = 0; key < capacity; key++) {
            cache.put(key, key);
            model.put(key);
        }
        long[] steps = new long[KINDS.length];
        long[] calls = new long[KINDS.length];
        Random random = new Random(seed);
        long start = WorkMeter.steps();
        for (long i = 0, n = (long) CALLS_PER_ENTRY * capacity; i < n && WorkMeter.steps() - start <= budget; i++) {
            int kind = kind(random.nextInt(100));
            Integer key = random.nextInt(2 * capacity);
            long before = WorkMeter.steps();
            Object got = call(kind, cache, key, key);
            steps[kind] += WorkMeter.steps() - before;
            calls[kind]++;
            if (difference == null) {
                difference = differs(kind, key, got, call(kind, model, key), i + 1, capacity);
                differenceKind = kind;
            }
        }
        long[] result = new long[2 * KINDS.length];
        System.arraycopy(steps, 0, result, 0, KINDS.length);
        System.arraycopy(calls, 0, result, KINDS.length, KINDS.length);
        return result;
    }

    /**
     * After {@link #apply}: the first answer, at either capacity, that an LRU cache would not
     * have given, as its kind of call ({@link #KINDS}), a tab and what happened; or null.
     */
    @Override
    public String get() {
        return difference == null ? null : KINDS[differenceKind] + "\t" + difference;
    }

    /** The values the behaviour tests' random sequences store ({@code LruSequences}). */
    static final String[] LETTERS = {"a", "b", "c", "d", "e"};

    static int kind(int roll) {
        return roll < 35 ? 0 : roll < 60 ? 1 : roll < 70 ? 2 : roll < 78 ? 3 : roll < 88 ? 4 : roll < 94 ? 5 : 6;
    }

    /** One call of {@code kind} on the cache: what it returned (stats: the size it reports), or what it threw. */
    static <V> Object call(int kind, LruCache<Integer, V> cache, Integer key, V value) {
        try {
            return switch (kind) {
                case 0 -> cache.get(key);
                case 1 -> {
                    cache.put(key, value);
                    yield null;
                }
                case 2 -> cache.containsKey(key);
                case 3 -> cache.remove(key);
                case 4 -> cache.computeIfAbsent(key, k -> value);
                case 5 -> cache.size();
                default -> cache.stats().size();
            };
        } catch (RuntimeException bug) {
            return bug; // counted all the same: what a call costs is the question here
        }
    }

    /** The same call on the model, an LRU cache: a {@code LinkedHashMap} in access order (containsKey does not refresh). */
    static <V> Object call(int kind, Map<Integer, V> model, Integer key, V value) {
        return switch (kind) {
            case 0 -> model.get(key);
            case 1 -> {
                model.put(key, value);
                yield null;
            }
            case 2 -> model.containsKey(key);
            case 3 -> model.remove(key);
            case 4 -> model.computeIfAbsent(key, k -> value);
            default -> model.size();
        };
    }

    /** The same call on {@link IntLru}, the model at the large capacities, whose values are the keys themselves. */
    private static Object call(int kind, IntLru model, int key) {
        return switch (kind) {
            case 0 -> model.get(key);
            case 1 -> {
                model.put(key);
                yield null;
            }
            case 2 -> model.containsKey(key);
            case 3 -> model.remove(key);
            case 4 -> model.computeIfAbsent(key);
            default -> model.size();
        };
    }

    /** How an answer that differs from the model's reads in a failure message; null where they agree. */
    static String differs(int kind, Integer key, Object got, Object expected, long call, int capacity) {
        if (Objects.equals(got, expected)) {
            return null;
        }
        String what = switch (kind) {
            case 1 -> "put(" + key + ", ...)";
            case 5 -> "size()";
            case 6 -> "stats().size()";
            default -> KINDS[kind] + "(" + key + ")";
        };
        return String.format(Locale.ROOT, "at call %,d of a stream of random calls on a cache of capacity %,d, %s %s "
                + "where an LRU cache %s", call, capacity, what, got instanceof RuntimeException ? "threw " + got
                : "returned " + got, kind == 1 ? "returns normally" : "returns " + expected);
    }

    /** A map that evicts as an LRU cache of {@code capacity} does: the model. */
    static <V> Map<Integer, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
