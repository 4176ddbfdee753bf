package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import memolab.grader.Category;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a student reads when the random sequences catch a bug: the smallest case, in plain words. */
class ShrunkReportTest {

    @Test
    @DisplayName("a get that does not refresh is reported as the 3-call sequence that shows it")
    void getThatDoesNotRefresh() {
        Score score = Submissions.grade(Submissions.compileVariant(Submissions.CORPUS, "get-does-not-refresh"), false);
        TestOutcome small = score.outcomes().stream()
                .filter(o -> o.category() == Category.LRU_SEQUENCES && o.testMethod().equals("smallCachesBehaveLikeTheModel"))
                .findFirst().orElseThrow();
        assertThat(small.status()).isEqualTo(TestOutcome.Status.FAILED);
        assertThat(small.message()).contains("""
                  capacity 2: put(0, a), put(1, a), get(0)
                  -> after step 3, get(0): [invariant: keys() in recency order, least recently used first] \
                keys() should be [1, 0], but was [0, 1] (the same keys, in the wrong order: the most recently used must come last)""")
                .contains("Replay exactly this case: ./mvnw test -Dmemolab.seed=");
    }
}
