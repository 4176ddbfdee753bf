package memolab.grader.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import memolab.grader.score.Score;

/**
 * The last step of a student's {@code ./mvnw test}: prints the score table that the graded
 * tests left in a file, then fails the build if any graded test lost points.
 *
 * <p>Why a step of its own: Maven's test runner prints its own list of every failure after the
 * tests, so a table printed by the tests would sit above forty lines of it on a first run. The
 * suite's pom lets the test runner finish without failing the build, and runs this step right
 * after it (Maven's exec plugin, in Maven's own process); the build then fails here, with the
 * table as the last thing printed before Maven's few closing lines.
 */
public final class ScoreGate {

    /** The system property naming the file: set by the suite's pom for its own test run. */
    public static final String PROPERTY = "memolab.scoreFile";

    private static final String HEADER = "memolab-score ";

    private ScoreGate() {
    }

    /**
     * The system property naming the exercises module's test classes (the student's own tests),
     * set by the suite's pom: the suite's JVM, where ArchUnit has already read the student's
     * code for the rules tests, checks them against final grading's rules for the lines under
     * the table, which costs Maven's own process 0.5 s more when it does it.
     */
    public static final String YOUR_TESTS_PROPERTY = "memolab.yourTestsClasses";

    /** The line in the score file after which its writer put the warning about the student's tests (maybe empty). */
    private static final String RULES_CHECKED = "memolab-your-tests-rules-checked";

    /** Writes the table for {@link #main} to print: a header line with the score, then the table. */
    static void write(Path file, Score score, String table) throws IOException {
        write(file, score, table, null);
    }

    /**
     * {@link #write(Path, Score, String)}, with what {@link YourTestsLine#brokenRules} said of the
     * student's tests ({@code null}: not checked, the score step checks them itself).
     */
    static void write(Path file, Score score, String table, String brokenRules) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String rules = brokenRules == null ? "" : "\n" + RULES_CHECKED + "\n" + brokenRules;
        Files.writeString(file, String.format(Locale.ROOT, "%s%d %d%n%s%s", HEADER, score.earned(), score.possible(), table,
                rules), StandardCharsets.UTF_8);
    }

    /**
     * Prints the table in {@code args[0]} and deletes the file; throws if points were lost.
     * No file: the tests did not run (skipped, or stopped before the end, which the run reports
     * itself), and there is nothing to print.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            throw new IllegalArgumentException("usage: ScoreGate <score file> [<exercises target folder> <your tests' points>]");
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.delete(file);
        int lineEnd = text.indexOf('\n');
        String[] score = text.substring(HEADER.length(), lineEnd).strip().split(" ");
        int checked = text.indexOf("\n" + RULES_CHECKED + "\n");
        String brokenRules = checked < 0 ? null : text.substring(checked + RULES_CHECKED.length() + 2);
        System.out.print(text.substring(lineEnd + 1, checked < 0 ? text.length() : checked));
        if (args.length == 3 && !args[2].isBlank() && Integer.parseInt(args[2].strip()) > 0) {
            System.out.print(YourTestsLine.of(Path.of(args[1]), Integer.parseInt(args[2].strip()), brokenRules));
        }
        System.out.flush();
        int earned = Integer.parseInt(score[0]);
        int possible = Integer.parseInt(score[1]);
        if (earned < possible) {
            throw new LostPoints(String.format(Locale.ROOT,
                    "MemoLab: %d / %d points. The score table above says what to fix first.", earned, possible));
        }
    }

    /** The build's failure when points were lost: its message is all Maven shows of it. */
    static final class LostPoints extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostPoints(String message) {
            super(message, null, false, false);
        }
    }
}
