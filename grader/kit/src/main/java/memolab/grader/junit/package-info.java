/**
 * JUnit listeners: {@link memolab.grader.junit.OutcomeCollector} turns test events into
 * {@link memolab.grader.score.TestOutcome}s; {@link memolab.grader.junit.ScoreListener},
 * registered through {@code META-INF/services}, prints the score table at the end of any run
 * (Maven, an IDE) and writes the Classroom 50 files and the job summary when asked.
 * Listening only: starting runs is {@code memolab.grader.runner}'s job, in the tools.
 *
 * <p>Kit module: ships to students.
 */
package memolab.grader.junit;
