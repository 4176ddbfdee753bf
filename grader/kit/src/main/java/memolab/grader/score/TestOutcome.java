package memolab.grader.score;

import memolab.grader.Category;
import memolab.grader.Guard;

/**
 * The result of one graded test: what it is worth and what happened.
 *
 * @param testClass   the test class's fully qualified name
 * @param testMethod  the test method's name
 * @param displayName the plain-words name a student reads
 * @param category    the rubric category
 * @param points      what the test is worth
 * @param hidden      whether the test is kept for final grading
 * @param guard       the rule the test checks, when breaking it voids other categories; else null
 * @param status      what happened
 * @param message     why it failed or did not run, for a student; empty when it passed
 */
public record TestOutcome(
        String testClass,
        String testMethod,
        String displayName,
        Category category,
        int points,
        boolean hidden,
        Guard guard,
        Status status,
        String message) {

    /** What happened to a graded test. */
    public enum Status {
        PASSED,
        FAILED,
        /** Skipped, or never reached because the run stopped early. */
        NOT_RUN,
        /** Failed because the code breaks a rule of the exercise; the rule's {@link Guard} applies. */
        VIOLATED,
        /** Passed, but worth nothing: a rule that guards its category is broken (see {@link Guard#apply}). */
        VOIDED
    }

    /** The points earned: all of them if the test passed, else none. */
    public int earned() {
        return status == Status.PASSED ? points : 0;
    }

    /** A copy with another status and message. */
    public TestOutcome with(Status newStatus, String newMessage) {
        return new TestOutcome(testClass, testMethod, displayName, category, points, hidden, guard, newStatus, newMessage);
    }
}
