/**
 * Points added up: {@link memolab.grader.score.TestOutcome} (one graded test's result),
 * {@link memolab.grader.score.Score} (per category, with the guards applied: the one place
 * where points are counted), and its two renderings, the console table and Markdown, which
 * every report (console, job summary, Classroom 50, feedback.md) reuses.
 *
 * <p>Kit module: ships to students.
 */
package memolab.grader.score;
