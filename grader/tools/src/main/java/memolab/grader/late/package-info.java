/**
 * Deadlines and late work: the late policy ({@link memolab.grader.late.LatePolicy}), each
 * student's lateness ({@link memolab.grader.late.Lateness}), the class's deadline with its
 * extensions and submission times ({@link memolab.grader.late.Deadlines}), and where those
 * times come from: GitHub's record of each push ({@link memolab.grader.late.PushLog}) or
 * Gradescope's submission metadata ({@link memolab.grader.late.GradescopeMetadata}). Nothing
 * here reads a date inside a commit: the student sets those.
 *
 * <p>Tools module: the instructor's; never shipped.
 */
package memolab.grader.late;
