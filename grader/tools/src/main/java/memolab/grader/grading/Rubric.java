package memolab.grader.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * How final grading shares the 100 points between the graded suite and "Your tests", the
 * student's own tests: the parent pom's {@code memolab.yourTestsPoints} (default 10; 0 turns
 * the category off), built into the grader. The suite's points count for the rest, every
 * category in proportion: with 10, a test worth 2 of the suite's 100 is worth 1.8 of the grade.
 *
 * @param yourTestsPoints the category's points, 0 to 100
 */
public record Rubric(int yourTestsPoints) {

    /** The points of a whole grade. */
    public static final int TOTAL = 100;

    /** The system property (the pom property's name) that overrides the built-in setting, for a trial run. */
    public static final String PROPERTY = "memolab.yourTestsPoints";

    public Rubric {
        if (yourTestsPoints < 0 || yourTestsPoints > TOTAL) {
            throw new IllegalArgumentException("memolab.yourTestsPoints must be 0 to " + TOTAL + ", was " + yourTestsPoints);
        }
    }

    /** The course's setting: the system property {@value #PROPERTY} if set, else what the build wrote. */
    public static Rubric course() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return new Rubric(parse(override.strip(), "the system property " + PROPERTY));
        }
        Properties properties = new Properties();
        try (InputStream in = Rubric.class.getResourceAsStream("rubric.properties")) {
            if (in == null) {
                throw new IllegalStateException("rubric.properties is missing from the grader's classes: rebuild the grader");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rubric.properties from the grader's classes", e);
        }
        return new Rubric(parse(properties.getProperty("yourTestsPoints", "").strip(), "rubric.properties (memolab.yourTestsPoints)"));
    }

    private static int parse(String text, String where) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + " must be a whole number of points, 0 to " + TOTAL + ": " + text);
        }
    }

    /** Whether final grading measures the student's own tests. */
    public boolean yourTestsCount() {
        return yourTestsPoints > 0;
    }

    /** What a test of the suite worth {@code points} of the suite's 100 is worth in the grade. */
    public double weighted(double points) {
        return points * (TOTAL - yourTestsPoints) / TOTAL;
    }

    /** A number of points as the reports write it: "98.1", "100". */
    public static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
