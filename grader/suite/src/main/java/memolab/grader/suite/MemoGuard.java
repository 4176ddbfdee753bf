package memolab.grader.suite;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import memolab.CacheStats;
import memolab.Fibonacci;
import memolab.LruCache;
import memolab.grader.Guard;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.rules.RuleViolation;

/**
 * The check behind {@link Guard#MEMO_IN_LRU_CACHE}: a fresh {@code Fibonacci(128)} that has
 * computed {@code fib(30)} must hold an {@code LruCache} that was both searched (hits and
 * misses) and filled, and its {@code cacheInfo()} must be that cache's own counters. A memo
 * kept in a {@code HashMap}, an iterative loop, or counters made up to look right all fail
 * it, whatever the cache's own bugs: those are judged by the LRU categories. Where the cache
 * does not count a simple hit, miss and entry right (with {@code String} values, as the LRU
 * tests use), its counters say nothing, and the check asks only that the cache holds something
 * after {@code fib(30)}. Where {@code fib(30)} throws on two fresh instances, the code alone is
 * judged.
 */
final class MemoGuard {

    private static final int N = 30;

    private MemoGuard() {
    }

    static void check() {
        Fibonacci fibonacci = new Fibonacci(128);
        BigInteger value;
        try {
            value = fibonacci.fib(N);
        } catch (RuntimeException | StackOverflowError e) {
            // Once more on another fresh instance: code that throws only the first time (to be
            // judged by its code alone) gets judged by what it does.
            fibonacci = new Fibonacci(128);
            try {
                value = fibonacci.fib(N);
            } catch (RuntimeException | StackOverflowError again) {
                // fib cannot run (Fibonacci values says why): judge by the code alone, as far as it goes.
                if (!StudentClasses.facts().fibonacciUsesLruCache()) {
                    throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. Fibonacci does not "
                            + "use LruCache at all." + consequence());
                }
                return;
            }
        }
        List<LruCache<?, ?>> caches = cachesIn(fibonacci);
        if (caches.isEmpty()) {
            throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. A fresh Fibonacci(128) holds "
                    + "no LruCache in any of its fields after fib(" + N + "), nor in an object of yours that a field holds. "
                    + "Keep one, made in the constructor with the given capacity, and let every fib(k) go through it."
                    + consequence());
        }
        if (!countsASimpleCaseRight()) {
            // Its counters cannot be trusted: judge by what the cache holds, however it counts.
            for (LruCache<?, ?> cache : caches) {
                if (holdsSomething(cache)) {
                    return;
                }
            }
            throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. After fib(" + N + ") on a "
                    + "fresh Fibonacci(128), its LruCache holds nothing (size(), keys() and containsKey(" + N + ") all say "
                    + "so). Each fib(k) should store its result there." + consequence());
        }
        CacheStats reported = fibonacci.cacheInfo();
        String seen = "";
        for (LruCache<?, ?> cache : caches) {
            CacheStats own = cache.stats();
            boolean searched = own.hits() > 0 && own.misses() > 0;
            boolean filled = cache.size() > 0;
            boolean honest = own.equals(reported);
            if (searched && filled && honest) {
                return;
            }
            seen = "its LruCache reports " + own + " and holds " + cache.size() + " entries; cacheInfo() reports " + reported
                    + (!filled ? ": nothing was stored in the cache"
                    : !searched ? ": the results were never " + (own.misses() == 0 ? "looked up" : "found") + " in the cache"
                    : ": cacheInfo() does not report the cache's own counters");
        }
        throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. After fib(" + N + ") = " + value
                + " on a fresh Fibonacci(128), " + seen + ". Each fib(k) should look k up in the cache, and on a miss "
                + "compute fib(k - 1) + fib(k - 2) and store it there, as Python's @lru_cache does; cacheInfo() "
                + "returns the cache's stats()." + consequence());
    }

    @SuppressWarnings("unchecked")
    private static boolean holdsSomething(LruCache<?, ?> cache) {
        try {
            if (cache.size() > 0 || !cache.keys().isEmpty()) {
                return true;
            }
        } catch (RuntimeException e) {
            // try the next sign
        }
        try {
            return ((LruCache<Integer, ?>) cache).containsKey(N);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String consequence() {
        return "\nWhile it does not, the memoization categories (" + Guard.MEMO_IN_LRU_CACHE.guardedTitles()
                + ") earn nothing: their counters and timings would not measure memoization in your cache.";
    }

    /**
     * Whether the cache counts one hit, one miss and one entry right. With {@code String} values,
     * as the LRU tests use: a cache that counted right only for values of another type than
     * Fibonacci's {@code BigInteger} would otherwise have its counters in {@code fib} trusted by
     * nobody, and be judged by what it holds alone.
     */
    private static boolean countsASimpleCaseRight() {
        try {
            LruCache<Integer, String> cache = new LruCache<>(4);
            cache.put(1, "one");
            cache.get(1);
            cache.get(2);
            CacheStats stats = cache.stats();
            return stats.hits() == 1 && stats.misses() == 1 && stats.size() == 1 && cache.size() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** How many objects deep {@link #cachesIn} looks: Fibonacci, a helper of its own, and one more. */
    private static final int DEPTH = 3;

    /**
     * The LruCaches that the object's fields (its own and inherited, static or not) hold, or
     * that a field holds through objects of the student's own classes (a helper that wraps the
     * cache, a lambda that captured it), up to {@link #DEPTH} objects deep.
     */
    private static List<LruCache<?, ?>> cachesIn(Object object) {
        List<LruCache<?, ?>> caches = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>(Map.of(object, Boolean.TRUE));
        List<Object> level = List.of(object);
        for (int depth = 0; depth < DEPTH && !level.isEmpty(); depth++) {
            List<Object> next = new ArrayList<>();
            for (Object holder : level) {
                for (Object held : fieldValues(holder)) {
                    if (seen.put(held, Boolean.TRUE) != null) {
                        continue; // each object once, however many fields hold it
                    }
                    if (held instanceof LruCache<?, ?> cache) {
                        caches.add(cache);
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
