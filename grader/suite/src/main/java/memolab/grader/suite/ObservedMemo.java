package memolab.grader.suite;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import memolab.CacheStats;
import memolab.Fibonacci;
import memolab.LruCache;
import memolab.grader.rules.ExerciseRules;

/**
 * The student's {@code Fibonacci} on the grader's own {@code LruCache}: loaded by
 * {@link WithoutAssertions#loadOnTrustedCache}, where {@code memolab.LruCache} is the
 * reference's, so what the counters say is what the memoizer really asked of its cache,
 * whatever the student's cache would report or sniff. {@code apply(capacity, n)} runs
 * {@code fib(n)} on a fresh {@code Fibonacci(capacity)} and returns, as numbers (the two
 * loaders' {@code CacheStats} are different classes): how many such caches the memoizer holds,
 * the first one's counters, and what {@code cacheInfo()} reported, at the indexes below.
 * Final grading only: the visible jar and the template never carry the grader's cache.
 */
final class ObservedMemo implements BiFunction<Integer, Integer, long[]> {

    static final int CACHES = 0;
    static final int OBSERVED = 1;
    static final int REPORTED = 6;
    static final int VALUE_RIGHT = 11;
    static final int LENGTH = 12;

    @Override
    public long[] apply(Integer capacity, Integer n) {
        Fibonacci fibonacci = new Fibonacci(capacity);
        BigInteger value = fibonacci.fib(n);
        List<Object> caches = instancesIn(fibonacci, LruCache.class);
        long[] seen = new long[LENGTH];
        seen[CACHES] = caches.size();
        if (!caches.isEmpty()) {
            put(seen, OBSERVED, ((LruCache<?, ?>) caches.get(0)).stats());
        }
        put(seen, REPORTED, fibonacci.cacheInfo());
        seen[VALUE_RIGHT] = PlainValues.fib(n).equals(value) ? 1 : 0;
        return seen;
    }

    private static void put(long[] into, int at, CacheStats stats) {
        into[at] = stats.hits();
        into[at + 1] = stats.misses();
        into[at + 2] = stats.evictions();
        into[at + 3] = stats.size();
        into[at + 4] = stats.capacity();
    }

    /** A fresh copy of this driver on the grader's own cache, in final grading; empty elsewhere. */
    @SuppressWarnings("unchecked")
    static java.util.Optional<BiFunction<Integer, Integer, long[]>> onTrustedCache() {
        return WithoutAssertions.loadOnTrustedCache(ObservedMemo.class, BiFunction.class, new Class<?>[0])
                .map(driver -> (BiFunction<Integer, Integer, long[]>) driver);
    }

    /** The counters at {@code at} ({@link #OBSERVED} or {@link #REPORTED}) as the suite's own {@code CacheStats}. */
    static CacheStats stats(long[] seen, int at) {
        return new CacheStats(seen[at], seen[at + 1], seen[at + 2], (int) seen[at + 3], (int) seen[at + 4]);
    }

    /** How many objects deep {@link #instancesIn} looks: Fibonacci, a helper of its own, and one more. */
    static final int DEPTH = 3;

    /**
     * The instances of {@code type} that the object's fields hold, up to {@link #DEPTH}
     * objects deep: its own fields (static or not), and those of objects of the student's classes
     * they hold (a helper that wraps the cache, a lambda that captured it). {@code type} is a class
     * object, so that this class, loaded with the grader's own cache, finds that cache, and
     * {@link MemoGuard}, in the suite's loader, finds the student's.
     */
    static List<Object> instancesIn(Object object, Class<?> type) {
        List<Object> caches = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>(Map.of(object, Boolean.TRUE));
        List<Object> level = List.of(object);
        for (int depth = 0; depth < DEPTH && !level.isEmpty(); depth++) {
            List<Object> next = new ArrayList<>();
            for (Object holder : level) {
                for (Object held : fieldValues(holder)) {
                    if (seen.put(held, Boolean.TRUE) != null) {
                        continue; // each object once, however many fields hold it
                    }
                    if (type.isInstance(held)) {
                        caches.add(held);
                    } else if (ExerciseRules.isStudentClass(held.getClass().getName())) {
                        next.add(held);
                    }
                }
            }
            level = next;
        }
        return caches;
    }

    /** The non-null values of an object's reference fields (its own and inherited, static or not). */
    private static List<Object> fieldValues(Object object) {
        List<Object> values = new ArrayList<>();
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object held = field.get(Modifier.isStatic(field.getModifiers()) ? null : object);
                    if (held != null) {
                        values.add(held);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field that cannot be read holds nothing this check can use
                }
            }
        }
        return values;
    }
}
