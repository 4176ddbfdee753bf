package memolab.grader.suite;

import static memolab.grader.Category.MEMO_COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import memolab.CacheStats;
import memolab.Fibonacci;
import memolab.grader.Graded;
import memolab.grader.suite.FibonacciModel.Counters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Category 5: the cache's counters after {@code fib(36)}. They depend on every detail of
 * the caching (each call through the cache, the call order, the eviction order), so they
 * fingerprint a faithful LRU memoizer. The expected values come from {@link FibonacciModel};
 * that the model reproduces Python's figures is checked by the grader's self-checks.
 */
@DisplayName("Memoization counters")
class MemoCountersTest {

    static void assertCountersAfterFreshCall(int capacity, int n, String python) {
        Fibonacci fibonacci = new Fibonacci(capacity);
        fibonacci.fib(n);
        Counters expected = FibonacciModel.afterFreshCall(capacity, n);
        assertThat(fibonacci.cacheInfo())
                .as("a fresh Fibonacci(%d), after fib(%d): cacheInfo() should report %s%s. Every call fib(k), "
                                + "base cases included, must go through the cache once, fib(k - 1) before fib(k - 2)",
                        capacity, n, expected, python)
                .isEqualTo(new CacheStats(expected.hits(), expected.misses(), expected.evictions(), expected.size(), capacity));
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
