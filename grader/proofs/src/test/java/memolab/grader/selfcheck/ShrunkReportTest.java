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
    @DisplayName("a get that does not refresh is reported as the shortest sequences that show it, in plain words")
    void getThatDoesNotRefresh() {
        Score score = Submissions.grade(Submissions.compileVariant(Submissions.CORPUS, "get-does-not-refresh"), false);
        assertThat(failed(score, "keysInRecencyOrder").message()).contains("""
                  capacity 2: put(0, a), put(1, a), get(0)
                  -> after step 3, get(0): [invariant: keys() in recency order, least recently used first] \
                keys() should be [1, 0], but was [0, 1] (the same keys, in the wrong order: the most recently used must come last)""")
                .contains("Replay exactly this case: ./mvnw test -Dmemolab.seed=");
        assertThat(failed(score, "recencyAndEviction").message()).contains("""
                  capacity 2: put(0, a), put(1, a), get(0), put(2, a)
                  -> after step 4, put(2, a): [invariant: the cache holds the right keys] keys() should hold [0, 2], \
                but held [1, 2] (key 0 should still be cached; key 1 should be gone (evicted or removed))""");
    }

    @Test
    @DisplayName("a cache whose containsKey is not written yet (chapter 4's second step done, not its third) fails the counters' "
            + "sequences at a containsKey of the case, not at a put the test looked at the cache around")
    void aMethodNotWrittenYetIsTheOneNamed() throws java.io.IOException {
        String reference = java.nio.file.Files.readString(Submissions.REFERENCE.resolve("LruCache.java"));
        java.util.regex.Matcher body = java.util.regex.Pattern.compile("(?s)(public boolean containsKey\\(K key\\) \\{).*?\n    }")
                .matcher(reference);
        assertThat(body.find()).as("containsKey in the reference").isTrue();
        java.nio.file.Path half = java.nio.file.Files.createDirectories(Submissions.SCRATCH.resolve("contains-key-not-written"));
        java.nio.file.Files.writeString(half.resolve("LruCache.java"), reference.substring(0, body.start()) + body.group(1)
                + "\n        throw new UnsupportedOperationException(\"containsKey is not written yet\");\n    }"
                + reference.substring(body.end()));
        Score score = Submissions.grade(Submissions.compile("contains-key-not-written", Submissions.REFERENCE, half), false);
        assertThat(failed(score, "countersAndClear").message()).contains("-> at step 1, containsKey(0): it threw "
                + "java.lang.UnsupportedOperationException: containsKey is not written yet (expected to return false)");
        assertThat(score.outcomes()).filteredOn(o -> o.category() == Category.LRU_SEQUENCES && !o.hidden())
                .filteredOn(o -> o.status() == TestOutcome.Status.FAILED).extracting(TestOutcome::testMethod)
                .as("the sequence tests with containsKey among their calls, and no other")
                .containsExactlyInAnyOrder("containsKeyIsAPeek", "countersAndClear", "capacitiesZeroAndOne");
    }

    private static TestOutcome failed(Score score, String method) {
        TestOutcome outcome = score.outcomes().stream()
                .filter(o -> o.category() == Category.LRU_SEQUENCES && o.testMethod().equals(method))
                .findFirst().orElseThrow();
        assertThat(outcome.status()).as(method).isEqualTo(TestOutcome.Status.FAILED);
        return outcome;
    }
}
