package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import memolab.grader.suite.FibonacciModel;
import memolab.grader.suite.FibonacciModel.Counters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model behind the counter tests reproduces what Python's {@code functools.lru_cache}
 * reports for the tutorial's {@code fibonacci}, so the graded expectations are Python's.
 */
class FibonacciModelTest {

    @Test
    @DisplayName("capacity 128, fib(36): CacheInfo(hits=34, misses=37, currsize=37), as in the tutorial")
    void capacity128() {
        assertThat(FibonacciModel.afterFreshCall(128, 36)).isEqualTo(new Counters(34, 37, 0, 37));
    }

    @Test
    @DisplayName("capacity 3 is already enough: 34 hits, 37 misses")
    void capacity3() {
        assertThat(FibonacciModel.afterFreshCall(3, 36)).isEqualTo(new Counters(34, 37, 34, 3));
    }

    @Test
    @DisplayName("capacity 2: 59,863 hits and 287,964 misses, as Python reports")
    void capacity2() {
        Counters counters = FibonacciModel.afterFreshCall(2, 36);
        assertThat(counters.hits()).isEqualTo(59_863);
        assertThat(counters.misses()).isEqualTo(287_964);
    }

    @Test
    @DisplayName("capacities 1 and 0 save nothing: every call misses, as many as the naive recursion makes")
    void capacities1And0SaveNothing() {
        long naiveCalls = 2 * 10_946 - 1; // 2 fib(21) - 1 calls for fib(20)
        assertThat(FibonacciModel.afterFreshCall(1, 20)).extracting(Counters::hits, Counters::misses).containsExactly(0L, naiveCalls);
        assertThat(FibonacciModel.afterFreshCall(0, 20)).extracting(Counters::hits, Counters::misses).containsExactly(0L, naiveCalls);
    }

    @Test
    @DisplayName("in general a fresh fib(n), capacity >= 3, makes n + 1 misses and n - 2 hits")
    void generalRule() {
        for (int n = 2; n <= 60; n++) {
            for (int capacity : new int[] {3, 4, 10, 128}) {
                Counters counters = FibonacciModel.afterFreshCall(capacity, n);
                assertThat(counters.misses()).as("misses, n=%d, capacity %d", n, capacity).isEqualTo(n + 1);
                assertThat(counters.hits()).as("hits, n=%d, capacity %d", n, capacity).isEqualTo(n - 2);
            }
        }
    }
}
