package memolab.grader.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import memolab.grader.Category;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.Test;

class Classroom50Test {

    private static final Map<String, String> RUNNER = Map.of("CLASSROOM", "cs101", "ASSIGNMENT", "memolab-lru",
            "SUBMISSION_TAG", "submit/20261125T120000Z-abc1234", "COMMIT_URL", "c", "RELEASE_URL", "r", "USERNAME", "alice");

    private static TestOutcome outcome(Category category, String name, int points, TestOutcome.Status status) {
        return new TestOutcome("memolab.grader.suite.X", name, name, category, points, false, null, status,
                status == TestOutcome.Status.PASSED ? "" : "expected 1 but was 2");
    }

    @Test
    void resultListsEveryTestInRubricOrderWithItsPoints() {
        List<TestOutcome> outcomes = List.of(outcome(Category.RULES, "rule", 2, TestOutcome.Status.PASSED),
                outcome(Category.LRU_EXAMPLES, "get refreshes", 3, TestOutcome.Status.FAILED));
        JsonObject json = JsonParser.parseString(Classroom50.resultJson(outcomes, RUNNER,
                Instant.parse("2026-11-25T12:00:00.123Z"))).getAsJsonObject();
        assertThat(json.get("schema").getAsString()).isEqualTo("classroom50/result/v1");
        assertThat(json.get("datetime").getAsString()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(json.get("owner").getAsString()).isEqualTo("alice");
        assertThat(json.get("review").getAsString()).as("review falls back to the commit").isEqualTo("c");
        assertThat(json.get("score").getAsInt()).isEqualTo(2);
        assertThat(json.get("max-score").getAsInt()).isEqualTo(5);
        JsonObject first = json.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertThat(first.get("test-name").getAsString()).isEqualTo("1. get refreshes");
        assertThat(first.get("passed").getAsBoolean()).isFalse();
        assertThat(first.get("message").getAsString()).isEqualTo("expected 1 but was 2");
    }

    @Test
    void missingRunnerVariablesAreNamed() {
        assertThatThrownBy(() -> Classroom50.resultJson(List.of(), Map.of("CLASSROOM", "cs101"), Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, OWNER");
    }

    @Test
    void longNamesAreCutToTheHundredBytesClassroom50Allows() {
        String name = Classroom50.testName(outcome(Category.LRU_EXAMPLES, "é".repeat(80), 1, TestOutcome.Status.PASSED));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
        assertThat(name).startsWith("1. éé").endsWith("…");
    }
}
