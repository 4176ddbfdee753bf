package memolab.grader.suite;

import static memolab.grader.Category.MEMO_TIMING;

import memolab.grader.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Category 6: memoization must pay, as in the tutorial's timing. */
@DisplayName("Memoized vs naive time")
class MemoTimingTest {

    @Test
    @Timeout(60) // a memoizer that does not cache takes many seconds to measure (about 20 s for fib(30))
    @Graded(category = MEMO_TIMING, points = 3)
    @DisplayName("the memoized fib(27) is at least 20 times faster than the naive one")
    void memoizedBeatsNaive() throws InterruptedException {
        SpeedupMeter.assertSpeedup(27, 7, 20);
    }
}
