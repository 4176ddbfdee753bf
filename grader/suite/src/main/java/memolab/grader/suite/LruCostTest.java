package memolab.grader.suite;

import static memolab.grader.Category.LRU_COST;

import memolab.grader.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Category 3: the cost of a call must not grow with the capacity. */
@DisplayName("LRU cost per call")
class LruCostTest {

    @Test
    @Timeout(120)
    @Graded(category = LRU_COST, points = 6)
    @DisplayName("a call costs about the same at capacity 1,000 and 100,000")
    void costDoesNotGrowWithCapacity() {
        CostMeter.assertConstantCost(1_000, 100_000, 5);
    }
}
