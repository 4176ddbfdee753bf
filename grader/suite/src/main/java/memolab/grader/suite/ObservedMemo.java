package memolab.grader.suite;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * the counters of the one {@code cacheInfo()} reports (else of the one asked most), and what
 * {@code cacheInfo()} reported, at the indexes below.
 * Final grading only: the visible jar and the template never carry the grader's cache.
 */
final class ObservedMemo implements BiFunction<Integer, Integer, long[]> {

    static final int CACHES = 0;
    static final int OBSERVED = 1;
    static final int REPORTED = 6;
    static final int LENGTH = 11;

    @Override
    public long[] apply(Integer capacity, Integer n) {
        Fibonacci fibonacci = new Fibonacci(capacity);
        fibonacci.fib(n);
        List<Object> caches = instancesIn(fibonacci, LruCache.class);
        long[] seen = new long[LENGTH];
        seen[CACHES] = caches.size();
        CacheStats reported = fibonacci.cacheInfo();
        put(seen, REPORTED, reported);
        // Of several caches, the one cacheInfo() reports; else the one asked most.
        CacheStats chosen = null;
        for (Object cache : caches) {
            CacheStats stats = ((LruCache<?, ?>) cache).stats();
            if (stats.equals(reported)) {
                chosen = stats;
                break;
            }
            if (chosen == null || stats.hits() + stats.misses() > chosen.hits() + chosen.misses()) {
                chosen = stats;
            }
        }
        if (chosen != null) {
            put(seen, OBSERVED, chosen);
        }
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
