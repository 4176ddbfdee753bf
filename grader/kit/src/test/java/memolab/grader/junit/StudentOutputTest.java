package memolab.grader.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import memolab.grader.Category;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a student's terminal shows of a failure: their own frames, and the table last. */
class StudentOutputTest {

    @Test
    @DisplayName("a quoted stack keeps the student's frames and drops the tests' and the libraries'")
    void keepsOnlyStudentFrames() {
        String assertj = """
                [new LruCache(-1) should throw IllegalArgumentException]
                Expecting actual throwable to be an instance of:
                  java.lang.IllegalArgumentException
                but was:
                  java.lang.UnsupportedOperationException: not written yet
                \tat memolab.LruCache.<init>(LruCache.java:64)
                \tat memolab.grader.suite.LruExamplesTest$WhenNew.lambda$negative$0(LruExamplesTest.java:55)
                \tat org.assertj.core.api.ThrowableAssert.catchThrowable(ThrowableAssert.java:66)
                \tat memolab-suite//memolab.grader.suite.LruExamplesTest.negative(LruExamplesTest.java:55)
                \tat memolab-submission//memolab.Fibonacci.fib(Fibonacci.java:9)
                \tat java.base/java.util.HashMap.computeIfAbsent(HashMap.java:1228)
                \t...(17 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)
                \t... 12 more""";
        assertThat(OutcomeCollector.studentFramesOnly(assertj)).isEqualTo("""
                [new LruCache(-1) should throw IllegalArgumentException]
                Expecting actual throwable to be an instance of:
                  java.lang.IllegalArgumentException
                but was:
                  java.lang.UnsupportedOperationException: not written yet
                \tat memolab.LruCache.<init>(LruCache.java:64)
                \tat memolab-submission//memolab.Fibonacci.fib(Fibonacci.java:9)""");
    }

    @Test
    @DisplayName("the score step prints the table, deletes its file, and fails the build only when points were lost")
    void scoreGate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target/memolab-score.txt");
        Score lost = Score.of(List.of(new TestOutcome("T", "m", "get refreshes", Category.LRU_EXAMPLES, 2, false, null,
                TestOutcome.Status.FAILED, "stub")));
        ScoreGate.write(file, lost, "THE TABLE\n");
        String printed = printedBy(() -> assertThatThrownBy(() -> ScoreGate.main(new String[] {file.toString()}))
                .hasMessage("MemoLab: 0 / 2 points. The score table above says what to fix first."));
        assertThat(printed).isEqualTo("THE TABLE\n");
        assertThat(file).doesNotExist();

        Score full = Score.of(List.of(new TestOutcome("T", "m", "get refreshes", Category.LRU_EXAMPLES, 2, false, null,
                TestOutcome.Status.PASSED, "")));
        ScoreGate.write(file, full, "ALL PASSED\n");
        assertThat(printedBy(() -> ScoreGate.main(new String[] {file.toString()}))).isEqualTo("ALL PASSED\n");
        assertThat(printedBy(() -> ScoreGate.main(new String[] {file.toString()}))).as("no file: the tests did not run").isEmpty();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    @DisplayName("the score step prints the suite's check of the student's own tests under the table, and checks them itself without one")
    void scoreGateYourTestsRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target/memolab-score.txt");
        Path exercisesTarget = Files.createDirectories(dir.resolve("exercises/target"));
        Score full = Score.of(List.of(new TestOutcome("T", "m", "get refreshes", Category.LRU_EXAMPLES, 2, false, null,
                TestOutcome.Status.PASSED, "")));
        String[] args = {file.toString(), exercisesTarget.toString(), "10"};

        ScoreGate.write(file, full, "ALL PASSED\n", "WARNING: from the suite\n");
        assertThat(printedBy(() -> ScoreGate.main(args))).startsWith("ALL PASSED\nYour tests (exercises/src/test/java/memolab): "
                + "none ran;").doesNotContain("memolab-your-tests-rules-checked");

        Files.createDirectories(exercisesTarget.resolve("surefire-reports"));
        Files.writeString(exercisesTarget.resolve("surefire-reports/TEST-memolab.LruCacheTest.xml"),
                "<testsuite name=\"memolab.LruCacheTest\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"/>");
        ScoreGate.write(file, full, "ALL PASSED\n", "WARNING: from the suite\n");
        assertThat(printedBy(() -> ScoreGate.main(args))).startsWith("ALL PASSED\nYour tests: 1 ran on your code, 1 passed;")
                .endsWith("WARNING: from the suite\n");

        ScoreGate.write(file, full, "ALL PASSED\n", "");
        assertThat(printedBy(() -> ScoreGate.main(args))).as("checked by the suite, nothing broken").doesNotContain("WARNING")
                .endsWith("\"Testing your cache\")." + System.lineSeparator());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String printedBy(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a run whose code printed more than 64 KB gets a note under the table that printing skews the timings")
    void muchPrintingGetsANote() {
        assertThat(ScoreListener.printedNote(ScoreListener.PRINTED_NOTE_BYTES)).isEmpty();
        assertThat(ScoreListener.printedNote(2_000_000).replaceAll("\\s+", " ")).contains(
                "NOTE: your code printed 1,953 KB (System.out and System.err) while the graded tests ran",
                "Remove debug prints and run the tests again.");
    }
}
