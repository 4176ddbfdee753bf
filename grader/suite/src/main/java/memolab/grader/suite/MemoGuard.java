package memolab.grader.suite;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import memolab.CacheStats;
import memolab.Fibonacci;
import memolab.LruCache;
import memolab.grader.Guard;
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
 *
 * <p>In final grading it also watches instead of asking: the student's {@code Fibonacci} runs
 * on the grader's own cache, whose counters are what it was really asked ({@link ObservedMemo}).
 * A cache that recognises the suite's yardstick, or counters a {@code Fibonacci} computes for
 * itself, change nothing there.
 */
final class MemoGuard {

    private static final int N = 30;

    private MemoGuard() {
    }

    static void check() {
        boolean ran = checkOnOwnCache();
        ObservedMemo.onTrustedCache().ifPresent(observed -> checkObserved(observed, ran));
    }

    /**
     * Final grading: the memoizer once more, on the grader's own cache ({@link ObservedMemo}),
     * which counts what it is really asked; nothing there for the student's cache to report
     * or to sniff. After {@code fib(30)} on a fresh {@code Fibonacci(128)}, a memoizer has
     * looked up each {@code fib(k)} once and missed (31 misses; 29 where the base cases skip
     * the cache), found the others there (28 hits, as Python counts; 27 without the base
     * cases, 26 or more in any order of the two calls), and stored each; and its
     * {@code cacheInfo()} says exactly that.
     *
     * @param ran whether {@code fib(30)} ran on the student's own cache (the message says so); an
     *            exception here breaks the rule either way
     */
    private static void checkObserved(BiFunction<Integer, Integer, long[]> observed, boolean ran) {
        long[] seen;
        try {
            seen = observed.apply(128, N);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // Whatever happened on the student's own cache: on a correct one, a Fibonacci that cannot compute fib(30)
            // shows no memoization to grade (and one that throws only where it is watched must not pass unwatched).
            throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. Final grading runs your "
                    + "Fibonacci once more on the course's own LruCache (the contract's methods only), which counts every "
                    + "call it gets; there fib(" + N + ") on a fresh Fibonacci(128) threw " + e + (ran ? ", though it "
                    + "ran on yours. Use only the LruCache methods the stub declares, and nothing that depends on how "
                    + "your cache is written." : ", as on yours: see Fibonacci values for why.") + consequence());
        }
        CacheStats counted = ObservedMemo.stats(seen, ObservedMemo.OBSERVED);
        CacheStats reported = ObservedMemo.stats(seen, ObservedMemo.REPORTED);
        String what = seen[ObservedMemo.CACHES] == 0
                ? "it holds no LruCache in its fields after fib(" + N + ")"
                : counted.misses() < N - 1 || counted.misses() > N + 1 || counted.hits() < N - 4 || counted.size() < N - 1
                        ? "the cache counted " + counted.hits() + " hits and " + counted.misses() + " misses and holds "
                                + counted.size() + " entries, where a memoizer looks up each fib(k) and misses once "
                                + "(" + (N + 1) + " misses, " + (N - 1) + " without the base cases), finds the second "
                                + "call's value there (" + (N - 2) + " hits, as Python counts) and stores each result"
                        : !counted.equals(reported)
                                ? "the cache counted " + counted + ", but cacheInfo() reports " + reported
                                : null;
        if (what != null) {
            throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache. Final grading runs your "
                    + "Fibonacci once more on the course's own LruCache, which counts every call it really gets: after "
                    + "fib(" + N + ") on a fresh Fibonacci(128), " + what + ". Each fib(k) should look k up in the cache, "
                    + "and on a miss compute fib(k - 1) + fib(k - 2) and store it there, as Python's @lru_cache does; "
                    + "cacheInfo() returns the cache's stats()." + consequence());
        }
    }

    /** The check on the student's own cache, as their own run makes it; whether fib(30) ran at all. */
    private static boolean checkOnOwnCache() {
        List<String> beyond = StudentClasses.facts().beyondContract();
        if (!beyond.isEmpty()) {
            throw new RuleViolation("Rule broken: Fibonacci keeps its results in its LruCache, through the methods the stub "
                    + "declares (the constructor, get, put, computeIfAbsent, containsKey, remove, size, capacity, keys, "
                    + "stats, clear). Final grading runs your Fibonacci on the course's own LruCache, which has those and "
                    + "no others, so Fibonacci (and the classes of yours it uses) must not reach past them: "
                    + String.join("; ", beyond.subList(0, Math.min(5, beyond.size())))
                    + (beyond.size() > 5 ? "; and " + (beyond.size() - 5) + " more" : "")
                    + ". Read the counters through stats(), and keep LruCache's own helpers inside LruCache."
                    + consequence());
        }
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
                return false;
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
                    return true;
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
                return true;
            }
            seen = "its LruCache reports " + own + " and holds " + cache.size() + " entries; cacheInfo() reports " + reported
                    + (!filled ? ": nothing was stored in the cache"
                    : !searched && own.hits() > 0 ? ": it counted hits but no miss, so no fib(k) looked k up with get before it "
                            + "was stored (a get that does not find its key counts the miss; containsKey only peeks, and counts "
                            + "nothing)"
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

    /**
     * The LruCaches that the object's fields (its own and inherited, static or not) hold, or
     * that a field holds through objects of the student's own classes (a helper that wraps the
     * cache, a lambda that captured it), up to {@link ObservedMemo#DEPTH} objects deep.
     */
    private static List<LruCache<?, ?>> cachesIn(Object object) {
        List<LruCache<?, ?>> caches = new ArrayList<>();
        for (Object cache : ObservedMemo.instancesIn(object, LruCache.class)) {
            caches.add((LruCache<?, ?>) cache);
        }
        return caches;
    }
}
