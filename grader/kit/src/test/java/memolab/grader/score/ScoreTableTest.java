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
    @DisplayName("rows per category, the total, the hidden points, then what to fix first and where to read")
    void rendersTheTable() {
        assertThat(ScoreTable.render(SCORE, "visible tests")).isEqualTo("""
                ========================================================================
                MemoLab score: visible tests
                ========================================================================
                #   Category                                Points   Tests passed
                1   LRU behaviour: examples                 1 / 5          1 / 3
                6   Memoized vs naive time                  0 / 3          0 / 1
                7   Rules of the exercise                   0 / 2          0 / 1
                    Total                                   1 / 10
                (Not run here: 72 visible points in tests this command did not select (./mvnw test runs them all), and the 18 points of final grading's hidden tests.)

                Fix first (in rubric order; every lost test and its message are above):
                - [1 LRU behaviour: examples] get refreshes (and 1 more with the same message)
                    stub
                - [6 Memoized vs naive time] fast
                    Not run: the test run stopped before this test.
                - [7 Rules of the exercise] no threads
                    write LruCache first
                Where to read about them, in the tutorial:
                - [1 LRU behaviour: examples] docs/2-lru-cache.md, "Operations and their cost"
                - [6 Memoized vs naive time] docs/1-memoization.md, "What caching the results buys"
                - [7 Rules of the exercise] docs/3-designing-lru-cache.md, "Why not LinkedHashMap?"
                ========================================================================
                """);
    }

    @Test
    @DisplayName("the details list every lost test in rubric order, grouped by message")
    void rendersTheDetails() {
        assertThat(ScoreTable.details(SCORE)).isEqualTo("""

                Tests that lost points, in rubric order:
                - [1 LRU behaviour: examples] get refreshes (0 / 2)
                - [1 LRU behaviour: examples] put refreshes (0 / 2)
                  (the 2 tests above, each:)
                    stub
                    (thrown at X)
                - [6 Memoized vs naive time] fast, not run (0 / 3)
                    Not run: the test run stopped before this test.
                - [7 Rules of the exercise] no threads (0 / 2)
                    write LruCache first

                """);
    }

    @Test
    @DisplayName("the fix-first list names at most three groups, and says how many more there are")
    void fixFirstIsShort() {
        Score many = Score.of(List.of(
                outcome(Category.LRU_EXAMPLES, "a", 1, Status.FAILED, "first"),
                outcome(Category.LRU_EXAMPLES, "b", 1, Status.FAILED, "second"),
                outcome(Category.LRU_SEQUENCES, "c", 1, Status.FAILED, """
                        Your LruCache did not behave like the model cache on a sequence of calls.
                        Found a failing case at random case 7. Smallest failing case (shrunk in 15 steps):
                          capacity 2: put(0, a), put(1, a), get(0), put(2, a)
                          -> after step 4, put(2, a): key 0 should still be cached
                        The case first found was longer: capacity 3: get(0)"""),
                outcome(Category.RULES, "d", 1, Status.FAILED, "x".repeat(400))));
        String table = ScoreTable.render(many, "");
        assertThat(table).contains("- [1 LRU behaviour: examples] a\n    first\n")
                .contains("""
                        - [2 LRU behaviour: random sequences] c
                            Your LruCache did not behave like the model cache on a sequence of calls.
                            capacity 2: put(0, a), put(1, a), get(0), put(2, a)
                            -> after step 4, put(2, a): key 0 should still be cached
                        """)
                .contains("  (1 more groups of lost tests above)\n")
                .contains("- [1 LRU behaviour: examples] b\n    second\n")
                .doesNotContain("[7 Rules of the exercise] d\n")
                .contains("- [7 Rules of the exercise] docs/3-designing-lru-cache.md");
        assertThat(ScoreTable.details(many)).contains("x".repeat(300));
        assertThat(ScoreTable.details(Score.of(List.of(outcome(Category.RULES, "e", 1, Status.PASSED, ""))))).isEmpty();
    }

    private static final Score SCORE = Score.of(List.of(
            outcome(Category.RULES, "no threads", 2, Status.FAILED, "write LruCache first"),
            outcome(Category.LRU_EXAMPLES, "get refreshes", 2, Status.FAILED, "stub\n(thrown at X)"),
            outcome(Category.LRU_EXAMPLES, "put refreshes", 2, Status.FAILED, "stub\n(thrown at X)"),
            outcome(Category.LRU_EXAMPLES, "nulls", 1, Status.PASSED, ""),
            outcome(Category.MEMO_TIMING, "fast", 3, Status.NOT_RUN, "Not run: the test run stopped before this test.")));
}
