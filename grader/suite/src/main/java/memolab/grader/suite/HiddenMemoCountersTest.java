package memolab.grader.suite;

import static memolab.grader.Category.MEMO_COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import memolab.CacheStats;
import memolab.Fibonacci;
import memolab.grader.Graded;
import memolab.grader.Hidden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Category 5, final grading: the degenerate capacities, other n, and cacheClear. */
@Hidden
@DisplayName("Memoization counters (hidden)")
class HiddenMemoCountersTest {

    @Test
    @Graded(category = MEMO_COUNTERS, points = 1)
    @DisplayName("capacities 0 to 5 match the model for fib(2) to fib(20)")
    void smallCapacitiesMatchTheModel() {
        var observed = ObservedMemo.onTrustedCache();
        for (int capacity = 0; capacity <= 5; capacity++) {
            for (int n = 2; n <= 20; n += 2) { // at capacity 0, fib(20) is 21,891 calls: enough, and a seventh of fib(24)'s
                MemoCountersTest.assertCountersAfterFreshCall(capacity, n, "", observed);
            }
        }
    }

    @Test
    @Graded(category = MEMO_COUNTERS, points = 1)
    @DisplayName("cacheClear resets the counters, and fib(36) then counts as on a fresh memoizer")
    void cacheClearStartsAfresh() {
        CacheStats fresh = MemoCountersTest.expectedAfterFreshCall(128, 36);
        MemoOnYourCache faithful = new MemoOnYourCache(128);
        faithful.fib(36);
        faithful.clear();
        CacheStats cleared = faithful.stats();
        Fibonacci fibonacci = new Fibonacci(128);
        fibonacci.fib(36);
        fibonacci.cacheClear();
        assertThat(fibonacci.cacheInfo()).as("Fibonacci(128), fib(36), cacheClear(): cacheInfo() should be %s, as clear() "
                + "leaves your LruCache (a faithful memoizer's cacheClear() calls it)", cleared).isEqualTo(cleared);
        faithful.fib(36);
        fibonacci.fib(36);
        assertThat(fibonacci.cacheInfo()).as("then fib(36) again: %s, as a faithful memoizer on your LruCache gets "
                + "(a fresh one gets %s)", faithful.stats(), fresh).isEqualTo(faithful.stats());
    }
}
