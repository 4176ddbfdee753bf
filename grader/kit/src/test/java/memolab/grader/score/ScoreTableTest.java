package memolab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import memolab.grader.Category;
import memolab.grader.score.TestOutcome.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The table a student reads at the end of a run, as text. */
class ScoreTableTest {

    private static TestOutcome outcome(Category category, String name, int points, Status status, String message) {
        return new TestOutcome("T", name, name, category, points, false, null, status, message);
    }

    @Test
    @DisplayName("rows per category, the total, the hidden points, and the lost tests in rubric order, grouped by message")
    void rendersTheTable() {
        Score score = Score.of(List.of(
                outcome(Category.RULES, "no threads", 2, Status.FAILED, "write LruCache first"),
                outcome(Category.LRU_EXAMPLES, "get refreshes", 2, Status.FAILED, "stub\n(thrown at X)"),
                outcome(Category.LRU_EXAMPLES, "put refreshes", 2, Status.FAILED, "stub\n(thrown at X)"),
                outcome(Category.LRU_EXAMPLES, "nulls", 1, Status.PASSED, ""),
                outcome(Category.MEMO_TIMING, "fast", 3, Status.NOT_RUN, "Not run: the test run stopped before this test.")));
        assertThat(ScoreTable.render(score, "visible tests")).isEqualTo("""
                ========================================================================
                MemoLab score: visible tests
                ========================================================================
                #   Category                                Points   Tests passed
                1   LRU behaviour: examples                 1 / 5          1 / 3
                6   Memoized vs naive time                  0 / 3          0 / 1
                7   Rules of the exercise                   0 / 2          0 / 1
                    Total                                   1 / 10
                (The other 90 of the 100 points are in tests that did not run here: the hidden tests of final grading.)

                Tests that lost points, in rubric order (the full messages are above):
                - [1 LRU behaviour: examples] get refreshes (0 / 2)
                - [1 LRU behaviour: examples] put refreshes (0 / 2)
                  (the 2 tests above, each:)
                    stub
                    (thrown at X)
                - [6 Memoized vs naive time] fast, not run (0 / 3)
                    Not run: the test run stopped before this test.
                - [7 Rules of the exercise] no threads (0 / 2)
                    write LruCache first

                Where to read about them, in the tutorial:
                - [1 LRU behaviour: examples] docs/2-lru-cache.md, "Operations and their cost"
                - [6 Memoized vs naive time] docs/1-memoization.md, "What caching the results buys"
                - [7 Rules of the exercise] docs/3-designing-lru-cache.md, "Why not LinkedHashMap?"
                ========================================================================
                """);
    }
}
