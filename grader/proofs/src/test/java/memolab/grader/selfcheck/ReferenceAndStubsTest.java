package memolab.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import memolab.grader.Category;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two ends of the scale: the reference earns every point, the untouched stubs none. */
class ReferenceAndStubsTest {

    @Test
    @DisplayName("the reference earns 100 of 100, hidden tests included")
    void referenceEarnsFullMarks() {
        Score score = Submissions.grade(Submissions.compile("reference", Submissions.REFERENCE, null), true);
        assertThat(score.lost()).as("tests the reference fails").isEmpty();
        assertThat(score.possible()).as("points of the whole suite").isEqualTo(Score.SUITE_TOTAL);
        assertThat(score.earned()).isEqualTo(Score.SUITE_TOTAL);
    }

    @Test
    @DisplayName("the stubs compile and earn 0 in every category, with messages that say what to write")
    void stubsEarnNothing() {
        Score score = Submissions.grade(Submissions.compile("stubs", Submissions.STUBS, null), true);
        for (Category category : Category.values()) {
            assertThat(score.row(category).earned()).as("stub points in %s", category).isZero();
            assertThat(score.row(category).tests()).as("tests in %s", category).isPositive();
        }
        for (TestOutcome outcome : score.outcomes()) {
            assertThat(outcome.message()).as("message of %s on the stubs", outcome.displayName())
                    .containsAnyOf("Delete this statement", "still the stub");
        }
    }
}
