package memolab.grader.suite;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * In the student's own run, starts reading the student's classes for the rules while JUnit is
 * still finding the tests: ArchUnit's reading is the longest step of the visible suite's run
 * (about 0.6 s), and finding the tests leaves the machine's other core idle. The rules tests
 * run first ({@link RulesTest}) and wait for the reading to end; the timing tests wait for it
 * too, so that they measure with nothing else running.
 *
 * <p>JUnit creates it through {@code META-INF/services} wherever the suite is on the class
 * path and the launcher lets listeners register themselves: Surefire's and an IDE's do, the
 * grader's own do not (final grading hands the rules' facts over, read in the grader's JVM).
 * It does something only where the suite's pom asks for it
 * ({@code -Dmemolab.readRulesEarly=true}, read once, before any test runs).
 */
public final class RulesReadEarly implements LauncherSessionListener {

    /** The system property that turns it on: the suite's pom sets it for {@code ./mvnw test}. */
    static final String PROPERTY = "memolab.readRulesEarly";

    /** Read when JUnit first loads this class: what a test sets later changes nothing. */
    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (ON) {
            StudentClasses.readEarly();
        }
    }
}
