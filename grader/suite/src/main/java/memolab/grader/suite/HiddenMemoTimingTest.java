package memolab.grader.suite;

import static memolab.grader.Category.MEMO_TIMING;

import memolab.grader.Graded;
import memolab.grader.Hidden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Category 6, final grading: a larger n, more rounds and a higher bar. */
@Hidden
@DisplayName("Memoized vs naive time (hidden)")
class HiddenMemoTimingTest {

    @Test
    @Timeout(60) // a memoizer that does not cache takes many seconds to measure (about 20 s for fib(30))
    @Graded(category = MEMO_TIMING, points = 2)
    @DisplayName("the memoized fib(30) is at least 100 times faster than the naive one")
    void memoizedBeatsNaiveByFar() throws InterruptedException {
        SpeedupMeter.assertSpeedup(30, 9, 100);
    }
}
