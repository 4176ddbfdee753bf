package memolab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import memolab.grader.Category;
import memolab.grader.grading.GradingResult;
import memolab.grader.score.TestOutcome;
import memolab.grader.score.TestOutcome.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The feedback file a student reads: a stopped run's reason once, not once per category. */
class FeedbackMarkdownTest {

    private static final String WHY = "The run was stopped after 2 tests ran past their time limit (\"a\", \"b\").";

    private static TestOutcome outcome(Category category, String name, Status status, String message) {
        return new TestOutcome("memolab.grader.suite.SomeTest", name, name, category, 1, false, null, status, message);
    }

    @Test
    @DisplayName("the reason a run stopped is given once, under What happened; each category points there")
    void stoppedRunSaysWhyOnce() {
        GradingResult result = new GradingResult("ada", GradingResult.Status.TIMED_OUT, List.of(
                outcome(Category.LRU_EXAMPLES, "a", Status.FAILED, "Still running LruCache.get (LruCache.java:12)"),
                outcome(Category.LRU_EXAMPLES, "c", Status.NOT_RUN, GradingResult.stoppedBefore(WHY)),
                outcome(Category.LRU_COST, "d", Status.NOT_RUN, GradingResult.stoppedBefore(WHY)),
                outcome(Category.FIBONACCI_VALUES, "e", Status.NOT_RUN, "Not run: the test run stopped before this test.")),
                List.of(WHY), "", 0, new GradingResult.Timings(0, 0, 0, 0), List.of());

        String feedback = FeedbackMarkdown.render(result);

        assertThat(feedback.split(java.util.regex.Pattern.quote(WHY), -1)).as(feedback).hasSize(2); // once
        assertThat(feedback.indexOf("## What happened")).isLessThan(feedback.indexOf(WHY));
        assertThat(feedback.split(java.util.regex.Pattern.quote(FeedbackMarkdown.STOPPED), -1)).as(feedback).hasSize(3);
        assertThat(feedback).contains("Still running LruCache.get (LruCache.java:12)")
                .contains("Not run: the test run stopped before this test."); // not the run's stated reason: kept
    }
}
