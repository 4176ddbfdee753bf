package memolab.grader.suite;

import static memolab.grader.Category.MEMO_COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.BiFunction;
import memolab.CacheStats;
import memolab.Fibonacci;
import memolab.grader.Graded;
import memolab.grader.suite.FibonacciModel.Counters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Category 5: the memoizer's counters after {@code fib(36)}. They depend on every detail of
 * the memoization (each call through the cache, the call order), so they fingerprint a
 * faithful memoizer. The expected values are what a faithful memoizer gets from the
 * student's own {@code LruCache} ({@link MemoOnYourCache}): with a correct cache, Python's
 * figures (which {@link FibonacciModel} reproduces, as the grader's self-checks show); with a
 * cache that evicts or counts wrong, what that cache gives, so that a cache bug costs points
 * in the cache's categories, not here too. Only a cache that fails a correct memoizer
 * outright (it throws, or returns wrong values) costs points here as well, and the message
 * says so.
 */
@DisplayName("Memoization counters")
class MemoCountersTest {

    static void assertCountersAfterFreshCall(int capacity, int n, String python) {
        assertCountersAfterFreshCall(capacity, n, python, ObservedMemo.onTrustedCache());
    }

    /** As above, with the driver on the grader's own cache given (one for many calls: each fib(n) is on a fresh Fibonacci). */
    static void assertCountersAfterFreshCall(int capacity, int n, String python,
            Optional<BiFunction<Integer, Integer, long[]>> observed) {
        CacheStats expected = expectedAfterFreshCall(capacity, n);
        Counters model = FibonacciModel.afterFreshCall(capacity, n);
        boolean asPython = expected.equals(new CacheStats(model.hits(), model.misses(), model.evictions(), model.size(), capacity));
        Fibonacci fibonacci = new Fibonacci(capacity);
        fibonacci.fib(n);
        assertThat(fibonacci.cacheInfo())
                .as("a fresh Fibonacci(%d), after fib(%d): cacheInfo() should report %s%s. Every call fib(k), "
                                + "base cases included, must go through the cache once, fib(k - 1) before fib(k - 2)",
                        capacity, n, expected, asPython ? python
                                : " (what your LruCache gives a faithful memoizer; Python's lru_cache would give " + model
                                + ": categories 1 and 2 show where your LruCache differs)")
                .isEqualTo(expected);
        observed.ifPresent(driver -> assertObserved(driver.apply(capacity, n), capacity, n, model));
    }

    /**
     * Final grading: the same call on the grader's own cache, which counts what the memoizer
     * really asked of it ({@link ObservedMemo}), must give Python's counters, and
     * {@code cacheInfo()} must report them. A correct memoizer passes this wherever it passes
     * the check above, whatever the student's cache does.
     */
    private static void assertObserved(long[] seen, int capacity, int n, Counters model) {
        CacheStats python = new CacheStats(model.hits(), model.misses(), model.evictions(), model.size(), capacity);
        assertThat(ObservedMemo.stats(seen, ObservedMemo.OBSERVED))
                .as("final grading ran your Fibonacci(%d).fib(%d) once more, on the course's own LruCache, which counts "
                        + "every call it really gets: it should count %s, as Python's lru_cache does. Every call fib(k), "
                        + "base cases included, must go through the cache once, fib(k - 1) before fib(k - 2)",
                        capacity, n, python)
                .isEqualTo(python);
        assertThat(ObservedMemo.stats(seen, ObservedMemo.REPORTED))
                .as("final grading ran your Fibonacci(%d).fib(%d) once more, on the course's own LruCache: cacheInfo() "
                        + "should report what that cache counted", capacity, n)
                .isEqualTo(python);
    }

    /** What a faithful memoizer gets from the student's cache; a cache that fails it fails this test too, and says why. */
    static CacheStats expectedAfterFreshCall(int capacity, int n) {
        try {
            return MemoOnYourCache.afterFreshCall(capacity, n);
        } catch (MemoOnYourCache.CacheFailure e) {
            throw new AssertionError("Memoization cannot be judged: " + e.getMessage() + ". This comes from LruCache, "
                    + "not Fibonacci, and costs points here too, because Fibonacci runs on it: fix LruCache first "
                    + "(categories 1 and 2 show where).", e.getCause());
        }
    }

    @Test
    @Graded(category = MEMO_COUNTERS, points = 3)
    @DisplayName("fib(36) with capacity 128: 34 hits and 37 misses, as in Python")
    void capacity128MatchesPython() {
        assertCountersAfterFreshCall(128, 36, " (Python: CacheInfo(hits=34, misses=37, maxsize=128, currsize=37))");
    }

    @Test
    @Graded(category = MEMO_COUNTERS, points = 2)
    @DisplayName("fib(36) with capacity 3: still 34 hits and 37 misses")
    void capacity3IsEnoughForFibonacci() {
        assertCountersAfterFreshCall(3, 36, " (Python: hits=34, misses=37, currsize=3)");
    }

    @Test
    @Graded(category = MEMO_COUNTERS, points = 2)
    @DisplayName("fib(36) with capacity 2: 59,863 hits and 287,964 misses, as in Python")
    void capacity2DegradesAsInPython() {
        assertCountersAfterFreshCall(2, 36, " (Python: CacheInfo(hits=59863, misses=287964, maxsize=2, currsize=2))");
    }

    @Test
    @Graded(category = MEMO_COUNTERS, points = 1)
    @DisplayName("calling fib(36) a second time is one more hit")
    void secondCallIsOneHit() {
        Fibonacci fibonacci = new Fibonacci(128);
        fibonacci.fib(36);
        CacheStats first = fibonacci.cacheInfo();
        fibonacci.fib(36);
        assertThat(fibonacci.cacheInfo())
                .as("Fibonacci(128), fib(36) twice: the second call should be a single hit (before: %s)", first)
                .isEqualTo(new CacheStats(first.hits() + 1, first.misses(), first.evictions(), first.size(), first.capacity()));
    }
}
