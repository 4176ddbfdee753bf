package memolab.grader.suite;

import static memolab.grader.Category.LRU_COST;

import memolab.grader.Graded;
import memolab.grader.Hidden;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Category 3, final grading: a wider spread of capacities and more rounds. */
@Hidden
@DisplayName("LRU cost per call (hidden)")
class HiddenLruCostTest {

    @Test
    @Timeout(180)
    @Graded(category = LRU_COST, points = 4)
    @DisplayName("a call costs about the same at capacity 500 and 250,000")
    void costDoesNotGrowWithCapacityOverAWideRange() {
        CostMeter.assertConstantCost(500, 250_000, 7);
    }
}
