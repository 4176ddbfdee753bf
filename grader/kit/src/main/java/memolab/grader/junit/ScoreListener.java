package memolab.grader.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import memolab.grader.classroom.Classroom50;
import memolab.grader.score.Score;
import memolab.grader.score.ScoreMarkdown;
import memolab.grader.score.ScoreTable;
import memolab.grader.score.TestOutcome;

/**
 * Prints the score at the end of every test run that contains graded tests: every lost test
 * with its message, then the table and what to fix first. JUnit registers it on its own (see
 * {@code META-INF/services}), so {@code ./mvnw test} and an IDE both show it. Where the run
 * names a score file ({@code -Dmemolab.scoreFile}, the suite's pom does), the table goes there
 * instead, for {@link ScoreGate} to print after the test runner's own summary.
 *
 * <p>If the JVM stops in the middle of the run, {@code System.exit} in student code being
 * the usual cause, the test runner loses every result. A shutdown hook then prints the
 * table as far as it got and says which test was running, so the student still learns
 * what happened and what to fix.
 */
public class ScoreListener extends OutcomeCollector {

    /** The system property that asks for Classroom 50's result files, naming their folder. */
    public static final String CLASSROOM50_PROPERTY = "memolab.classroom50";

    /**
     * Where the table goes: {@code System.out} as it was when the run started (a test runner's
     * capture stream, or the console), so that student code that replaces {@code System.out}
     * (which a safety rule forbids) cannot hide the table that says so.
     */
    private final PrintStream console = System.out;

    private volatile boolean finished;
    private Thread hook;

    /** What the run printed on System.out and System.err while the graded tests ran, in bytes. */
    private final java.util.concurrent.atomic.AtomicLong printed = new java.util.concurrent.atomic.AtomicLong();
    private PrintStream originalOut;
    private PrintStream originalErr;

    /** Printing past this many bytes gets a note under the table: it is slow enough to change timings. */
    static final long PRINTED_NOTE_BYTES = 64 * 1024;

    @Override
    public synchronized void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan testPlan) {
        super.testPlanExecutionStarted(testPlan);
        finished = false;
        if (!outcomes().isEmpty() && hook == null) {
            hook = new Thread(this::reportUnfinishedRun, "memolab-score-on-exit");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        if (!outcomes().isEmpty() && originalOut == null) {
            // Counted on the way through: what the student's code prints still shows where it did.
            originalOut = System.out;
            originalErr = System.err;
            printed.set(0);
            System.setOut(new PrintStream(new Counting(originalOut), true));
            System.setErr(new PrintStream(new Counting(originalErr), true));
        }
    }

    /** Passes every byte on, counting them. */
    private final class Counting extends java.io.FilterOutputStream {
        Counting(java.io.OutputStream next) {
            super(next);
        }

        @Override
        public void write(int b) throws IOException {
            printed.incrementAndGet();
            super.out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            printed.addAndGet(length);
            super.out.write(bytes, offset, length);
        }
    }

    /**
     * A note for the student when their code printed {@code bytes} while the graded tests ran,
     * more than {@link #PRINTED_NOTE_BYTES}: debug prints left in a cache's methods, which make
     * the timing tests and the time limits fail, with messages that blame a loop or a missing
     * cache. Empty below that.
     */
    static String printedNote(long bytes) {
        if (bytes <= PRINTED_NOTE_BYTES) {
            return "";
        }
        return YourTestsLine.wrap(String.format(Locale.ROOT, "NOTE: your code printed %,d KB (System.out and System.err) while "
                + "the graded tests ran. Printing is far slower than a cache's work: the time limits and the timing tests "
                + "measure it, and their messages may then blame a loop or a missing cache that is not there. Remove debug "
                + "prints and run the tests again. (Final grading keeps only the first %d KB of what your code prints, so its "
                + "timings can differ from this run's.)", bytes / 1024, PRINTED_NOTE_BYTES / 1024));
    }

    @Override
    public void testPlanExecutionFinished(org.junit.platform.launcher.TestPlan testPlan) {
        finished = true;
        if (originalOut != null) {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut = null;
            originalErr = null;
        }
        List<TestOutcome> outcomes = outcomes();
        if (!outcomes.isEmpty()) {
            Score score = Score.of(outcomes);
            print(ScoreTable.details(score));
            String table = ScoreTable.render(score, headline(outcomes)) + printedNote(printed.get());
            String scoreFile = System.getProperty(ScoreGate.PROPERTY, "");
            boolean written = false;
            if (!scoreFile.isBlank()) {
                try {
                    ScoreGate.write(Path.of(scoreFile), score, table, yourTestsBrokenRules());
                    written = true;
                } catch (IOException | RuntimeException e) {
                    print("MemoLab could not write the score file " + scoreFile + ": " + e.getMessage() + "\n");
                }
            }
            if (!written) {
                print(table);
            }
            writeReports(outcomes);
        }
    }

    /**
     * What {@link YourTestsLine#brokenRules} says of the student's own tests, where the run names
     * them ({@link ScoreGate#YOUR_TESTS_PROPERTY}); {@code null} where it does not, or the check
     * failed (the score step then checks them itself).
     */
    private static String yourTestsBrokenRules() {
        String testClasses = System.getProperty(ScoreGate.YOUR_TESTS_PROPERTY, "");
        if (testClasses.isBlank()) {
            return null;
        }
        try {
            return YourTestsLine.brokenRules(Path.of(testClasses));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the run was asked for more than the console table: {@code -Dmemolab.classroom50=DIR}
     * writes Classroom 50's {@code result.json} and {@code release-body.md} into DIR, and on
     * GitHub Actions the score goes to the job's summary page.
     */
    private void writeReports(List<TestOutcome> outcomes) {
        String classroomFolder = System.getProperty(CLASSROOM50_PROPERTY, "");
        if (!classroomFolder.isBlank()) {
            try {
                Classroom50.write(Path.of(classroomFolder), outcomes, System.getenv(), Instant.now());
            } catch (IOException | RuntimeException e) {
                print("MemoLab could not write Classroom 50's result files into " + classroomFolder + ": " + e.getMessage() + "\n");
            }
        }
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        // Classroom 50's runner copies release-body.md to the summary page itself: once is enough.
        if (summary != null && !summary.isBlank() && classroomFolder.isBlank()) {
            Score score = Score.of(outcomes);
            String md = ScoreMarkdown.report(String.format(Locale.ROOT, "## MemoLab score: %d / %d (%s)", score.earned(),
                    score.possible(), headline(outcomes)), score);
            try {
                Files.writeString(Path.of(summary), md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                print("MemoLab could not write the job summary " + summary + ": " + e.getMessage() + "\n");
            }
        }
    }

    private void reportUnfinishedRun() {
        if (finished) {
            return;
        }
        String during = running().isEmpty() ? "between two tests" : "during the test \"" + running() + "\"";
        List<TestOutcome> outcomes = outcomes();
        print("""

                THE TEST RUN STOPPED BEFORE IT FINISHED, %s.
                The usual cause is a call to System.exit (or Runtime.exit/halt) in your code: it ends the
                whole Java process, tests included. Your code must never do that: throw an exception
                instead. The tests that did not run score 0 below; remove the call and run the tests again.
                """.formatted(during) + ScoreTable.details(Score.of(outcomes))
                + ScoreTable.render(Score.of(outcomes), headline(outcomes) + ", run cut short"));
        String scoreFile = System.getProperty(ScoreGate.PROPERTY, "");
        if (!scoreFile.isBlank()) {
            try { // so that the build fails even where the test runner lets a stopped run pass
                Score score = Score.of(outcomes);
                ScoreGate.write(Path.of(scoreFile), score, "(The score table is above, under \"THE TEST RUN STOPPED\".)\n");
            } catch (IOException | RuntimeException e) {
                print("MemoLab could not write the score file " + scoreFile + ": " + e.getMessage() + "\n");
            }
        }
    }

    private static String headline(List<TestOutcome> outcomes) {
        boolean anyHidden = outcomes.stream().anyMatch(TestOutcome::hidden);
        return anyHidden ? "visible and hidden tests" : "visible tests";
    }

    private void print(String text) {
        console.print(text);
        console.flush();
    }
}
