package memolab.grader.grading;

import java.util.ArrayList;
import java.util.List;
import memolab.grader.score.Score;
import memolab.grader.score.TestOutcome;

/**
 * Everything known about one graded submission: the data every report is rendered from.
 *
 * @param student  the submission's name (its folder's name)
 * @param status   how grading ended
 * @param outcomes one outcome per graded test, in plan order
 * @param problems what went wrong outside the tests, for the student (compiler messages,
 *                 a run cut short, files that were ignored), in plain words
 * @param output   the student code's own output, capped
 * @param outputCut bytes of output dropped past the cap
 * @param timings  where the time went
 * @param flags    what the instructor should look at beyond the score, in a few words each
 *                 (edited protected files, forged result lines); empty for most submissions
 * @param yourTests what final grading measured of the student's own tests ("Your tests"), or
 *                 {@code null} when the category is off or this is not final grading
 */
public record GradingResult(String student, Status status, List<TestOutcome> outcomes, List<String> problems,
                            String output, long outputCut, Timings timings, List<String> flags, YourTestsReport yourTests) {

    /** A result without "Your tests" (the category off, or not final grading). */
    public GradingResult(String student, Status status, List<TestOutcome> outcomes, List<String> problems,
                         String output, long outputCut, Timings timings, List<String> flags) {
        this(student, status, outcomes, problems, output, outputCut, timings, flags, null);
    }

    /** The same result with what final grading measured of the student's own tests. */
    public GradingResult withYourTests(YourTestsReport report) {
        return new GradingResult(student, status, outcomes, problems, output, outputCut, timings, flags, report);
    }

    /**
     * The score before any late penalty: the suite's points, or, with "Your tests", the suite's
     * points weighted to leave the category its share ({@code possible} of 100) plus the
     * category's points, to a tenth.
     */
    public double total() {
        int suite = score().earned();
        if (yourTests == null) {
            return suite;
        }
        return Math.round((suite * (Rubric.TOTAL - yourTests.possible()) / (double) Rubric.TOTAL + yourTests.earned()) * 10) / 10.0;
    }

    /** {@link #total()} as the reports write it: "98.1", "100". */
    public String totalText() {
        return YourTestsReport.points(total());
    }

    /**
     * The message of a test the run stopped before, for a reason that is also among the
     * problems: the feedback gives that reason once and points to it from each such test.
     */
    public static String stoppedBefore(String reason) {
        return "Not run: " + reason;
    }

    /** The same result with one more flag, and its explanation for the student among the problems. */
    public GradingResult flagged(String flag, String explanation) {
        List<String> allProblems = new ArrayList<>(problems);
        allProblems.add(explanation);
        return new GradingResult(student, status, outcomes, List.copyOf(allProblems), output, outputCut, timings, flags, yourTests)
                .flaggedOnly(flag);
    }

    /** The same result with one more flag for the instructor (the student's report already says why). */
    public GradingResult flaggedOnly(String flag) {
        List<String> allFlags = new ArrayList<>(flags);
        allFlags.add(flag);
        return new GradingResult(student, status, outcomes, problems, output, outputCut, timings, List.copyOf(allFlags), yourTests);
    }

    /** How grading a submission ended. */
    public enum Status {
        /** The suite ran to the end. */
        GRADED,
        /** No sources to grade: a wrong path, an empty folder. */
        NO_SUBMISSION,
        /** The sources do not compile, or a required class or method is missing. */
        COMPILE_ERROR,
        /**
         * The code breaks a safety rule (it would end the JVM, reflect, start threads, ...), or compiles to more classes
         * than the grader runs ({@link CompiledSize}): it was not run.
         */
        REFUSED,
        /** The run was stopped at the time limit. */
        TIMED_OUT,
        /** The JVM ended before the suite did (System.exit, out of memory, a crash). */
        CRASHED,
        /** Something in the grader itself failed; the submission may be fine. */
        GRADER_ERROR
    }

    /**
     * Seconds spent compiling, starting the JVM, running the suite, and in all.
     */
    public record Timings(double compile, double jvmStart, double suite, double total) {
        static final Timings NONE = new Timings(0, 0, 0, 0);
    }

    public Score score() {
        return Score.of(outcomes);
    }
}
